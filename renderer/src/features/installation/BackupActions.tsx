// Backup now, export a backup to a folder (a USB stick), restore a backup — the desk restarts on it. Each goes
// through the core (the backup feature's own functions), checked and audited there.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api, ApiError } from '../../api/client';
import type { BackupFile } from '../../../../shared/contract/backup';
import type { InstallationStatus } from '../../../../shared/contract/installation';

export function BackupActions({ status, onRestarting }: { status: InstallationStatus; onRestarting: () => void }) {
  const { t } = useTranslation('installation');
  const { t: tb } = useTranslation('backup');
  const { message } = App.useApp();
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    const list = await api.backup.list({});
    setBackups(list.backups);
    setChosen((current) => (current && list.backups.some((b) => b.file === current) ? current : (list.backups[0]?.file ?? null)));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      // Not a form: a field's own message (the folder) is what to show.
      setError(e instanceof ApiError ? (e.issues.length > 0 ? e.issues.map((i) => i.message).join(' ') : e.message) : String(e));
    } finally {
      setBusy(null);
    }
  };

  const backupNow = () =>
    run('now', async () => {
      const made = await api.installation.backupNow({});
      void message.success(t('backup.made', { file: made.file, entries: made.auditEntries }));
      await load();
      setChosen(made.file);
    });
  const exportTo = () =>
    run('export', async () => {
      const written = await api.installation.exportBackup({ file: chosen ?? '', folder });
      void message.success(written.keyFile ? t('backup.exportedWithKey', { file: written.written, key: written.keyFile }) : t('backup.exported', { file: written.written }));
    });
  const browse = () =>
    run('browse', async () => {
      const picked = await api.installation.chooseFolder({});
      if (picked.folder) setFolder(picked.folder);
    });
  const restore = () =>
    run('restore', async () => {
      await api.installation.restore({ file: chosen ?? '' });
      setConfirming(false);
      onRestarting();
    });

  return (
    <Card title={t('backup.title')} size="small" data-testid="installation-backup">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" loading={busy === 'now'} onClick={() => void backupNow()} data-testid="backup-now">
          {t('backup.now')}
        </Button>
        <Space wrap>
          <Typography.Text>{t('backup.choose')}</Typography.Text>
          <Select
            style={{ width: 480 }}
            value={chosen}
            onChange={setChosen}
            data-testid="backup-choose"
            options={backups.map((b) => ({ value: b.file, label: `${dayjs(b.at).format('YYYY-MM-DD HH:mm')} · ${tb(`kinds.${b.kind}`)} · ${b.file}` }))}
          />
        </Space>
        <Space wrap>
          <Input
            style={{ width: 360 }}
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={t('backup.folderPlaceholder')}
            addonBefore={t('backup.folder')}
            data-testid="backup-folder"
          />
          {status.capabilities.chooseFolder && (
            <Button loading={busy === 'browse'} onClick={() => void browse()}>
              {t('backup.browse')}
            </Button>
          )}
          <Button disabled={!chosen || folder.trim() === ''} loading={busy === 'export'} onClick={() => void exportTo()} data-testid="backup-export">
            {t('backup.export')}
          </Button>
        </Space>
        <Button danger disabled={!chosen} onClick={() => setConfirming(true)} data-testid="backup-restore">
          {t('backup.restore')}
        </Button>
        {error && <Alert type="error" showIcon message={error} data-testid="backup-error" />}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('backup.keyNote')}
        </Typography.Paragraph>
      </Space>
      <Modal
        open={confirming}
        title={t('backup.restoreTitle')}
        okText={t('backup.restoreOk')}
        okButtonProps={{ danger: true, loading: busy === 'restore', ...({ 'data-testid': 'backup-restore-ok' } as Record<string, string>) }}
        onOk={() => void restore()}
        onCancel={() => setConfirming(false)}
      >
        {t('backup.restoreBody', { file: chosen ?? '' })}
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      </Modal>
    </Card>
  );
}
