// Set-up in one place (issue 21): a feature page's settings live in 管理; the page says where and links to the tab.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** `tab` is the 管理 tab's key; its label is the settings namespace's `admin.<tab>`. */
export function SetUpLink({ tab }: { tab: string }) {
  const { t } = useTranslation('common');
  return (
    <Alert
      type="info"
      showIcon
      message={t('setUp.where', { place: t(`settings:admin.${tab}`) })}
      action={
        <Link to={`/admin?tab=${tab}`} data-testid={`setup-link-${tab}`}>
          {t('setUp.go')}
        </Link>
      }
      data-testid="setup-where"
    />
  );
}
