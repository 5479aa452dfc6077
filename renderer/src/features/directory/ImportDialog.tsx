// Importing the directory: choose a CSV/XLSX file, see every row's fate (with each bad row's line and reason),
// then import the good rows.
import { useState } from 'react';
import { Alert, Button, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { ImportPreviewRow } from '../../../../shared/contract/directory';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportDialog({ open, onClose }: { open: boolean; onClose(imported: boolean): void }) {
  const { t } = useTranslation('directory');
  const { t: tc } = useTranslation('common');
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<{ rows: ImportPreviewRow[]; good: number; bad: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const choose = async (chosen: File) => {
    reset();
    setBusy(true);
    try {
      const payload = { fileName: chosen.name, contentBase64: await toBase64(chosen) };
      setFile(payload);
      setPreview(await api.directory.importPreview(payload));
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    try {
      const done = await api.directory.importApply(file);
      setResult(t('importDialog.done', { tenants: done.tenantsCreated, contacts: done.contactsAdded, bad: new Set(done.issues.map((i) => i.line)).size }));
      setPreview(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = () => {
    const url = URL.createObjectURL(new Blob(['\ufeff' + t('importDialog.templateFile')], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'tenants-template.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Modal
      open={open}
      width={960}
      title={t('importDialog.title')}
      onCancel={() => {
        const imported = result !== null;
        reset();
        onClose(imported);
      }}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('importDialog.intro')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => (void choose(f), false)}>
          <Button icon={<UploadOutlined />} loading={busy} data-testid="import-choose">
            {t('importDialog.choose')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {t('importDialog.template')}
        </Button>
        {preview && preview.good > 0 && (
          <Button type="primary" onClick={() => void apply()} loading={busy} data-testid="import-apply">
            {t('importDialog.apply', { good: preview.good })}
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {result && <Alert type="success" showIcon message={result} style={{ marginBottom: 12 }} data-testid="import-result" />}
      {preview && (
        <>
          <Typography.Text strong>{t('importDialog.preview', { good: preview.good, bad: preview.bad })}</Typography.Text>
          <Table<ImportPreviewRow>
            rowKey="line"
            size="small"
            style={{ marginTop: 8 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={preview.rows}
            data-testid="import-preview"
            columns={[
              { title: t('importDialog.line'), dataIndex: 'line', width: 64 },
              {
                title: t('importDialog.action'),
                dataIndex: 'action',
                width: 140,
                render: (a: ImportPreviewRow['action']) => <Tag color={a === 'error' ? 'red' : a === 'new' ? 'green' : 'blue'}>{t(`importDialog.actions.${a}`)}</Tag>,
              },
              { title: t('field.name'), dataIndex: 'name' },
              { title: t('field.floor'), dataIndex: 'floor', width: 64 },
              { title: t('field.room'), dataIndex: 'room', width: 80 },
              { title: t('field.contactName'), dataIndex: 'contactName' },
              { title: t('field.contactPhone'), dataIndex: 'contactPhone' },
              {
                title: t('importDialog.problems'),
                render: (_: unknown, row) => row.issues.map((i) => <div key={i.field + i.message} style={{ color: '#cf1322' }}>{i.message}</div>),
              },
            ]}
          />
        </>
      )}
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button onClick={() => onClose(result !== null)}>{tc('actions.close')}</Button>
      </Flex>
    </Modal>
  );
}
