// Admin → This PC: device preferences, backup and restore, updates, folders and the last errors.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { InstallationStatus } from '../../../../shared/contract/installation';
import { DevicePreferencesForm } from './DevicePreferencesForm';
import { BackupActions } from './BackupActions';
import { ReleaseSettingsForm } from './ReleaseSettingsForm';
import { FoldersAndErrors } from './FoldersAndErrors';
import { waitForRestart } from './restart';

export function InstallationAdmin() {
  const { t } = useTranslation('installation');
  const [status, setStatus] = useState<InstallationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);

  const load = useCallback(async () => {
    try {
      setStatus(await api.installation.status({}));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const onRestarting = useCallback(() => {
    setRestarting(true);
    void waitForRestart(status?.mode ?? 'web');
  }, [status?.mode]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="installation-admin">
      {error && <Alert type="error" showIcon message={error} />}
      {!status && !error && <Spin />}
      {status && (
        <>
          <Typography.Text type="secondary" data-testid="installation-summary">
            {t('summary', { mode: t(`mode.${status.mode}`), version: status.version })}
          </Typography.Text>
          <DevicePreferencesForm status={status} onChanged={() => void load()} onRestarting={onRestarting} />
          <BackupActions status={status} onRestarting={onRestarting} />
          <ReleaseSettingsForm status={status} onChanged={() => void load()} />
          <FoldersAndErrors status={status} />
        </>
      )}
      <Modal open={restarting} closable={false} footer={null} maskClosable={false}>
        <Space data-testid="installation-restarting">
          <Spin />
          {t('prefs.restarting')}
        </Space>
      </Modal>
    </Space>
  );
}
