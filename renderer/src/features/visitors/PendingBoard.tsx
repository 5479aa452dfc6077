// The self-registrations awaiting the desk's confirmation (V-2): who, to whom, why, since when, flagged when they
// have waited past the alert minutes or match the watch list; one click opens the confirm / decline dialog. In the
// lobby's act-now column, under the ring timer.
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/contract/visitors';
import { useBuilding } from '../../ui/use-building';
import { useVisitors } from './store';
import { purposeText, timeText, visitingText } from './format';
import { ConfirmDialog } from './ConfirmDialog';

export function PendingBoard() {
  const { t, i18n } = useTranslation('visitors');
  const { pending, settings, loaded, load } = useVisitors();
  const building = useBuilding();
  const [confirming, setConfirming] = useState<Visit | null>(null);

  // The in-building board beside it listens for changes (once, so a kiosk registration chimes once).
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  return (
    <>
      <Card
        size="small"
        title={
          <Badge count={pending.length} offset={[12, 0]}>
            <span>{t('pending.title')}</span>
          </Badge>
        }
        data-testid="pending-panel"
      >
        {pending.length === 0 ? (
          <Typography.Text type="secondary">{t('pending.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {pending.map((v) => (
              <Flex
                key={v.id}
                justify="space-between"
                align="center"
                wrap
                gap={8}
                style={{ padding: '8px 12px', borderRadius: 6, background: v.watchMatches.length ? '#fff1f0' : '#fffbe6', border: `1px solid ${v.watchMatches.length ? '#ffa39e' : '#ffe58f'}` }}
                data-testid={`pending-${v.visitorName}`}
              >
                <span>
                  <Typography.Text strong>{v.visitorName}</Typography.Text> · {visitingText(v)} · {purposeText(settings?.purposes, v.purpose, i18n.language)} · {v.partySize}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('pending.registeredAt', { time: timeText(v.registeredAt, building.timeZone) })}
                  </Typography.Text>
                  {v.pendingAlerted && (
                    <Tag color="orange" style={{ marginLeft: 8 }} data-testid={`pending-waiting-${v.visitorName}`}>
                      {t('pending.waiting')}
                    </Tag>
                  )}
                  {v.watchMatches.length > 0 && (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      {t('watch.badge')}
                    </Tag>
                  )}
                </span>
                <Button type="primary" size="small" onClick={() => setConfirming(v)} data-testid={`pending-open-${v.visitorName}`}>
                  {t('pending.confirm')} / {t('pending.decline')}
                </Button>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
      {confirming && <ConfirmDialog visit={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}
