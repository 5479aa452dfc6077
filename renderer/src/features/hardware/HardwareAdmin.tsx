// Admin → Devices (P-6, H-1, H-2): each adapter configured, its state shown, and tested from here — "test ring",
// "read a card", "print a test slip", "test a scan" — with a clear message when the device is not found.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import {
  BAUD_RATES,
  ID_READER_KINDS,
  PAPER_WIDTHS,
  SLIP_PRINTER_KINDS,
  type HardwareSettings,
  type HardwareSettingsInput,
  type TestResult,
} from '../../../../shared/contract/hardware';
import { DeskPhones } from './DeskPhones';
import { DeviceStatus, TestOutcome } from './DeviceStatus';

type Status = Awaited<ReturnType<typeof api.hardware.status>>;
type FormValues = Omit<HardwareSettings, 'sip'> & { sip: Omit<HardwareSettings['sip'], 'passwordSet'> & { password?: string } };
type TestKey = 'ring' | 'card' | 'slip' | 'scan';

const baudOptions = BAUD_RATES.map((b) => ({ value: b, label: String(b) }));

function Row({ children }: { children: ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 12 }}>{children}</div>;
}

export function HardwareAdmin() {
  const { t } = useTranslation('hardware');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [status, setStatus] = useState<Status | null>(null);
  const [passwordSet, setPasswordSet] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState<TestKey | null>(null);
  const [results, setResults] = useState<Partial<Record<TestKey, TestResult>>>({});
  const readerKind = Form.useWatch(['idReader', 'kind'], form);
  const printerKind = Form.useWatch(['slipPrinter', 'kind'], form);

  const loadStatus = useCallback(async () => setStatus(await api.hardware.status({})), []);
  const load = useCallback(async () => {
    const settings = await api.hardware.settings({});
    const { passwordSet: set, ...sip } = settings.sip;
    setPasswordSet(set);
    form.setFieldsValue({ ...settings, sip: { ...sip, password: undefined } });
    await loadStatus();
  }, [form, loadStatus]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (values: FormValues) => {
    setError(null);
    try {
      const { password, ...sip } = values.sip;
      // The selects offer only the contract's baud rates and paper widths; the core checks them again.
      const input = { ...values, sip: { ...sip, ...(password ? { password } : {}) } } as HardwareSettingsInput;
      await api.hardware.updateSettings(input);
      void message.success(t('saved'));
      await load();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  const test = async (key: TestKey) => {
    setTesting(key);
    try {
      let result: TestResult;
      if (key === 'ring') result = (await api.hardware.testRing({ seconds: 30 })).result;
      else if (key === 'card') {
        const read = await api.hardware.testCardReader({});
        result = read.result;
        if (read.card) void message.info(`${read.card.name} · ${read.card.idNumber} · ${read.card.validUntil}`);
      } else if (key === 'slip') result = await api.hardware.testSlipPrinter({});
      else result = (await api.hardware.testScanner({ seconds: 20 })).result;
      setResults((r) => ({ ...r, [key]: result }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setTesting(null);
      void loadStatus();
    }
  };

  const testButton = (key: TestKey, label: string) => (
    <Space wrap>
      <Button onClick={() => void test(key)} loading={testing === key} data-testid={`hardware-test-${key}`}>
        {testing === key ? t('testing') : label}
      </Button>
      <TestOutcome result={results[key] ?? null} testId={`hardware-result-${key}`} />
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="hardware-admin">
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
        <Card size="small" title={t('telephony.title')} style={{ marginBottom: 12 }}>
          <Typography.Title level={5}>{t('telephony.phones')}</Typography.Title>
          <DeviceStatus status={status?.actionUrl} testId="hardware-status-actionUrl" />
          <DeskPhones onChange={() => void loadStatus()} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('telephony.sip')}
          </Typography.Title>
          <DeviceStatus status={status?.sip} testId="hardware-status-sip" />
          <Row>
            <Form.Item name={['sip', 'enabled']} label={t('telephony.sipEnabled')} valuePropName="checked">
              <Switch data-testid="sip-enabled" />
            </Form.Item>
            <Form.Item name={['sip', 'host']} label={t('telephony.host')}>
              <Input placeholder="192.168.1.2" data-testid="sip-host" />
            </Form.Item>
            <Form.Item name={['sip', 'port']} label={t('telephony.port')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name={['sip', 'extension']} label={t('telephony.extension')}>
              <Input placeholder="8001" data-testid="sip-extension" />
            </Form.Item>
            <Form.Item name={['sip', 'domain']} label={t('telephony.domain')}>
              <Input />
            </Form.Item>
            <Form.Item name={['sip', 'username']} label={t('telephony.username')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['sip', 'password']} label={t('telephony.password')}>
              <Input.Password autoComplete="new-password" placeholder={passwordSet ? t('telephony.passwordKept') : ''} />
            </Form.Item>
            <Form.Item name={['sip', 'localPort']} label={t('telephony.localPort')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Row>
          <Typography.Title level={5}>{t('telephony.box')}</Typography.Title>
          <DeviceStatus status={status?.callerIdBox} testId="hardware-status-callerIdBox" />
          <Row>
            <Form.Item name={['callerIdBox', 'enabled']} label={t('telephony.boxEnabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['callerIdBox', 'path']} label={t('reader.path')}>
              <Input placeholder="/dev/ttyUSB0 · COM3" />
            </Form.Item>
            <Form.Item name={['callerIdBox', 'baudRate']} label={t('reader.baudRate')}>
              <Select options={baudOptions} />
            </Form.Item>
          </Row>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('telephony.testRingHint')}</Typography.Text>
            {testButton('ring', t('telephony.testRing'))}
          </Flex>
        </Card>

        <Card size="small" title={t('reader.title')} style={{ marginBottom: 12 }}>
          <DeviceStatus status={status?.idReader} testId="hardware-status-idReader" />
          <Row>
            <Form.Item name={['idReader', 'kind']} label={t('reader.kind')}>
              <Select options={ID_READER_KINDS.map((k) => ({ value: k, label: t(`reader.kinds.${k}`) }))} data-testid="reader-kind" />
            </Form.Item>
            {readerKind === 'samv' && (
              <>
                <Form.Item name={['idReader', 'path']} label={t('reader.path')}>
                  <Input placeholder="/dev/ttyUSB0 · COM3" data-testid="reader-path" />
                </Form.Item>
                <Form.Item name={['idReader', 'baudRate']} label={t('reader.baudRate')}>
                  <Select options={baudOptions} />
                </Form.Item>
              </>
            )}
            {readerKind === 'vendorHttp' && (
              <Form.Item name={['idReader', 'url']} label={t('reader.url')}>
                <Input placeholder="http://127.0.0.1:19196/readCard" data-testid="reader-url" />
              </Form.Item>
            )}
            <Form.Item name={['idReader', 'autoRead']} label={t('reader.autoRead')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Row>
          {testButton('card', t('reader.test'))}
        </Card>

        <Card size="small" title={t('printer.title')} style={{ marginBottom: 12 }}>
          <DeviceStatus status={status?.slipPrinter} testId="hardware-status-slipPrinter" />
          <Row>
            <Form.Item name={['slipPrinter', 'kind']} label={t('printer.kind')}>
              <Select options={SLIP_PRINTER_KINDS.map((k) => ({ value: k, label: t(`printer.kinds.${k}`) }))} data-testid="printer-kind" />
            </Form.Item>
            {printerKind === 'os' && (
              <Form.Item name={['slipPrinter', 'osPrinter']} label={t('printer.osPrinter')}>
                <Input />
              </Form.Item>
            )}
            {printerKind === 'escpos' && (
              <>
                <Form.Item name={['slipPrinter', 'host']} label={t('printer.host')}>
                  <Input placeholder="192.168.1.50" data-testid="printer-host" />
                </Form.Item>
                <Form.Item name={['slipPrinter', 'port']} label={t('printer.port')}>
                  <InputNumber style={{ width: '100%' }} data-testid="printer-port" />
                </Form.Item>
              </>
            )}
            <Form.Item name={['slipPrinter', 'paperWidth']} label={t('printer.paperWidth')}>
              <Select options={PAPER_WIDTHS.map((w) => ({ value: w, label: t('printer.mm', { width: w }) }))} />
            </Form.Item>
          </Row>
          {testButton('slip', t('printer.test'))}
        </Card>

        <Card size="small" title={t('scanner.title')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary">{t('scanner.hint')}</Typography.Paragraph>
          <DeviceStatus status={status?.scanner} testId="hardware-status-scanner" />
          <Row>
            <Form.Item name={['scanner', 'serialEnabled']} label={t('scanner.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['scanner', 'path']} label={t('scanner.path')}>
              <Input placeholder="/dev/ttyACM0 · COM4" />
            </Form.Item>
            <Form.Item name={['scanner', 'baudRate']} label={t('scanner.baudRate')}>
              <Select options={baudOptions} />
            </Form.Item>
          </Row>
          {testButton('scan', t('scanner.test'))}
        </Card>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="hardware-error" />}
        <Button type="primary" htmlType="submit" data-testid="hardware-save">
          {t('save')}
        </Button>
      </Form>
    </Space>
  );
}
