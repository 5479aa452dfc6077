// The lobby's parcel panel (V-9): log a parcel or food delivery in seconds — courier, tracking number (a scanner
// types it into the field), recipient tenant, shelf — see what is held (uncollected ones flagged) with each
// notification's state (V-10), and record the pick-up. Self-contained; follows the pushed events.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, AutoComplete, Badge, Button, Card, Empty, Flex, Form, Input, Segmented, Tag, Typography, type InputRef } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, staffClient } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import { useBuilding } from '../../ui/use-building';
import { alarm } from '../../ui/sound';
import { TenantPicker } from '../directory';
import { NotificationTags } from '../notify';
import { formatDateTime } from '../../../../shared/rules/time';
import type { Parcel, ParcelSettings } from '../../../../shared/contract/parcels';
import { CollectDialog } from './CollectDialog';

export function ParcelsPanel() {
  const { t } = useTranslation('parcels');
  const { message, modal } = App.useApp();
  const timeZone = useBuilding((s) => s.timeZone);
  const [form] = Form.useForm();
  const [held, setHeld] = useState<Parcel[]>([]);
  const [days, setDays] = useState(3);
  const [settings, setSettings] = useState<ParcelSettings | null>(null);
  const [collecting, setCollecting] = useState<Parcel | null>(null);
  const [busy, setBusy] = useState(false);
  const courierRef = useRef<InputRef>(null);

  const load = useCallback(async () => {
    const r = await api.parcels.held({});
    setHeld(r.parcels);
    setDays(r.uncollectedDays);
  }, []);
  useEffect(() => {
    void load();
    void api.parcels.settings({}).then(setSettings);
    return staffClient.on('parcels.changed', (e) => {
      if (e.uncollected) alarm();
      void load();
    });
  }, [load]);

  const log = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      const { parcel, pickupCode } = await api.parcels.log({
        kind: v.kind ?? 'parcel',
        courier: v.courier ?? '',
        trackingNumber: v.trackingNumber ?? '',
        tenantId: v.tenantId ?? '',
        recipientName: v.recipientName ?? '',
        shelf: v.shelf ?? '',
      });
      form.resetFields(['trackingNumber', 'tenantId', 'recipientName']);
      modal.info({
        title: t('panel.logged', { number: parcel.number, code: pickupCode }),
        content: (
          <span>
            {t('panel.codeOnce')} <Typography.Text strong style={{ fontSize: 20 }} data-testid="parcel-pickup-code">{pickupCode}</Typography.Text>
          </span>
        ),
      });
      void load();
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="parcels-panel"
      title={
        <Flex gap={8} align="center">
          <InboxOutlined /> {t('panel.title')}
          <Badge count={held.length} color="blue" />
        </Flex>
      }
    >
      <Form form={form} layout="inline" initialValues={{ kind: 'parcel', courier: settings?.couriers[0] }} onFinish={() => void log()} style={{ rowGap: 8 }} data-testid="parcel-form">
        <Form.Item name="kind">
          <Segmented options={[{ value: 'parcel', label: t('kinds.parcel') }, { value: 'food', label: t('kinds.food') }]} />
        </Form.Item>
        <Form.Item name="courier">
          <AutoComplete style={{ width: 120 }} placeholder={t('panel.courier')} options={(settings?.couriers ?? []).map((c) => ({ value: c }))} data-testid="parcel-courier">
            <Input ref={courierRef} />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="trackingNumber">
          <Input style={{ width: 180 }} placeholder={t('panel.tracking')} autoComplete="off" data-testid="parcel-tracking" />
        </Form.Item>
        <Form.Item name="tenantId">
          <TenantPicker testId="parcel-tenant" />
        </Form.Item>
        <Form.Item name="recipientName">
          <Input style={{ width: 110 }} placeholder={t('panel.recipient')} data-testid="parcel-recipient" />
        </Form.Item>
        <Form.Item name="shelf">
          <Input style={{ width: 80 }} placeholder={t('panel.shelf')} data-testid="parcel-shelf" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="parcel-log">
          {t('panel.log')}
        </Button>
      </Form>
      {held.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.none')} />
      ) : (
        <Flex vertical gap={6} style={{ marginTop: 8 }}>
          {held.map((p) => (
            <Flex key={p.id} justify="space-between" align="center" gap={8} style={{ padding: '6px 10px', borderRadius: 6, background: p.uncollected ? '#fff7e6' : '#fafafa' }} data-testid={`parcel-${p.number}`}>
              <Flex vertical>
                <span>
                  <Typography.Text strong>{p.number}</Typography.Text> · {t(`kinds.${p.kind}`)} · {p.courier} {p.trackingNumber} · {p.tenant.displayName} {p.recipientName}
                  {p.shelf ? ` · ${t('panel.shelf')} ${p.shelf}` : ''}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('panel.since', { time: formatDateTime(p.loggedAt, timeZone) })}
                  </Typography.Text>
                  {p.uncollected && (
                    <Tag color="orange" style={{ marginLeft: 8 }} data-testid="parcel-uncollected">
                      {t('panel.uncollected', { days })}
                    </Tag>
                  )}
                </span>
                <NotificationTags subjectKind="parcel" subjectId={p.id} />
              </Flex>
              <Button size="small" type="primary" onClick={() => setCollecting(p)} data-testid={`parcel-collect-${p.number}`}>
                {t('panel.collect')}
              </Button>
            </Flex>
          ))}
        </Flex>
      )}
      {collecting && (
        <CollectDialog
          parcel={collecting}
          onClose={() => setCollecting(null)}
          onDone={(p) => {
            setCollecting(null);
            void message.success(t('collect.done', { number: p.number }));
            void load();
          }}
        />
      )}
    </Card>
  );
}
