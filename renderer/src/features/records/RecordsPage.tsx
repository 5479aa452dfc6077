// /records: the reception record (《接待业主情况记录》) — the list with its filters; the administrator also finds where
// the record's settings are (管理).
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';
import { RecordsList } from './RecordsList';
import { SetUpLink } from '../../ui/SetUpLink';

export function RecordsPage() {
  const { t } = useTranslation('records');
  const user = useSession((s) => s.user);
  return (
    <div data-testid="records-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      {user?.role === 'admin' ? (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'list', label: t('page.list'), children: <RecordsList /> },
            { key: 'settings', label: t('settingsPage.tab'), children: <SetUpLink tab="records" /> },
          ]}
        />
      ) : (
        <RecordsList />
      )}
    </div>
  );
}
