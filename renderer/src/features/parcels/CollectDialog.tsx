// Recording a pick-up (V-9): by the pick-up code the recipient was sent, a contact's PIN, or a signature.
import { useCallback, useEffect, useState } from 'react';
import { Form, Input, Modal, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import type { Parcel } from '../../../../shared/contract/parcels';
import { SignaturePad } from './SignaturePad';

type Method = 'code' | 'pin' | 'signature';

export function CollectDialog({ parcel, onClose, onDone }: { parcel: Parcel; onClose(): void; onDone(p: Parcel): void }) {
  const { t } = useTranslation('parcels');
  const [form] = Form.useForm();
  const [method, setMethod] = useState<Method>('code');
  const [signature, setSignature] = useState<string | null>(null);
  const [contacts, setContacts] = useState<Array<{ id: string; name: string }>>([]);
  const [busy, setBusy] = useState(false);
  const onSign = useCallback((png: string | null) => setSignature(png), []);
  useEffect(() => {
    void api.directory.get({ id: parcel.tenant.id }).then((t) => setContacts(t.contacts.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name }))));
  }, [parcel.tenant.id]);
  const submit = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      const done =
        method === 'code'
          ? await api.parcels.collect({ id: parcel.id, method, code: v.code ?? '', collectorName: v.collectorName ?? '' })
          : method === 'pin'
            ? await api.parcels.collect({ id: parcel.id, method, contactId: v.contactId, pin: v.pin ?? '' })
            : await api.parcels.collect({ id: parcel.id, method, collectorName: v.collectorName ?? '', signaturePng: signature ?? '' });
      onDone(done);
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('collect.title', { number: parcel.number })} onCancel={onClose} onOk={() => void submit()} okText={t('collect.submit')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'collect-submit' } as never}>
      <Segmented<Method>
        value={method}
        onChange={setMethod}
        options={[
          { value: 'code', label: t('collect.byCode') },
          { value: 'pin', label: t('collect.byPin') },
          { value: 'signature', label: t('collect.bySignature') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="collect-method"
      />
      <Form form={form} layout="vertical" data-testid="collect-form">
        {method === 'code' && (
          <Form.Item name="code" label={t('collect.code')}>
            <Input autoFocus inputMode="numeric" data-testid="collect-code" />
          </Form.Item>
        )}
        {method === 'pin' && (
          <>
            <Form.Item name="contactId" label={t('collect.contact')}>
              <Select options={contacts.map((c) => ({ value: c.id, label: c.name }))} data-testid="collect-contact" />
            </Form.Item>
            <Form.Item name="pin" label={t('collect.pin')}>
              <Input.Password data-testid="collect-pin" />
            </Form.Item>
          </>
        )}
        {method !== 'pin' && (
          <Form.Item name="collectorName" label={t('collect.collector')}>
            <Input data-testid="collect-name" />
          </Form.Item>
        )}
        {method === 'signature' && (
          <Form.Item name="signaturePng" label={t('collect.sign')}>
            <SignaturePad onChange={onSign} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
