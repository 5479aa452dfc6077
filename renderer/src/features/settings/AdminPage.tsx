// The admin page: building, people, paired devices, the desk's hardware, security, audit — each from its own feature.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BuildingSettings } from './BuildingSettings';
import { SecuritySettings } from './SecuritySettings';
import { StaffAdmin } from '../staff';
import { DevicesAdmin } from '../devices';
import { AuditAdmin } from '../audit';
import { BackupAdmin } from '../backup';
import { InstallationAdmin } from '../installation';
import { HardwareAdmin } from '../hardware';
import { NotifyAdmin } from '../notify';
import { PhotosAdmin } from '../photos';

export function AdminPage() {
  const { t } = useTranslation('settings');
  return (
    <div data-testid="admin-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'staff', label: t('admin.staff'), children: <StaffAdmin /> },
          { key: 'building', label: t('admin.building'), children: <BuildingSettings /> },
          { key: 'devices', label: t('admin.devices'), children: <DevicesAdmin /> },
          { key: 'hardware', label: t('hardware:tab'), children: <HardwareAdmin /> },
          { key: 'security', label: t('admin.security'), children: <SecuritySettings /> },
          { key: 'audit', label: t('admin.audit'), children: <AuditAdmin /> },
          { key: 'backup', label: t('admin.backup'), children: <BackupAdmin /> },
          { key: 'installation', label: t('admin.installation'), children: <InstallationAdmin /> },
          { key: 'notify', label: t('notify:admin.title'), children: <NotifyAdmin /> },
          { key: 'photos', label: t('photos:admin.title'), children: <PhotosAdmin /> },
        ]}
      />
    </div>
  );
}
