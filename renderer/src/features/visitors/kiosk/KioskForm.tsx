// The visitor's own registration form in a large touch layout (V-2). The tenant picker shows display names and
// floors only — all the visitor screen ever receives about a tenant (V-3).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { MinusOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { kioskApi, ApiError } from '../../../api/client';
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

function TenantChooser({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t, i18n } = useTranslation('visitors');
  const [q, setQ] = useState('');
  const [tenants, setTenants] = useState<KioskTenant[]>([]);
  const ticket = useRef(0);
  useEffect(() => {
    const mine = ++ticket.current;
    const timer = window.setTimeout(() => {
      void kioskApi.directory.kioskSearch({ q }).then((r) => {
        if (mine === ticket.current) setTenants(r.tenants);
      });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [q]);
  const en = i18n.language === 'en';
  return (
    <div>
      <Input size="large" prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('kiosk.searchTenant')} style={input} data-testid="kiosk-tenant-search" />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 10, marginTop: 10, maxHeight: 300, overflowY: 'auto' }}>
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

export function KioskForm({ welcome, idConsent, onSubmitted }: { welcome: KioskWelcome; idConsent: boolean; onSubmitted(registrationId: string): void }) {
  const { t, i18n } = useTranslation('visitors');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const en = i18n.language === 'en';

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
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
      setError(e instanceof ApiError ? showServerErrors(form, e) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const item = (name: keyof Values & keyof typeof shape, text: string, control: ReactNode) => (
    <Form.Item name={name} label={<span style={label}>{text}</span>} rules={[zodRule(shape[name])]}>
      {control}
    </Form.Item>
  );

  return (
    <div style={card}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('kiosk.formTitle')}
      </Typography.Title>
      <Form<Values> form={form} layout="vertical" size="large" initialValues={{ partySize: 1 }} onFinish={(v) => void submit(v)} requiredMark={false} data-testid="kiosk-form">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
          {item('visitorName', t('field.visitorName'), <Input style={input} autoComplete="off" data-testid="kiosk-name" />)}
          {item('mobile', t('field.mobile'), <Input style={input} inputMode="numeric" autoComplete="off" data-testid="kiosk-mobile" />)}
        </div>
        {item('tenantId', t('field.tenant'), <TenantChooser />)}
        {item('purpose', t('field.purpose'), (
          <PurposeButtons purposes={welcome.purposes} en={en} />
        ))}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 24 }}>
          {item('hostName', t('optionalField', { label: t('field.hostName') }), <Input style={input} autoComplete="off" data-testid="kiosk-host" />)}
          {item('partySize', t('field.partySize'), <PartySize />)}
          {idConsent && item('idNumber', t('field.idNumber'), <Input style={input} autoComplete="off" data-testid="kiosk-id" />)}
          {item('vehiclePlate', t('optionalField', { label: t('field.vehiclePlate') }), <Input style={input} autoComplete="off" data-testid="kiosk-plate" />)}
        </div>
        {error && <Alert type="error" showIcon message={<span style={{ fontSize: 20 }}>{error}</span>} style={{ marginBottom: 16 }} data-testid="kiosk-error" />}
        <Button type="primary" htmlType="submit" block loading={busy} style={bigButton} autoInsertSpace={false} data-testid="kiosk-submit">
          {t('kiosk.submit')}
        </Button>
      </Form>
    </div>
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
