// The admin page, set-up in one place: building, people, the record's departments and time limits, the phone
// desk's ring cadence and script, visitor settings (overstay, retention, ageing, the roll; expected visitors and
// parcels), the handover template and the opening check, paired devices, the desk's hardware, security, audit —
// each form from its own feature.
// `?tab=<key>` opens a tab: the feature pages link here (ui/SetUpLink).
import { Divider, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
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
import { RecordsSettingsForm } from '../records';
import { CallSettingsForm } from '../calls';
import { VisitorSettingsForm } from '../visitors';
import { ExpectedSettingsForm } from '../expected';
import { ParcelSettingsForm } from '../parcels';
import { HandoverTemplateForm } from '../handover';
import { OpeningCheckForm } from '../shifts';

export function AdminPage() {
  const { t } = useTranslation('settings');
  const [params, setParams] = useSearchParams();
  return (
    <div data-testid="admin-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        activeKey={params.get('tab') ?? 'staff'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: 'staff', label: t('admin.staff'), children: <StaffAdmin /> },
          { key: 'building', label: t('admin.building'), children: <BuildingSettings /> },
          { key: 'records', label: t('admin.records'), children: <RecordsSettingsForm /> },
          { key: 'calls', label: t('admin.calls'), children: <CallSettingsForm /> },
          {
            key: 'visitors',
            label: t('admin.visitors'),
            children: (
              <>
                <VisitorSettingsForm />
                <Divider />
                <ExpectedSettingsForm />
                <Divider />
                <ParcelSettingsForm />
              </>
            ),
          },
          { key: 'handover', label: t('admin.handover'), children: <HandoverTemplateForm /> },
          { key: 'opening', label: t('admin.opening'), children: <OpeningCheckForm /> },
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
