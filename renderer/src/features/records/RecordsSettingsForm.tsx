// Admin: departments, the ladder's durations and how days count (calendar or working days with holidays and
// make-up days), warning lead time, complaint and follow-up periods, the audit reminder hour.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { RecordsSettings } from '../../../../shared/contract/records';
import { useRecords } from './store';

const NUMBERS: Array<[keyof RecordsSettings, number, number]> = [
  ['supervisorAfterDays', 1, 30],
  ['managerAfterDays', 2, 90],
  ['warnBeforeHours', 0, 48],
  ['complaintAnswerHours', 1, 72],
  ['followUpDays', 1, 30],
  ['auditReminderHour', 0, 23],
];

export function RecordsSettingsForm() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordsSettings>();
  const [error, setError] = useState<string | null>(null);
  const loadBasics = useRecords((s) => s.loadBasics);
  const mode = Form.useWatch('countMode', form);

  useEffect(() => {
    void api.records.settings({}).then((s) => form.setFieldsValue(s));
  }, [form]);

  const save = async (values: RecordsSettings) => {
    setError(null);
    try {
      form.setFieldsValue(await api.records.updateSettings(values));
      await loadBasics(false);
      void message.success(tc('saved'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // List entries (a department, a date) are reported by index: show them on the list's field.
      form.setFields(
        e.issues
          .filter((i) => i.path.length > 0)
          .map((i) => ({ name: i.path[0] as keyof RecordsSettings, errors: [i.message] })),
      );
      setError(e.message);
    }
  };

  return (
    <Form<RecordsSettings> form={form} layout="vertical" style={{ maxWidth: 820 }} onFinish={(v) => void save(v)} data-testid="records-settings">
      <Form.Item name="departments" label={t('settingsPage.departments')} extra={t('settingsPage.departmentsHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="countMode" label={t('settingsPage.countMode')} extra={mode === 'workingDays' ? t('settingsPage.workingDaysHint') : undefined}>
        <Radio.Group
          options={[
            { value: 'calendar', label: t('settingsPage.calendar') },
            { value: 'workingDays', label: t('settingsPage.workingDays') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        {NUMBERS.map(([name, min, max]) => (
          <Col span={8} key={name}>
            <Form.Item name={name} label={t(`settingsPage.${name}`)}>
              <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="holidays" label={t('settingsPage.holidays')} extra={t('settingsPage.datesHint')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="makeUpDays" label={t('settingsPage.makeUpDays')} extra={t('settingsPage.datesHint')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Col>
      </Row>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
