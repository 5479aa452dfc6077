// The visitor's own registration in a large touch layout (V-2), one step per screen so that each fits a
// 1280×800 tablet with its button in view: who you are, whom you visit, why. Messages are in the visitor's words
// ("请选择要拜访的单位"), not the schema's. The tenant picker shows display names and floors only — all the
// visitor screen ever receives about a tenant (V-3).
import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { MinusOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { kioskApi, kioskClient, ApiError } from '../../../api/client';
import { useApiQuery } from '../../../api/query';
import { useDebounced } from '../../../ui/use-debounced';
import { zodRule, showServerErrors } from '../../../ui/forms';
import { SelfRegistration, type KioskWelcome } from '../../../../../shared/contract/visitors';
import type { KioskTenant } from '../../../../../shared/contract/directory';
import { bigButton, card, input, label } from '../../../ui/kiosk/styles';

const shape = SelfRegistration.shape;

interface Values {
  visitorName: string;
  mobile: string;
  tenantId?: string;
  hostName?: string;
  purpose?: string;
  partySize: number;
  idNumber?: string;
  vehiclePlate?: string;
}

type Field = keyof Values & keyof typeof shape;

/** Which step holds each field (a server message about a field brings its step back). */
const STEPS: Field[][] = [['visitorName', 'mobile', 'idNumber'], ['tenantId'], ['purpose', 'hostName', 'partySize', 'vehiclePlate']];
const TITLES = ['kiosk.stepAbout', 'kiosk.stepTenant', 'kiosk.stepVisit'] as const;

function TenantChooser({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t, i18n } = useTranslation('visitors');
  const [q, setQ] = useState('');
  // Asked once typing pauses; the answer for what is typed now wins over a slower one for an earlier letter.
  const searched = useDebounced(q, 150);
  const tenants: KioskTenant[] = useApiQuery('directory', 'kioskSearch', { q: searched }, { client: kioskClient }).data?.tenants ?? [];
  const en = i18n.language === 'en';
  return (
    <div>
      <Input size="large" prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('kiosk.searchTenant')} style={input} data-testid="kiosk-tenant-search" />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 10, marginTop: 10, maxHeight: 260, overflowY: 'auto' }}>
        {tenants.map((tenant) => (
          <Button
            key={tenant.id}
            type={value === tenant.id ? 'primary' : 'default'}
            onClick={() => onChange?.(tenant.id)}
            autoInsertSpace={false}
            style={{ height: 72, fontSize: 22, whiteSpace: 'normal', textAlign: 'left', justifyContent: 'space-between' }}
            data-testid={`kiosk-tenant-${tenant.displayName}`}
          >
            <span>{en && tenant.displayNameEn ? tenant.displayNameEn : tenant.displayName}</span>
            <span style={{ fontSize: 18, opacity: 0.8 }}>{t('kiosk.floor', { floor: tenant.floor })}</span>
          </Button>
        ))}
        {tenants.length === 0 && <div style={{ fontSize: 20, color: '#888' }}>{t('kiosk.noTenant')}</div>}
      </div>
    </div>
  );
}

function PartySize({ value = 1, onChange }: { value?: number; onChange?: (n: number) => void }) {
  return (
    <Flex align="center" gap={16}>
      <Button size="large" shape="circle" icon={<MinusOutlined />} style={{ width: 60, height: 60 }} disabled={value <= 1} onClick={() => onChange?.(value - 1)} />
      <span style={{ fontSize: 32, minWidth: 48, textAlign: 'center' }} data-testid="kiosk-party">
        {value}
      </span>
      <Button size="large" shape="circle" icon={<PlusOutlined />} style={{ width: 60, height: 60 }} disabled={value >= 99} onClick={() => onChange?.(value + 1)} />
    </Flex>
  );
}

function PurposeButtons({ purposes, en, value, onChange }: { purposes: KioskWelcome['purposes']; en: boolean; value?: string; onChange?: (v: string) => void }) {
  return (
    <Flex wrap gap={10}>
      {purposes.map((p) => (
        <Button
          key={p.zh}
          type={value === p.zh ? 'primary' : 'default'}
          onClick={() => onChange?.(p.zh)}
          autoInsertSpace={false}
          style={{ height: 60, fontSize: 22, paddingInline: 24 }}
          data-testid={`kiosk-purpose-${p.zh}`}
        >
          {en && p.en ? p.en : p.zh}
        </Button>
      ))}
    </Flex>
  );
}

/** "Required" in the visitor's words first; then the schema's own check for what was typed. */
function visitorRule(field: Field, missing: string | null): Rule[] {
  const rules: Rule[] = [];
  if (missing) rules.push({ validator: async (_r, v: unknown) => { if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) throw new Error(missing); } });
  rules.push(zodRule(shape[field]));
  return rules;
}

export function KioskForm({ welcome, idConsent, onSubmitted }: { welcome: KioskWelcome; idConsent: boolean; onSubmitted(registrationId: string): void }) {
  const { t, i18n } = useTranslation('visitors');
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const en = i18n.language === 'en';
  const last = STEPS.length - 1;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = form.getFieldsValue(true) as Values;
      const { registrationId } = await kioskApi.visitors.selfRegister({
        visitorName: v.visitorName,
        mobile: v.mobile,
        tenantId: v.tenantId ?? '',
        hostName: v.hostName ?? '',
        purpose: v.purpose ?? '',
        partySize: v.partySize,
        idNumber: idConsent && v.idNumber ? v.idNumber : null,
        vehiclePlate: v.vehiclePlate ? v.vehiclePlate : null,
        lang: en ? 'en' : 'zh-CN',
        consent: true,
        idConsent,
      });
      onSubmitted(registrationId);
    } catch (e) {
      const general = e instanceof ApiError ? showServerErrors(form, e) : String(e);
      // A field the server refused is shown on its own step, in place of a general message.
      const refused = e instanceof ApiError ? e.issues.map((i) => i.path[0]).find((f) => typeof f === 'string') : undefined;
      const at = refused ? STEPS.findIndex((fields) => fields.includes(refused as Field)) : -1;
      if (at >= 0 && at !== step) setStep(at);
      setError(at >= 0 ? null : general);
    } finally {
      setBusy(false);
    }
  };

  /** Next checks this step's fields only; the last step registers. */
  const next = async () => {
    try {
      await form.validateFields(STEPS[step]!.filter((f) => f !== 'idNumber' || idConsent));
    } catch {
      return;
    }
    if (step < last) {
      setError(null);
      setStep(step + 1);
    } else await submit();
  };

  const item = (name: Field, text: string, control: ReactNode, rules: Rule[]) => (
    <Form.Item name={name} label={<span style={label}>{text}</span>} rules={rules} validateFirst style={{ marginBottom: 20 }}>
      {control}
    </Form.Item>
  );

  return (
    <div style={card} data-testid={`kiosk-step-${step + 1}`}>
      <Flex justify="space-between" align="baseline">
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 16 }}>
          {t(TITLES[step]!)}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 20 }} data-testid="kiosk-step-of">
          {t('kiosk.stepOf', { step: step + 1, total: STEPS.length })}
        </Typography.Text>
      </Flex>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ partySize: 1 }}
        onFinish={() => void next()}
        requiredMark={false}
        data-testid="kiosk-form"
      >
        {step === 0 && (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
            {item('visitorName', t('field.visitorName'), <Input style={input} autoComplete="off" autoFocus data-testid="kiosk-name" />, visitorRule('visitorName', t('kiosk.needName')))}
            {item('mobile', t('field.mobile'), <Input style={input} inputMode="numeric" autoComplete="off" data-testid="kiosk-mobile" />, visitorRule('mobile', t('kiosk.needMobile')))}
            {idConsent &&
              item('idNumber', t('field.idNumber'), <Input style={input} autoComplete="off" data-testid="kiosk-id" />, visitorRule('idNumber', welcome.idNumber === 'required' ? t('kiosk.needIdNumber') : null))}
          </div>
        )}
        {step === 1 && item('tenantId', t('field.tenant'), <TenantChooser />, visitorRule('tenantId', t('kiosk.needTenant')))}
        {step === 2 && (
          <>
            {item('purpose', t('field.purpose'), <PurposeButtons purposes={welcome.purposes} en={en} />, visitorRule('purpose', t('kiosk.needPurpose')))}
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', columnGap: 24 }}>
              {item('hostName', t('optionalField', { label: t('field.hostName') }), <Input style={input} autoComplete="off" data-testid="kiosk-host" />, [zodRule(shape.hostName)])}
              {item('vehiclePlate', t('optionalField', { label: t('field.vehiclePlate') }), <Input style={input} autoComplete="off" data-testid="kiosk-plate" />, [zodRule(shape.vehiclePlate)])}
              {item('partySize', t('field.partySize'), <PartySize />, [zodRule(shape.partySize)])}
            </div>
          </>
        )}
        {error && <Alert type="error" showIcon message={<span style={{ fontSize: 20 }}>{error}</span>} style={{ marginBottom: 16 }} data-testid="kiosk-error" />}
        <Flex gap={16} justify="space-between">
          {step > 0 ? (
            <Button size="large" style={bigButton} autoInsertSpace={false} onClick={() => setStep(step - 1)} data-testid="kiosk-back">
              {t('kiosk.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="primary" htmlType="submit" loading={busy} style={{ ...bigButton, minWidth: 280 }} autoInsertSpace={false} data-testid={step < last ? 'kiosk-next' : 'kiosk-submit'}>
            {step < last ? t('kiosk.next') : t('kiosk.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
