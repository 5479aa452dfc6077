// One visitor's registration on the visitor screen (V-2): privacy consent (and a separate one for the ID number),
// the form, "please wait", then the pass number and QR code — or "please see the desk". Everything the visitor
// typed lives in this component's state only: the screen unmounts it to clear (after idle time or when done).
import { useEffect, useState } from 'react';
import { Button, Checkbox, ConfigProvider, Flex, Spin, Typography } from 'antd';
import { CheckCircleFilled, InfoCircleFilled, HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { kioskApi, kioskClient } from '../../../api/client';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import type { KioskWelcome } from '../../../../../shared/contract/visitors';
import { KioskForm } from './KioskForm';
import { useIdle } from '../../../ui/kiosk/use-idle';
import { bigButton, body, card, header, headerButton, page } from '../../../ui/kiosk/styles';
import './kiosk.css';

type Step =
  | { kind: 'consent' }
  | { kind: 'form'; idConsent: boolean }
  | { kind: 'waiting'; registrationId: string }
  | { kind: 'confirmed'; passNumber: string; qr: string }
  | { kind: 'declined' };

/** While waiting for the desk nothing personal is on screen, so the wait may be longer than the idle time. */
const WAITING_LIMIT_MS = 10 * 60_000;
const POLL_MS = 4000;

function Consent({ welcome, onAccept }: { welcome: KioskWelcome; onAccept(idConsent: boolean): void }) {
  const { t } = useTranslation('visitors');
  const [consent, setConsent] = useState(false);
  const [idConsent, setIdConsent] = useState(false);
  const asksId = welcome.idNumber !== 'off';
  const blocked = welcome.idNumber === 'required' && consent && !idConsent;
  return (
    <ConfigProvider theme={{ token: { controlInteractiveSize: 32 } }}>
    <div style={card} data-testid="kiosk-consent">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('kiosk.privacyTitle')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 21, lineHeight: 1.6 }}>{t('kiosk.privacy', { days: welcome.retentionDays })}</Typography.Paragraph>
      {/* The whole row is the target and the box is 32 px (V-2): a finger, not a mouse. */}
      <Checkbox className="kiosk-check" checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="kiosk-consent-check">
        {t('kiosk.consent')}
      </Checkbox>
      {asksId && (
        <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px solid #eee' }}>
          <Typography.Paragraph style={{ fontSize: 20, marginBottom: 10 }}>{t('kiosk.idPrivacy')}</Typography.Paragraph>
          <Checkbox className="kiosk-check" checked={idConsent} onChange={(e) => setIdConsent(e.target.checked)} data-testid="kiosk-id-consent">
            {t('kiosk.idConsent')}
          </Checkbox>
        </div>
      )}
      {blocked && <Typography.Paragraph style={{ fontSize: 20, color: '#cf1322', marginTop: 12 }}>{t('kiosk.cannotContinue')}</Typography.Paragraph>}
      <Flex justify="end" style={{ marginTop: 20 }}>
        <Button type="primary" size="large" style={bigButton} autoInsertSpace={false} disabled={!consent || blocked} onClick={() => onAccept(asksId && idConsent)} data-testid="kiosk-consent-next">
          {t('kiosk.next')}
        </Button>
      </Flex>
    </div>
    </ConfigProvider>
  );
}

function Waiting({ registrationId, onDecided }: { registrationId: string; onDecided(step: Step): void }) {
  const { t } = useTranslation('visitors');
  useEffect(() => {
    let settled = false;
    const decide = async (outcome: 'confirmed' | 'declined', qrText: string | null, passNumber: string | null) => {
      if (settled) return;
      settled = true;
      if (outcome === 'confirmed' && passNumber) onDecided({ kind: 'confirmed', passNumber, qr: await QRCode.toDataURL(qrText ?? passNumber, { margin: 1, width: 320 }) });
      else onDecided({ kind: 'declined' });
    };
    const off = kioskClient.on('visitors.registrationDecided', (e) => {
      if (e.registrationId === registrationId) void decide(e.outcome, e.qrText, e.passNumber);
    });
    // The pushed event is the fast path; polling covers a dropped connection.
    const timer = window.setInterval(() => {
      void kioskApi.visitors
        .kioskStatus({ registrationId })
        .then((s) => {
          if (s.status !== 'pending') void decide(s.status, s.qrText, s.passNumber);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      settled = true;
      off();
      window.clearInterval(timer);
    };
  }, [registrationId, onDecided]);
  return (
    <Flex vertical align="center" gap={24} style={{ ...card, padding: 64 }} data-testid="kiosk-waiting">
      <Spin size="large" />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('kiosk.waitingTitle')}
      </Typography.Title>
      <Typography.Text style={{ fontSize: 24 }}>{t('kiosk.waiting')}</Typography.Text>
    </Flex>
  );
}

export function VisitFlow({ welcome, onDone }: { welcome: KioskWelcome; onDone(): void }) {
  const { t, i18n } = useTranslation('visitors');
  const [step, setStep] = useState<Step>({ kind: 'consent' });
  const left = useIdle(step.kind === 'waiting' ? WAITING_LIMIT_MS : welcome.idleSeconds * 1000, onDone);
  const building = i18n.language === 'en' && welcome.building.nameEn ? welcome.building.nameEn : welcome.building.name;

  return (
    <div style={page} data-testid="kiosk-flow">
      <div style={header}>
        <span>{building}</span>
        <Flex gap={12} align="center">
          {step.kind !== 'waiting' && left <= 15 && (
            <span style={{ fontSize: 18, opacity: 0.85 }} data-testid="kiosk-reset-countdown">
              {t('kiosk.resetIn', { seconds: left })}
            </span>
          )}
          <LanguageSwitch remember={false} size="large" />
          <Button size="large" style={headerButton} icon={<HomeOutlined />} onClick={onDone} data-testid="kiosk-home">
            {t('kiosk.home')}
          </Button>
        </Flex>
      </div>
      <div style={body}>
        {step.kind === 'consent' && <Consent welcome={welcome} onAccept={(idConsent) => setStep({ kind: 'form', idConsent })} />}
        {step.kind === 'form' && <KioskForm welcome={welcome} idConsent={step.idConsent} onSubmitted={(registrationId) => setStep({ kind: 'waiting', registrationId })} />}
        {step.kind === 'waiting' && <Waiting registrationId={step.registrationId} onDecided={setStep} />}
        {step.kind === 'confirmed' && (
          <Flex vertical align="center" gap={16} style={{ ...card, padding: 48 }} data-testid="kiosk-confirmed">
            <CheckCircleFilled style={{ fontSize: 64, color: '#52c41a' }} />
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('kiosk.confirmedTitle')}
            </Typography.Title>
            <Typography.Text style={{ fontSize: 22 }}>{t('kiosk.passNumber')}</Typography.Text>
            <div style={{ fontSize: 64, fontWeight: 700, letterSpacing: 4 }} data-testid="kiosk-pass-number">
              {step.passNumber}
            </div>
            <img src={step.qr} alt="" style={{ width: 240, height: 240 }} data-testid="kiosk-pass-qr" />
            <Typography.Text style={{ fontSize: 22 }}>{t('kiosk.showPass')}</Typography.Text>
            <Button type="primary" size="large" style={bigButton} autoInsertSpace={false} onClick={onDone} data-testid="kiosk-done">
              {t('kiosk.done')}
            </Button>
          </Flex>
        )}
        {step.kind === 'declined' && (
          <Flex vertical align="center" gap={16} style={{ ...card, padding: 48 }} data-testid="kiosk-declined">
            <InfoCircleFilled style={{ fontSize: 64, color: '#1677ff' }} />
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('kiosk.declinedTitle')}
            </Typography.Title>
            <Typography.Text style={{ fontSize: 22 }}>{t('kiosk.declined')}</Typography.Text>
            <Button type="primary" size="large" style={bigButton} autoInsertSpace={false} onClick={onDone} data-testid="kiosk-done">
              {t('kiosk.done')}
            </Button>
          </Flex>
        )}
      </div>
    </div>
  );
}
