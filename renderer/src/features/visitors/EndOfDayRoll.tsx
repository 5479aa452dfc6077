// The end-of-day roll (V-4) on the lobby: who was still in at the roll time, each answered once — still in
// (confirmed) or signed out by the roll — with who and when. Shown while any entry is unanswered.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, staffClient } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import type { VisitRoll } from '../../../../shared/contract/visitors';
import { timeText, visitingText } from './format';
import { useVisitors } from './store';

export function EndOfDayRoll() {
  const { t } = useTranslation('visitors');
  const { message } = App.useApp();
  const timeZone = useBuilding((s) => s.timeZone);
  const [roll, setRoll] = useState<VisitRoll | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => setRoll((await api.visitors.roll({})).roll), []);
  useEffect(() => {
    void load();
    return staffClient.on('visitors.roll', () => void load());
  }, [load]);

  const open = roll?.entries.filter((e) => e.answer === null && e.visit.status === 'in') ?? [];
  if (!roll || open.length === 0) return null;

  const answer = async (entryId: string, value: 'confirmed' | 'signedOut') => {
    setError(null);
    try {
      setRoll((await api.visitors.answerRoll({ entryId, answer: value })).roll);
      void message.success(t(`roll.done.${value}`));
      void useVisitors.getState().load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card size="small" title={t('roll.title', { day: roll.dayKey, count: open.length })} data-testid="end-of-day-roll" style={{ borderColor: '#fa8c16' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('roll.hint', { time: timeText(roll.dueAt, timeZone) })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={open}
        renderItem={(e) => (
          <List.Item
            data-testid={`roll-entry-${e.visit.passNumber ?? e.visit.id}`}
            actions={[
              <Space key="a">
                <Button size="small" onClick={() => void answer(e.id, 'confirmed')} data-testid="roll-confirm">
                  {t('roll.confirm')}
                </Button>
                <Button size="small" type="primary" onClick={() => void answer(e.id, 'signedOut')} data-testid="roll-sign-out">
                  {t('roll.signOut')}
                </Button>
              </Space>,
            ]}
          >
            {e.visit.visitorName} · {visitingText(e.visit)} · {t('roll.pass', { pass: e.visit.passNumber ?? '' })} · {timeText(e.visit.checkedInAt, timeZone)}
          </List.Item>
        )}
      />
    </Card>
  );
}
