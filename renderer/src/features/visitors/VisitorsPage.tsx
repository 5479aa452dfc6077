// The visitors page: the visit log, the watch list and (for admins) where the visitor settings are (管理).
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';
import { VisitHistory } from './VisitHistory';
import { WatchListAdmin } from './WatchListAdmin';
import { SetUpLink } from '../../ui/SetUpLink';

export function VisitorsPage() {
  const { t } = useTranslation('visitors');
  const user = useSession((s) => s.user);
  return (
    <div data-testid="visitors-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'history', label: t('page.history'), children: <VisitHistory /> },
          { key: 'watch', label: t('page.watchList'), children: <WatchListAdmin /> },
          ...(user?.role === 'admin' ? [{ key: 'settings', label: t('page.settings'), children: <SetUpLink tab="visitors" /> }] : []),
        ]}
      />
    </div>
  );
}
