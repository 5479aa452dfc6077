// 中文 / English switch. Staff screens remember the choice; the visitor screen switches per visit only.
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { staffClient, kioskClient } from '../api/client';
import { headerButton } from './kiosk/styles';

export function LanguageSwitch({ remember = true, size = 'middle' }: { remember?: boolean; size?: 'middle' | 'large' }) {
  const { t, i18n } = useTranslation('common');
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      size={size}
      // Large is the visitor screen's: a touch target of 56 px (V-5).
      style={size === 'large' ? headerButton : undefined}
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      onClick={() => {
        setLanguage(next, remember);
        staffClient.setLanguage(next);
        kioskClient.setLanguage(next);
      }}
    >
      {t('language.switchTo')}
    </Button>
  );
}
