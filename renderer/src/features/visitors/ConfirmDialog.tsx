// Confirming or declining a self-registration (V-2): the desk sees the visitor's details, the tenant's contact
// numbers to call the host (where the role allows), any watch-list match; the visitor screen learns only the
// outcome. If the host cannot be reached, the desk can take a message instead (V-3).
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Input, Modal, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { Visit } from '../../../../shared/contract/visitors';
import { CallbackForm } from '../callbacks';
import { useSession } from '../auth';
import { DESK } from '../../../../shared/contract/define';
import { WatchMatches } from './watch-alert';
import { dateTimeText, purposeText, visitingText } from './format';
import { useVisitors } from './store';
import { useBuilding } from '../../ui/use-building';

export function ConfirmDialog({ visit, onClose }: { visit: Visit; onClose(): void }) {
  const { t, i18n } = useTranslation('visitors');
  const { t: tc } = useTranslation('common');
  const timeZone = useBuilding((s) => s.timeZone);
  const { message } = App.useApp();
  const settings = useVisitors((s) => s.settings);
  const tenant = useApiQuery('directory', 'get', { id: visit.tenant.id }).data ?? null;
  const [hostContacted, setHostContacted] = useState(false);
  const [badgeNumber, setBadgeNumber] = useState('');
  const [override, setOverride] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [takingMessage, setTakingMessage] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const watched = visit.watchMatches.length > 0;
  const role = useSession((s) => s.user?.role);
  const canTakeMessage = role !== undefined && DESK.includes(role);

  const run = async (work: () => Promise<Visit>) => {
    setBusy(true);
    setError(null);
    try {
      const done = await work();
      void useVisitors.getState().load();
      onClose();
      return done;
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    const done = await run(() => api.visitors.confirm({ id: visit.id, hostContacted, badgeNumber, overrideWatchList: override }));
    if (done) {
      useVisitors.getState().setLastCheckedIn(done);
      void message.success(t('desk.registered', { name: done.visitorName, pass: done.passNumber }));
    }
  };

  // A watch-listed visitor turned away is a refusal (不予放行): recorded as such and the guard is told (V-6).
  const decline = () => run(() => (watched ? api.visitors.refuse({ id: visit.id, reason }) : api.visitors.decline({ id: visit.id, reason })));

  return (
    <Modal
      open
      width={680}
      title={declining ? t('pending.declineTitle', { name: visit.visitorName }) : t('pending.confirmTitle', { name: visit.visitorName })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <div data-testid="confirm-dialog">
        {watched && <Alert type="error" showIcon message={t('watch.title')} description={<WatchMatches matches={visit.watchMatches} t={t} />} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('field.visitorName')}>{visit.visitorName}</Descriptions.Item>
          <Descriptions.Item label={t('field.mobile')}>{visit.mobile}</Descriptions.Item>
          <Descriptions.Item label={t('field.tenant')} span={2}>
            {visitingText(visit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.hostName')}>{visit.hostName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.purpose')}>{purposeText(settings?.purposes, visit.purpose, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('field.partySize')}>{visit.partySize}</Descriptions.Item>
          <Descriptions.Item label={t('field.vehiclePlate')}>{visit.vehiclePlate ?? '—'}</Descriptions.Item>
          {visit.idNumberMasked && <Descriptions.Item label={t('field.idNumber')}>{visit.idNumberMasked}</Descriptions.Item>}
          <Descriptions.Item label={t('page.registered')}>{dateTimeText(visit.registeredAt, timeZone)}</Descriptions.Item>
        </Descriptions>
        {tenant && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>{t('pending.contacts')}</Typography.Text>
            {tenant.contacts
              .filter((c) => c.active)
              .map((c) => (
                <div key={c.id}>
                  <PhoneOutlined /> {c.title ? t('paren', { text: c.name, note: c.title }) : c.name} <Typography.Text copyable={c.phone ? { text: c.phone } : false}>{c.phone ?? ''}</Typography.Text>
                </div>
              ))}
          </div>
        )}
        {declining ? (
          <div style={{ marginTop: 12 }}>
            <Input.TextArea autoFocus rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('pending.declineReason')} data-testid="decline-reason" />
            {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
            <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
              <Button onClick={() => setDeclining(false)}>{tc('actions.back')}</Button>
              <Button danger type="primary" autoInsertSpace={false} loading={busy} disabled={!reason.trim()} onClick={() => void decline()} data-testid="decline-submit">
                {t('pending.decline')}
              </Button>
            </Flex>
          </div>
        ) : (
          <div style={{ marginTop: 12 }}>
            <Flex gap={16} align="center" wrap>
              <Checkbox checked={hostContacted} onChange={(e) => setHostContacted(e.target.checked)} data-testid="confirm-host-contacted">
                {t('pending.hostContacted')}
              </Checkbox>
              <Input
                value={badgeNumber}
                onChange={(e) => setBadgeNumber(e.target.value)}
                placeholder={t('field.badgeNumber')}
                style={{ width: 180 }}
                onPressEnter={() => void confirm()}
                data-testid="confirm-badge"
              />
              {watched && (
                <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} data-testid="confirm-override">
                  {t('watch.admitAnyway')}
                </Checkbox>
              )}
            </Flex>
            {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
            <Flex justify="space-between" gap={8} style={{ marginTop: 16 }}>
              {canTakeMessage ? <Button onClick={() => setTakingMessage(true)}>{t('pending.takeMessage')}</Button> : <span />}
              <Flex gap={8}>
                <Button danger autoInsertSpace={false} onClick={() => setDeclining(true)} data-testid="confirm-decline">
                  {t('pending.decline')}
                </Button>
                <Button type="primary" autoFocus loading={busy} disabled={watched && !override} onClick={() => void confirm()} data-testid="confirm-submit">
                  {t('pending.confirm')}
                </Button>
              </Flex>
            </Flex>
          </div>
        )}
      </div>
      {takingMessage && (
        <CallbackForm
          initial={{ tenantId: visit.tenant.id, callerName: visit.visitorName, callerPhone: visit.mobile ?? '', source: 'visitor', visitId: visit.id }}
          onClose={() => setTakingMessage(false)}
        />
      )}
    </Modal>
  );
}
