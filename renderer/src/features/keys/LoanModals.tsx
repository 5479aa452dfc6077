// Lending an item out and taking it back.
import { useEffect, useState } from 'react';
import { Alert, App, AutoComplete, DatePicker, Form, Input, Modal, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { requiredZodRule, zodRule, showServerErrors } from '../../ui/forms';
import { keys as keysContract, LOAN_KINDS, type KeyLoan, type LoanKind } from '../../../../shared/contract/keys';

const shape = keysContract.lend.input.shape;

interface LendValues {
  kind: LoanKind;
  item: string;
  itemCode?: string;
  borrower: string;
  borrowerUnit?: string;
  expectedBackAt?: Dayjs | null;
  note?: string;
}

export function LendModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (loan: KeyLoan) => void }) {
  const { t } = useTranslation('keys');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<LendValues>();
  const [error, setError] = useState<string | null>(null);
  const [catalogue, setCatalogue] = useState<Array<{ kind: LoanKind; item: string; itemCode: string; out: boolean }>>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    void api.keys.catalogue({}).then((c) => setCatalogue(c.items));
  }, [open, form]);

  const submit = async () => {
    setError(null);
    try {
      const v = await form.validateFields();
      const loan = await api.keys.lend({
        kind: v.kind,
        item: v.item,
        itemCode: v.itemCode ?? '',
        borrower: v.borrower,
        borrowerUnit: v.borrowerUnit ?? '',
        expectedBackAt: v.expectedBackAt ? v.expectedBackAt.valueOf() : null,
        note: v.note ?? '',
      });
      void message.success(t('page.lendSaved', { item: loan.item }));
      onSaved(loan);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Modal open={open} title={t('page.lend')} okText={tc('actions.save')} cancelText={tc('actions.cancel')} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'key' }} data-testid="lend-form">
        <Form.Item name="kind" label={t('page.kind')}>
          <Segmented options={LOAN_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="item" label={t('page.item')} required rules={[requiredZodRule(shape.item)]}>
          <AutoComplete
            autoFocus
            options={catalogue.map((c) => ({ value: c.item, label: `${c.item} ${c.itemCode}${c.out ? ` ${t('page.outLabel')}` : ''}` }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            onSelect={(value: string) => {
              const found = catalogue.find((c) => c.item === value);
              if (found) form.setFieldsValue({ kind: found.kind, itemCode: found.itemCode });
            }}
          >
            <Input data-testid="lend-item" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="itemCode" label={t('page.itemCode')} rules={[zodRule(shape.itemCode)]}>
          <Input data-testid="lend-item-code" />
        </Form.Item>
        <Form.Item name="borrower" label={t('page.borrower')} required rules={[requiredZodRule(shape.borrower)]}>
          <Input data-testid="lend-borrower" />
        </Form.Item>
        <Form.Item name="borrowerUnit" label={t('page.borrowerUnit')} rules={[zodRule(shape.borrowerUnit)]}>
          <Input data-testid="lend-borrower-unit" />
        </Form.Item>
        <Form.Item name="expectedBackAt" label={t('page.expectedBackAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="lend-expected" />
        </Form.Item>
        <Form.Item name="note" label={t('page.note')} rules={[zodRule(shape.note)]}>
          <Input onPressEnter={() => void submit()} data-testid="lend-note" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

export function ReturnModal({ loan, onClose, onSaved }: { loan: KeyLoan | null; onClose: () => void; onSaved: (loan: KeyLoan) => void }) {
  const { t } = useTranslation('keys');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setNote('');
    setError(null);
  }, [loan]);
  const submit = async () => {
    if (!loan) return;
    try {
      const back = await api.keys.return({ id: loan.id, note });
      void message.success(t('page.returnSaved', { item: back.item }));
      onSaved(back);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open={loan !== null}
      title={loan ? t('page.returnTitle', { item: loan.item }) : ''}
      okText={tc('actions.confirm')}
      cancelText={tc('actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'return-ok' }}
    >
      <Form layout="vertical">
        <Form.Item label={t('page.returnNote')}>
          <Input autoFocus value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
