// Admin: check the whole trail (links under the key, anchors, every table, content hashes, triggers), compare it
// with heads written on paper, acknowledge problems found, and read the latest entries.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, List, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, TrailReport, TrailStatus } from '../../../../shared/contract/audit';
import { useTrailStatus } from './TrailBanner';

const PAPER = /^\s*#?(\d+)\s*[:·]\s*([0-9a-f ]{8,})\s*$/i;

export function AuditAdmin() {
  const { t } = useTranslation('audit');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [report, setReport] = useState<TrailReport | null>(null);
  const [paper, setPaper] = useState('');
  const [paperError, setPaperError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [exported, setExported] = useState<{ exported: boolean; fingerprint: string | null; file: string | null } | null>(null);
  const { status, refresh } = useTrailStatus();
  const load = useCallback(async () => setEntries((await api.audit.list({ limit: 100 })).entries), []);
  useEffect(() => {
    void load();
  }, [load]);

  const verify = async () => {
    const lines = paper.split(/[\n,;]+/).filter((l) => l.trim() !== '');
    const parsed = lines.map((l) => PAPER.exec(l));
    if (parsed.some((m) => !m)) {
      setPaperError(true);
      return;
    }
    setPaperError(false);
    setBusy(true);
    try {
      setReport(await api.audit.verify({ paper: parsed.map((m) => ({ seq: Number(m![1]), link: m![2]!.replace(/\s+/g, '') })) }));
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const acknowledge = async () => {
    await api.audit.acknowledge({ note });
    setNote('');
    await refresh();
  };

  return (
    <div data-testid="audit-admin">
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('admin.hint')}
        </Typography.Paragraph>
        <Form layout="inline">
          <Form.Item label={t('admin.paper')} validateStatus={paperError ? 'error' : undefined} help={paperError ? t('admin.paperFormat') : undefined}>
            <Input value={paper} onChange={(e) => setPaper(e.target.value)} placeholder="1234: 3f9a c21b 77e0 d4a8" style={{ width: 320 }} data-testid="audit-paper" />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void verify()} data-testid="audit-verify">
            {t('verify')}
          </Button>
          <Button onClick={() => void api.audit.exportKey({}).then(setExported)} data-testid="audit-export-key" style={{ marginLeft: 8 }}>
            {t('admin.exportKey')}
          </Button>
        </Form>
        {exported && (
          <Alert
            type={exported.exported ? 'success' : 'info'}
            showIcon
            data-testid="audit-export-result"
            message={exported.exported ? t('admin.exported', { fingerprint: exported.fingerprint, file: exported.file }) : t('admin.exportInBrowser')}
            description={t('admin.exportWarning')}
          />
        )}
        {report && <ReportView report={report} />}
        {status && status.state === 'broken' && <Acknowledge status={status} note={note} setNote={setNote} onAcknowledge={() => void acknowledge()} />}
      </Space>
      <Table<AuditEntry>
        style={{ marginTop: 16 }}
        rowKey="seq"
        size="small"
        dataSource={entries}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('at'), dataIndex: 'at', render: (v: number) => new Date(v).toLocaleString() },
          {
            title: t('actor'),
            render: (_: unknown, e) => (e.actorKind === 'staff' ? e.actorName : e.actorKind === 'kiosk' ? `${t('kiosk')} · ${e.actorName}` : t(e.actorKind)),
          },
          { title: t('method'), dataIndex: 'method', render: (m: string) => <Typography.Text code>{m}</Typography.Text> },
          { title: t('entity'), render: (_: unknown, e) => `${e.entity} ${e.entityId ?? ''}` },
          { title: t('op'), dataIndex: 'op', render: (op: string, e) => `${t(`ops.${op}`)}${e.redacted ? ` · ${t('redacted')}` : ''}` },
        ]}
      />
    </div>
  );
}

function ReportView({ report }: { report: TrailReport }) {
  const { t } = useTranslation('audit');
  const count = (source: string, result: string) => report.anchors.filter((a) => a.source === source && a.result === result).length;
  const anchors = (source: string) =>
    t('admin.anchorCount', { ok: count(source, 'ok'), bad: count(source, 'differs') + count(source, 'beyond'), other: count(source, 'superseded') + count(source, 'skipped') });
  return (
    <div data-testid="audit-result">
      <Alert
        type={report.state === 'ok' ? 'success' : report.state === 'broken' ? 'error' : 'warning'}
        showIcon
        message={report.state === 'ok' ? t('ok', { count: report.authenticated }) : t(`state.${report.state}`)}
        description={
          report.problems.length > 0 ? (
            <List size="small" dataSource={report.problems} renderItem={(p) => <List.Item data-testid="audit-problem">{p.message ?? p.code}</List.Item>} />
          ) : undefined
        }
      />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('admin.head')}>{report.head ? `#${report.head.seq} · ${report.head.short}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.anchorsFile')}>{anchors('anchors')}</Descriptions.Item>
        <Descriptions.Item label={t('admin.backups')}>{anchors('backup')}</Descriptions.Item>
        <Descriptions.Item label={t('admin.paperChecked')}>{anchors('paper')}</Descriptions.Item>
        {report.tables && <Descriptions.Item label={t('admin.tables')}>{t('admin.tablesValue', report.tables)}</Descriptions.Item>}
        {report.content && <Descriptions.Item label={t('admin.content')}>{t('admin.contentValue', report.content)}</Descriptions.Item>}
        <Descriptions.Item label={t('admin.triggers')}>{report.triggers}</Descriptions.Item>
      </Descriptions>
      {report.notices.map((n, i) => (
        <Typography.Paragraph key={i} type="secondary" style={{ margin: 0 }}>
          · {n.message ?? n.code}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

function Acknowledge({ status, note, setNote, onAcknowledge }: { status: TrailStatus; note: string; setNote: (v: string) => void; onAcknowledge: () => void }) {
  const { t } = useTranslation('audit');
  return (
    <Alert
      type="error"
      data-testid="audit-acknowledge"
      message={t('admin.acknowledgeTitle', { count: status.problemCount })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {status.problems.map((p, i) => (
            <div key={i}>{p.message ?? p.code}</div>
          ))}
          <Typography.Text type="secondary">{t('admin.acknowledgeHint')}</Typography.Text>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} placeholder={t('admin.acknowledgeNote')} data-testid="audit-ack-note" />
          <Button danger disabled={note.trim() === ''} onClick={onAcknowledge} data-testid="audit-ack">
            {t('admin.acknowledge')}
          </Button>
        </Space>
      }
    />
  );
}
