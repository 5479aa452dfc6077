// Recording how the tenant (a message) or the caller (a call back) was contacted, with the outcomes of the
// callback's kind and, when it names a tenant, the tenant's contact numbers at hand (desk roles).
import { useState } from 'react';
import { Alert, Descriptions, Input, Modal, Radio, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { CALLBACK_OUTCOMES_BY_KIND, type Callback, type CallbackOutcome } from '../../../../shared/contract/callbacks';
import { useApiQuery } from '../../api/query';
import { useCallbacks } from './store';

export function OutcomeDialog({ callback, onClose }: { callback: Callback; onClose(): void }) {
  const { t } = useTranslation('callbacks');
  const { t: tc } = useTranslation('common');
  const outcomes = CALLBACK_OUTCOMES_BY_KIND[callback.kind];
  const [outcome, setOutcome] = useState<CallbackOutcome>(outcomes[0]!);
  const outcomeLabel = (o: CallbackOutcome) => t(callback.kind === 'callBack' ? `outcomeCallBack.${o}` : `outcome.${o}`);
  const tenantId = callback.tenant?.id ?? null;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  // The tenant's numbers at hand, read as the pending-visitor dialog reads them.
  const tenant = useApiQuery('directory', 'get', { id: tenantId ?? '' }, { enabled: tenantId !== null }).data ?? null;

  const save = async () => {
    setError(null);
    try {
      await api.callbacks.recordOutcome({ id: callback.id, outcome, note });
      void useCallbacks.getState().load();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    }
  };

  return (
    <Modal open title={`${t('record')} · ${t(`kind.${callback.kind}`)} · ${callback.tenant?.displayName ?? (callback.callerName || t('unknownCaller'))}`} onOk={() => void save()} onCancel={onClose} okText={tc('actions.save')} cancelText={tc('actions.cancel')} okButtonProps={{ 'data-testid': 'outcome-save' } as never}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t(callback.kind === 'callBack' ? 'field.caller' : 'field.callerName')}>
          {callback.callerName || t('unknownCaller')} · {callback.callerPhone}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.message')}>{callback.message || '—'}</Descriptions.Item>
      </Descriptions>
      {tenant && (
        <div style={{ margin: '12px 0' }}>
          <Typography.Text strong>{t('contacts')}</Typography.Text>
          {tenant.contacts
            .filter((c) => c.active)
            .map((c) => (
              <div key={c.id}>
                <PhoneOutlined /> {c.name} {c.phone ?? ''}
              </div>
            ))}
        </div>
      )}
      <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as CallbackOutcome)} options={outcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))} data-testid="outcome-choice" />
      <Input.TextArea style={{ marginTop: 12 }} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('field.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="outcome-note" />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
