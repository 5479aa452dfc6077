// The lobby's phone desk (P-1 … P-5): the big ring button or each ringing line first, each call in conversation
// with its script and record. Today's figures are informational: their own panel, with the lists. Keyboard-first: see usePhoneKeys.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, Typography } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { staffClient } from '../../api/client';
import { usePhone } from './calls-store';
import { usePhoneKeys } from './use-phone-keys';
import { RingLineCard } from './RingLine';
import { CallCard, type CallCardHandle } from './CallCard';
import { CallFigures } from './CallFigures';
import { GuardModal } from './GuardModal';
import { DEFAULT_TIME_ZONE } from '../../../../shared/rules/time';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';

const REFRESH_MS = 60_000;

export function PhonePanel() {
  const { t } = useTranslation('calls');
  const { message } = App.useApp();
  const phone = usePhone();
  const cards = useRef(new Map<string, CallCardHandle>());
  const [ruleOnly, setRuleOnly] = useState(false);

  const report = useCallback((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)), [message]);

  useEffect(() => {
    const load = () => usePhone.getState().load().catch(() => undefined);
    void load();
    const offChanged = staffClient.on('calls.changed', () => void load());
    const offSettings = staffClient.on('calls.settingsChanged', () => void load());
    // Events keep it current; this only heals a missed one (a dropped connection).
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      offChanged();
      offSettings();
      window.clearInterval(timer);
    };
  }, []);

  const currentCall = phone.inProgress[phone.inProgress.length - 1];
  usePhoneKeys(phone.settings.hotkey, {
    ringOrAnswer: (source) => void phone.ringOrAnswer(source).catch(report),
    anotherLine: () => void phone.ring('key').catch(report),
    giveUp: () => {
      if (phone.ringing.length > 0) void phone.giveUp().catch(report);
    },
    guard: () => {
      const card = currentCall && cards.current.get(currentCall.id);
      if (card) card.openGuard();
      else setRuleOnly(true);
    },
    tick: (index) => {
      if (currentCall) cards.current.get(currentCall.id)?.tick(index);
    },
  });

  const building = phone.building;
  const timeZone = building?.timeZone ?? DEFAULT_TIME_ZONE;
  const hotkey = phone.settings.hotkey;

  return (
    <Card
      size="small"
      title={
        <span>
          <PhoneOutlined style={{ marginInlineEnd: 8 }} />
          {t('panel.title')}
        </span>
      }
      extra={<Typography.Text type="secondary">{t('panel.standard', { target: phone.settings.targetRings })}</Typography.Text>}
      data-testid="phone-panel"
    >
      {/* The ring timer first, always in the same place: in the lobby's act-now column it stays at the top. */}
      <div className="ld-ring-zone" data-testid="ring-zone">
        {phone.ringing.length === 0 ? (
          <Button
            type="primary"
            block
            icon={<PhoneOutlined />}
            style={{ height: 72, fontSize: 22 }}
            onClick={() => void phone.ring('button').catch(report)}
            data-testid="ring-button"
          >
            {t('panel.ring')} <kbd style={{ marginInlineStart: 8, fontSize: 16 }}>{hotkey}</kbd>
          </Button>
        ) : (
          <Flex vertical gap={8}>
            {phone.ringing.map((line, index) => (
              <RingLineCard
                key={line.call.id}
                line={line}
                timeZone={timeZone}
                hotkey={hotkey}
                first={index === 0}
                onAnswer={() => void phone.answer(line.call.id).catch(report)}
                onGiveUp={() => void phone.giveUp(line.call.id).catch(report)}
              />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => void phone.ring('button').catch(report)} data-testid="ring-another-line">
              {t('panel.anotherLine')} <kbd style={{ marginInlineStart: 6 }}>{DESK_KEYS.anotherLine}</kbd>
            </Button>
          </Flex>
        )}
      </div>
      {phone.inProgress.length > 0 && (
        <Flex vertical gap={12} style={{ marginTop: 16 }}>
          {phone.inProgress.map((call) => (
            <CallCard
              key={call.id}
              ref={(handle) => {
                if (handle) cards.current.set(call.id, handle);
                else cards.current.delete(call.id);
              }}
              call={call}
              postName={building?.postName ?? ''}
              postNameEn={building?.postNameEn ?? ''}
              focus={call.id === currentCall?.id}
            />
          ))}
        </Flex>
      )}
      {/* The call's own keys while one is in conversation; all the desk's keys are on the key map (F1). */}
      {phone.inProgress.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }} data-testid="phone-keys">
          {t('panel.keys', { hotkey })}
        </Typography.Paragraph>
      )}
      <GuardModal open={ruleOnly} hasCall={false} onClose={() => setRuleOnly(false)} onTakeMessage={async () => setRuleOnly(false)} />
    </Card>
  );
}

/** Today's phone figures (P-5) on the lobby, beside the lists: the phone panel above keeps them current. */
export function CallFiguresPanel() {
  const { t } = useTranslation('calls');
  const figures = usePhone((s) => s.figures);
  const targetRings = usePhone((s) => s.settings.targetRings);
  return (
    <Card size="small" title={t('figures.title')} data-testid="call-figures-panel">
      <CallFigures figures={figures} targetRings={targetRings} />
    </Card>
  );
}
