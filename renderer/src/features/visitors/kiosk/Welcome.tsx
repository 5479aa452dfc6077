// The visitor screen's idle state (V-5): welcome in the building's name, the time, current public notices, Start —
// vertically centred on a tablet (1280×800) and on a portrait screen (1080×1920), every target at least 48 px.
import { Button, Flex, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import type { KioskWelcome } from '../../../../../shared/contract/visitors';
import { bigButton, KIOSK_BLUE } from '../../../ui/kiosk/styles';
import { useNow } from '../../../ui/use-now';

/** The building's time and date, large: a visitor looks at the screen before they touch it. */
function WelcomeClock({ timeZone }: { timeZone: string }) {
  const { i18n } = useTranslation();
  const now = useNow(10_000);
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  const date = new Intl.DateTimeFormat(locale, { timeZone, month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  return (
    <div style={{ textAlign: 'center', lineHeight: 1.1 }} data-testid="visitor-clock">
      <div style={{ fontSize: 72, fontWeight: 300, fontVariantNumeric: 'tabular-nums' }}>{time}</div>
      <div style={{ fontSize: 24, opacity: 0.85 }}>{date}</div>
    </div>
  );
}

export function Welcome({ welcome, onStart, onInvitation }: { welcome: KioskWelcome; onStart(): void; onInvitation?(): void }) {
  const { t, i18n } = useTranslation('visitors');
  const en = i18n.language === 'en';
  const building = en && welcome.building.nameEn ? welcome.building.nameEn : welcome.building.name;
  return (
    <Flex vertical align="center" justify="center" gap={28} style={{ minHeight: '100vh', background: `linear-gradient(160deg, ${KIOSK_BLUE}, #1a6fb3)`, color: '#fff', padding: 32, boxSizing: 'border-box' }} data-testid="visitor-welcome">
      <div style={{ position: 'absolute', top: 24, right: 24 }}>
        <LanguageSwitch remember={false} size="large" />
      </div>
      <WelcomeClock timeZone={welcome.building.timeZone} />
      <Typography.Title style={{ color: '#fff', fontSize: 56, margin: 0, textAlign: 'center' }} data-testid="visitor-welcome-title">
        {t('welcome.title', { building })}
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 28 }}>{t('welcome.subtitle')}</Typography.Text>
      <Button size="large" style={bigButton} autoInsertSpace={false} onClick={onStart} data-testid="visitor-start">
        {t('welcome.start')}
      </Button>
      {onInvitation && (
        <Button size="large" ghost style={{ ...bigButton, color: '#fff', borderColor: '#fff' }} autoInsertSpace={false} onClick={onInvitation} data-testid="visitor-invitation">
          {t('expected:kiosk.entry')}
        </Button>
      )}
      {welcome.notices.length > 0 && (
        <div style={{ width: '100%', maxWidth: 880, marginTop: 24 }} data-testid="visitor-notices">
          <div style={{ fontSize: 22, marginBottom: 8, opacity: 0.9 }}>
            <NotificationOutlined /> {t('welcome.notices')}
          </div>
          {welcome.notices.map((n) => (
            <div key={n.id} style={{ background: 'rgba(255,255,255,0.12)', borderRadius: 12, padding: '14px 20px', marginBottom: 10 }}>
              <div style={{ fontSize: 24, fontWeight: 600 }}>{en && n.titleEn ? n.titleEn : n.title}</div>
              {(en && n.bodyEn ? n.bodyEn : n.body) && <div style={{ fontSize: 18, opacity: 0.9, whiteSpace: 'pre-wrap' }}>{en && n.bodyEn ? n.bodyEn : n.body}</div>}
            </div>
          ))}
        </div>
      )}
    </Flex>
  );
}
