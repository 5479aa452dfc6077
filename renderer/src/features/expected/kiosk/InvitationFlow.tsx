// The visitor screen's invitation path (V-8, the camera-less one): privacy consent, the typed code, then — in one
// step — the pass, or "please wait" until the desk confirms. A refused code says why (altered, not yet, expired) in
// the visitor's language. All state lives in this component; the screen unmounts it to clear.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Flex, Input, Spin, Typography } from 'antd';
import { CheckCircleFilled, HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { ApiError, kioskApi, kioskClient } from '../../../api/client';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import { useIdle } from '../../../ui/kiosk/use-idle';
import { bigButton, body, card, header, headerButton, page } from '../../../ui/kiosk/styles';
import type { KioskWelcome } from '../../../../../shared/contract/visitors';

type Step =
  | { kind: 'consent' }
  | { kind: 'code' }
  | { kind: 'waiting'; registrationId: string; greeting: string }
  | { kind: 'confirmed'; passNumber: string; qr: string; greeting: string };

export function InvitationFlow({ welcome, onDone }: { welcome: KioskWelcome; onDone(): void }) {
  const { t, i18n } = useTranslation(['expected', 'visitors']);
  const [step, setStep] = useState<Step>({ kind: 'consent' });
  const [consent, setConsent] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useIdle(step.kind === 'waiting' ? 10 * 60_000 : welcome.idleSeconds * 1000, onDone);
  const building = i18n.language === 'en' && welcome.building.nameEn ? welcome.building.nameEn : welcome.building.name;

  const confirmed = async (passNumber: string, qrText: string | null, greeting: string) =>
    setStep({ kind: 'confirmed', passNumber, greeting, qr: await QRCode.toDataURL(qrText ?? passNumber, { margin: 1, width: 320 }) });

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
      const answer = await kioskApi.expected.kioskArrive({ code, lang, consent: true });
      if (answer.status === 'confirmed' && answer.passNumber) await confirmed(answer.passNumber, answer.qrText, answer.greeting);
      else setStep({ kind: 'waiting', registrationId: answer.registrationId, greeting: answer.greeting });
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (step.kind !== 'waiting') return;
    let settled = false;
    const { registrationId, greeting } = step;
    const decide = (outcome: string, passNumber: string | null, qrText: string | null) => {
      if (settled) return;
      settled = true;
      if (outcome === 'confirmed' && passNumber) void confirmed(passNumber, qrText, greeting);
      else onDone();
    };
    const off = kioskClient.on('visitors.registrationDecided', (e) => {
      if (e.registrationId === registrationId) decide(e.outcome, e.passNumber, e.qrText);
    });
    const timer = window.setInterval(() => {
      void kioskApi.visitors
        .kioskStatus({ registrationId })
        .then((s) => s.status !== 'pending' && decide(s.status, s.passNumber, s.qrText))
        .catch(() => undefined);
    }, 4000);
    return () => {
      settled = true;
      off();
      window.clearInterval(timer);
    };
  }, [step, onDone]);

  return (
    <div style={page} data-testid="invitation-flow">
      <div style={header}>
        <span>{building}</span>
        <Flex gap={12} align="center">
          <LanguageSwitch remember={false} size="large" />
          <Button size="large" style={headerButton} icon={<HomeOutlined />} onClick={onDone} data-testid="kiosk-home">
            {t('visitors:kiosk.home')}
          </Button>
        </Flex>
      </div>
      <div style={body}>
        {step.kind === 'consent' && (
          <div style={card} data-testid="invitation-consent">
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('visitors:kiosk.privacyTitle')}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 22, lineHeight: 1.7 }}>{t('visitors:kiosk.privacy', { days: welcome.retentionDays })}</Typography.Paragraph>
            <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} style={{ fontSize: 24 }} data-testid="invitation-consent-check">
              {t('visitors:kiosk.consent')}
            </Checkbox>
            <Flex justify="end" style={{ marginTop: 24 }}>
              <Button type="primary" size="large" style={bigButton} disabled={!consent} onClick={() => setStep({ kind: 'code' })} data-testid="invitation-consent-next">
                {t('visitors:kiosk.next')}
              </Button>
            </Flex>
          </div>
        )}
        {step.kind === 'code' && (
          <div style={card}>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('kiosk.title')}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 20 }}>{t('kiosk.hint')}</Typography.Paragraph>
            <Input
              size="large"
              style={{ fontSize: 32, fontFamily: 'monospace', letterSpacing: 2 }}
              value={code}
              onChange={(e) => {
                setCode(e.target.value.toUpperCase());
                setError(null);
              }}
              onPressEnter={() => code.trim() && void submit()}
              placeholder="LDI-XXXX-XXXXXXXX"
              autoComplete="off"
              status={error ? 'error' : undefined}
              data-testid="invitation-code"
            />
            {error && (
              <Typography.Paragraph style={{ fontSize: 22, color: '#cf1322', marginTop: 12 }} data-testid="invitation-error">
                {error}
              </Typography.Paragraph>
            )}
            <Flex justify="end" style={{ marginTop: 24 }}>
              <Button type="primary" size="large" style={bigButton} loading={busy} disabled={!code.trim()} onClick={() => void submit()} data-testid="invitation-submit">
                {t('kiosk.submit')}
              </Button>
            </Flex>
          </div>
        )}
        {step.kind === 'waiting' && (
          <Flex vertical align="center" gap={24} style={{ ...card, padding: 64 }} data-testid="kiosk-waiting">
            <Spin size="large" />
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('kiosk.welcome', { name: step.greeting })}
            </Typography.Title>
            <Typography.Text style={{ fontSize: 24 }}>{t('visitors:kiosk.waiting')}</Typography.Text>
          </Flex>
        )}
        {step.kind === 'confirmed' && (
          <Flex vertical align="center" gap={16} style={{ ...card, padding: 48 }} data-testid="kiosk-confirmed">
            <CheckCircleFilled style={{ fontSize: 64, color: '#52c41a' }} />
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('kiosk.welcome', { name: step.greeting })}
            </Typography.Title>
            <Typography.Text style={{ fontSize: 22 }}>{t('visitors:kiosk.passNumber')}</Typography.Text>
            <div style={{ fontSize: 64, fontWeight: 700, letterSpacing: 4 }} data-testid="kiosk-pass-number">
              {step.passNumber}
            </div>
            <img src={step.qr} alt="" style={{ width: 240, height: 240 }} data-testid="kiosk-pass-qr" />
            <Button type="primary" size="large" style={bigButton} onClick={onDone} data-testid="kiosk-done">
              {t('visitors:kiosk.done')}
            </Button>
          </Flex>
        )}
      </div>
    </div>
  );
}
