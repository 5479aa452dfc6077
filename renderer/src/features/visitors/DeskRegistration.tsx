// Quick entry at the desk (V-1, V-4): keyboard-first. F2 jumps to the mobile number; a returning visitor's
// last visit is pre-filled as soon as the 11th digit is typed, and Enter checks them in.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Flex, Form, Input, InputNumber, Select, Typography, type InputRef } from 'antd';
import { IdcardOutlined, PrinterOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, staffClient } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { useBuilding } from '../../ui/use-building';
import { TenantPicker } from '../directory';
import { VisitDraft, type ReturningVisitor, type Visit } from '../../../../shared/contract/visitors';
import type { CardForDesk } from '../../../../shared/contract/hardware';
import { maskIdNumber } from '../../../../shared/rules/id-number';
import { maskPersonName } from '../../../../shared/rules/masking';
import { normalizeInput } from '../../../../shared/contract/fields';
import { useVisitors } from './store';
import { askRefusalReason, confirmDespiteWatchList } from './watch-alert';
import { dateText, purposeText } from './format';
import { usePrintView } from '../../ui/print-view';
import { VisitorPass, passQrDataUrl } from './print/VisitorPass';
import { useSession } from '../auth';
import { useFormDraft, writeDraft } from '../../ui/drafts';
import { tabLeaves } from '../../ui/keyboard';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';

interface FormValues {
  mobile: string;
  visitorName: string;
  tenantId: string | null;
  hostName?: string;
  purpose?: string;
  partySize: number;
  idNumber?: string;
  vehiclePlate?: string;
  badgeNumber?: string;
  notes?: string;
}

const shape = VisitDraft.shape;
const MOBILE = /^1[3-9]\d{9}$/;
const blank = (v: string | undefined | null) => (v && v.trim() ? v : null);

/** The visit's photo as a data URL when the building prints photos on passes (V-11) and one was taken. */
async function passPhoto(visitId: string): Promise<string | null> {
  const settings = await api.photos.settings({});
  if (!settings.onPass) return null;
  const { photo } = await api.photos.get({ visitId });
  return photo ? `data:${photo.mime};base64,${photo.dataBase64}` : null;
}

/** Prints a visit's pass (shared by the desk panel and the in-building list). */
export function usePassPrinter() {
  const building = useBuilding();
  const { i18n } = useTranslation();
  const { view, print } = usePrintView();
  const name = i18n.language === 'en' && building.nameEn ? building.nameEn : building.name;
  return {
    view,
    async printPass(visit: Visit) {
      // The desk's slip printer first (ESC/POS, or the OS driver in the desktop app); else this screen prints it.
      const slip = await api.hardware.printSlip({ visitId: visit.id }).catch(() => ({ printed: false }));
      if (slip.printed) return;
      const qr = await passQrDataUrl(visit.qrText ?? visit.passNumber ?? visit.id);
      await print(<VisitorPass visit={visit} qr={qr} building={name} photo={await passPhoto(visit.id)} />);
    },
  };
}

export function DeskRegistration() {
  const { t, i18n } = useTranslation('visitors');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mobileRef = useRef<InputRef>(null);
  const lookup = useRef<Promise<void>>(Promise.resolve());
  const [returning, setReturning] = useState<ReturningVisitor | null>(null);
  const [hostOptions, setHostOptions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The card the reader read (H-1): its number is submitted as read and shown masked unless the building keeps it in full. */
  const [card, setCard] = useState<CardForDesk | null>(null);
  const settings = useVisitors((s) => s.settings);
  const loadSettings = useVisitors((s) => s.loadSettings);
  const lastCheckedIn = useVisitors((s) => s.lastCheckedIn);
  const setLastCheckedIn = useVisitors((s) => s.setLastCheckedIn);
  const { view, printPass } = usePassPrinter();
  const timeZone = useBuilding((s) => s.timeZone);
  const userId = useSession((s) => s.user?.id);
  const [purposeOpen, setPurposeOpen] = useState(false);
  // What is typed survives the lock, a reload and a crashed screen; never an ID number (it stays private).
  const draftStore = useFormDraft(form, userId, 'visitor');
  const keepDraft = () => {
    const { idNumber: _id, ...rest } = form.getFieldsValue(true) as FormValues;
    void _id;
    if (userId) writeDraft(userId, 'visitor', rest as unknown as Record<string, unknown>);
  };

  const applyCard = (read: CardForDesk) => {
    setCard(read);
    form.setFieldsValue({ visitorName: read.name, idNumber: undefined });
    void message.success(t('desk.cardRead', { name: maskPersonName(read.name) }));
    mobileRef.current?.focus();
  };
  const applyCardRef = useRef(applyCard);
  applyCardRef.current = applyCard;

  const readCard = async () => {
    try {
      const { card: read, result } = await api.hardware.readCard({});
      if (read) applyCardRef.current(read);
      else void message.warning(t(result.messageKey, result.params));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  // A card placed on this PC's reader fills the form by itself.
  useEffect(() => staffClient.on('hardware.cardRead', (read) => applyCardRef.current(read)), []);

  useEffect(() => {
    void loadSettings();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === DESK_KEYS.visitor) {
        e.preventDefault();
        mobileRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [loadSettings]);

  const findReturning = (raw: string) => {
    const mobile = normalizeInput(raw).replace(/[\s-]/g, '');
    if (!MOBILE.test(mobile)) {
      setReturning(null);
      return;
    }
    lookup.current = api.visitors
      .lastByMobile({ mobile })
      .then(({ last }) => {
        setReturning(last);
        if (!last) return;
        const current = form.getFieldsValue();
        // Fill only what the receptionist has not typed yet.
        form.setFieldsValue({
          visitorName: current.visitorName || last.visitorName,
          tenantId: current.tenantId || (last.tenant.active ? last.tenant.id : null),
          hostName: current.hostName || last.hostName,
          purpose: current.purpose || (settings?.purposes.some((p) => p.zh === last.purpose) ? last.purpose : undefined),
          partySize: last.partySize,
          vehiclePlate: current.vehiclePlate || last.vehiclePlate || undefined,
        });
      })
      .catch(() => setReturning(null));
  };

  const reset = () => {
    draftStore.clear();
    form.resetFields();
    setCard(null);
    setReturning(null);
    setHostOptions([]);
    setError(null);
    mobileRef.current?.focus();
  };

  const register = async (values: FormValues) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const draft = {
        visitorName: values.visitorName,
        mobile: values.mobile,
        tenantId: values.tenantId ?? '',
        hostName: values.hostName ?? '',
        purpose: values.purpose ?? '',
        partySize: values.partySize ?? 1,
        idNumber: card?.idNumber ?? blank(values.idNumber),
        vehiclePlate: blank(values.vehiclePlate),
        badgeNumber: values.badgeNumber ?? '',
        notes: values.notes ?? '',
      };
      const { matches } = await api.visitors.watchCheck({ visitorName: draft.visitorName, mobile: draft.mobile, idNumber: draft.idNumber ?? '' });
      if (matches.length > 0 && !(await confirmDespiteWatchList(modal, matches, t))) {
        // Refused: recorded with who, when and why, and the guard is told (V-6).
        const reason = await askRefusalReason(modal, t, t('visitors:watch.refuseDefault', { reason: matches[0]?.reason ?? '' }));
        if (reason === null) return;
        const { badgeNumber: _badge, ...refusal } = draft;
        const refused = await api.visitors.refuse({ draft: refusal, reason });
        void message.warning(t('watch.refused', { name: refused.visitorName }));
        void useVisitors.getState().load();
        reset();
        return;
      }
      const visit = await api.visitors.register({ ...draft, overrideWatchList: matches.length > 0 });
      setLastCheckedIn(visit);
      void message.success(t('desk.registered', { name: visit.visitorName, pass: visit.passNumber }));
      void useVisitors.getState().load();
      reset();
    } catch (e) {
      setError(e instanceof ApiError ? showServerErrors(form, e) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const purposeOptions = (settings?.purposes ?? []).map((p) => ({ value: p.zh, label: purposeText(settings?.purposes, p.zh, i18n.language) }));

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <UserAddOutlined /> {t('desk.title')}
        </Flex>
      }
      extra={
        <Button size="small" icon={<IdcardOutlined />} onClick={() => void readCard()} data-testid="desk-read-card">
          {t('desk.readCard')}
        </Button>
      }
      data-testid="desk-registration"
    >
      {view}
      {/* Under the title, not beside it: in the lobby's middle column the title and the card button fill the row. */}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4, marginBottom: 8 }}>
        {t('desk.shortcut')}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        size="middle"
        initialValues={{ partySize: 1 }}
        onFinish={(v) => void register(v)}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('mobile' in changed) findReturning(changed.mobile ?? '');
          keepDraft();
        }}
        requiredMark={false}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="mobile" label={t('field.mobile')} rules={[zodRule(shape.mobile)]} style={{ marginBottom: 8 }}>
            <Input
              ref={mobileRef}
              autoFocus
              inputMode="numeric"
              autoComplete="off"
              data-testid="desk-mobile"
              onKeyDown={(e) => {
                // Enter waits for the returning-visitor look-up, then checks in: one key for a returning visitor.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void lookup.current.then(() => form.submit());
                }
              }}
            />
          </Form.Item>
          <Form.Item name="visitorName" label={t('field.visitorName')} rules={[zodRule(shape.visitorName)]} style={{ marginBottom: 8 }}>
            <Input autoComplete="off" data-testid="desk-name" />
          </Form.Item>
        </div>
        {returning && (
          <Alert
            type={returning.tenant.active ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="desk-returning"
            message={
              returning.tenant.active
                ? t('desk.returning', { when: dateText(returning.lastVisitAt, timeZone), tenant: returning.tenant.displayName, count: returning.visitCount })
                : t('desk.returningInactive', { tenant: returning.tenant.displayName })
            }
          />
        )}
        <Form.Item name="tenantId" label={t('field.tenant')} rules={[zodRule(shape.tenantId)]} style={{ marginBottom: 8 }}>
          <TenantPicker testId="desk-tenant" onChange={(_id, tenant) => setHostOptions(tenant?.contacts.filter((c) => c.active).map((c) => c.name) ?? [])} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <div onKeyDownCapture={tabLeaves}>
            <Form.Item name="hostName" label={t('field.hostName')} rules={[zodRule(shape.hostName)]} style={{ marginBottom: 8 }}>
              <AutoComplete options={hostOptions.map((h) => ({ value: h }))} data-testid="desk-host" />
            </Form.Item>
          </div>
          <div
            onKeyDownCapture={(e) => {
              // Enter on a chosen purpose registers (the F2 → Enter flow); with the list open it picks, as usual.
              if (e.key === 'Enter' && !purposeOpen && !e.nativeEvent.isComposing) {
                e.preventDefault();
                e.stopPropagation();
                void lookup.current.then(() => form.submit());
              }
            }}
          >
            <Form.Item name="purpose" label={t('field.purpose')} rules={[zodRule(shape.purpose)]} style={{ marginBottom: 8 }}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={purposeOptions} onOpenChange={setPurposeOpen} data-testid="desk-purpose" />
            </Form.Item>
          </div>
          <Form.Item name="partySize" label={t('field.partySize')} rules={[zodRule(shape.partySize)]} style={{ marginBottom: 8 }}>
            <InputNumber min={1} max={99} style={{ width: '100%' }} data-testid="desk-party" />
          </Form.Item>
          <Form.Item name="vehiclePlate" label={t('optionalField', { label: t('field.vehiclePlate') })} rules={[zodRule(shape.vehiclePlate)]} style={{ marginBottom: 8 }}>
            <Input autoComplete="off" data-testid="desk-plate" />
          </Form.Item>
          {card ? (
            <Form.Item label={`${t('field.idNumber')} · ${t('desk.cardFromReader')}`} style={{ marginBottom: 8 }}>
              <Input
                readOnly
                value={settings?.storeFullIdNumber ? card.idNumber : maskIdNumber(card.idNumber)}
                data-testid="desk-id"
                suffix={
                  <Button size="small" type="link" onClick={() => setCard(null)} data-testid="desk-card-clear">
                    {t('desk.clearCard')}
                  </Button>
                }
              />
            </Form.Item>
          ) : (
            <Form.Item name="idNumber" label={t('optionalField', { label: t('field.idNumber') })} rules={[zodRule(shape.idNumber)]} style={{ marginBottom: 8 }}>
              <Input autoComplete="off" data-testid="desk-id" />
            </Form.Item>
          )}
          <Form.Item name="badgeNumber" label={t('optionalField', { label: t('field.badgeNumber') })} rules={[zodRule(shape.badgeNumber)]} style={{ marginBottom: 8 }}>
            <Input autoComplete="off" data-testid="desk-badge" />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t('optionalField', { label: t('field.notes') })} rules={[zodRule(shape.notes)]} style={{ marginBottom: 8 }}>
          <Input autoComplete="off" data-testid="desk-notes" />
        </Form.Item>
        {card?.expired && <Alert type="warning" showIcon message={t('desk.cardExpired', { until: card.validUntil })} style={{ marginBottom: 8 }} data-testid="desk-card-expired" />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="desk-error" />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="desk-submit">
          {t('desk.submit')}
        </Button>
      </Form>
      {lastCheckedIn && (
        <Flex justify="space-between" align="center" style={{ marginTop: 10, padding: '6px 10px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6 }} data-testid="last-checked-in">
          <span>{t('desk.lastRegistered', { name: lastCheckedIn.visitorName, pass: lastCheckedIn.passNumber })}</span>
          <Button size="small" icon={<PrinterOutlined />} onClick={() => void printPass(lastCheckedIn)} data-testid="print-pass">
            {t('desk.printPass')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
