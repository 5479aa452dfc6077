// One ringing line: ring number and seconds, animated here from the elapsed time main reported (P-1).
import { useEffect, useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { BellOutlined, PhoneOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeRing } from '../../../../shared/rules/rings';
import { elapsedNow, type RingingLine } from './calls-store';
import { clockTime } from './format';
import './ring.css';

/** Re-renders about ten times a second while mounted. */
function useTicker(intervalMs = 100): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function RingLineCard(props: { line: RingingLine; timeZone: string; hotkey: string; onAnswer(): void; onGiveUp(): void; first: boolean }) {
  const { t } = useTranslation('calls');
  const now = useTicker();
  const { call } = props.line;
  const cadence = { secondsPerRing: call.secondsPerRing, targetRings: call.targetRings };
  const view = describeRing(elapsedNow(props.line, now), cadence);
  return (
    <div className="ld-ring-line" data-level={view.level} data-testid={`ring-line-${call.line}`} role="status" aria-live="polite">
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Space size={16} align="center">
          <span className="ld-ring-bell" data-on={view.bellOn}>
            <BellOutlined />
          </span>
          <div>
            <div className="ld-ring-big">
              <span>{t('ring.line', { line: call.line })}</span>
              {' · '}
              <span data-testid="ring-number" data-ring={view.ring}>
                {t('ring.ringNo', { ring: view.ring })}
              </span>
              {' · '}
              <span data-testid="ring-seconds">{t('ring.seconds', { seconds: view.seconds })}</span>
            </div>
            {call.caller ? (
              <div className="ld-ring-caller" data-testid="ring-caller">
                <Typography.Text strong>{t('ring.caller', { tenant: call.caller.tenantName, contact: call.caller.contactName })}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('ring.callerUnit', { floor: call.caller.floor, room: call.caller.room })}
                </Typography.Text>
              </div>
            ) : (
              call.callerNumber && (
                <div data-testid="ring-caller">
                  <Typography.Text>{t('ring.unknownCaller')}</Typography.Text>
                </div>
              )
            )}
            <Typography.Text type="secondary" data-testid="ring-started">
              {t('ring.startedAt', { time: clockTime(call.ringStartedAt, props.timeZone) })}
              {call.callerNumber ? ` · ${call.callerNumber}` : ''}
              {call.phoneSource ? ` · ${t(`ring.via.${call.phoneSource}`)}` : ''}
            </Typography.Text>
            {view.level === 'overdue' && (
              <div>
                <Typography.Text strong>{t('ring.overdue', { target: call.targetRings })}</Typography.Text>
              </div>
            )}
          </div>
        </Space>
        <Space>
          <Button type="primary" size="large" icon={<PhoneOutlined />} onClick={props.onAnswer} data-testid={`ring-answer-${call.line}`}>
            {t('ring.answer')}
            {props.first && <kbd style={{ marginInlineStart: 6 }}>{props.hotkey}</kbd>}
          </Button>
          <Button size="large" icon={<StopOutlined />} onClick={props.onGiveUp} data-testid={`ring-gave-up-${call.line}`}>
            {t('ring.gaveUp')}
            {props.first && <kbd style={{ marginInlineStart: 6 }}>F8</kbd>}
          </Button>
        </Space>
      </Flex>
    </div>
  );
}
