// Figures per receptionist per day (P-5), as the reports will read them.
import { useCallback, useEffect, useState } from 'react';
import { App, DatePicker, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ReceptionistDayFigures } from '../../../../shared/contract/calls';
import { percentText, secondsText } from './format';

export function StaffFigures() {
  const { t } = useTranslation('calls');
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);
  const [rows, setRows] = useState<ReceptionistDayFigures[]>([]);

  const load = useCallback(async () => {
    try {
      const result = await api.calls.dailyFigures({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      setRows(result.rows);
    } catch (e) {
      void message.error((e as Error).message);
    }
  }, [range, message]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="call-staff-figures">
      <Space style={{ marginBottom: 12 }}>
        <span>{t('log.range')}</span>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      </Space>
      <Table<ReceptionistDayFigures>
        rowKey={(r) => `${r.day}-${r.staffId ?? ''}`}
        dataSource={rows}
        pagination={false}
        size="small"
        columns={[
          { title: t('log.day'), dataIndex: 'day' },
          { title: t('log.staff'), dataIndex: 'staffName', render: (n: string | null) => n ?? t('log.unattributed') },
          { title: t('log.calls'), dataIndex: 'calls', align: 'right' },
          { title: t('log.answered'), dataIndex: 'answered', align: 'right' },
          { title: t('figures.missed'), dataIndex: 'missed', align: 'right' },
          { title: t('log.share'), dataIndex: 'withinTargetShare', align: 'right', render: (s: number | null) => percentText(s) ?? t('figures.none') },
          {
            title: t('figures.meanAnswer'),
            dataIndex: 'meanAnswerMs',
            align: 'right',
            render: (ms: number | null) => (ms === null ? t('figures.none') : t('figures.seconds', { value: secondsText(ms) })),
          },
        ]}
      />
    </div>
  );
}
