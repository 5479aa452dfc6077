// An adapter's state as a tag and its localized message (Admin → Devices).
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdapterStatus, TestResult } from '../../../../shared/contract/hardware';

const COLORS = { off: 'default', starting: 'processing', ok: 'success', notFound: 'warning', error: 'error' } as const;

export function DeviceStatus({ status, testId }: { status: AdapterStatus | undefined; testId: string }) {
  const { t } = useTranslation('hardware');
  if (!status) return null;
  return (
    <Space size={4} wrap data-testid={testId} data-state={status.state}>
      <Tag color={COLORS[status.state]}>{t(`state.${status.state}`)}</Tag>
      {status.messageKey && <Typography.Text type="secondary">{t(status.messageKey, status.params)}</Typography.Text>}
    </Space>
  );
}

/** A test's outcome (test ring, read a card, print a test slip, test a scan). */
export function TestOutcome({ result, testId }: { result: TestResult | null; testId: string }) {
  const { t } = useTranslation('hardware');
  if (!result) return null;
  return (
    <Typography.Text type={result.ok ? 'success' : 'danger'} data-testid={testId}>
      {t(result.messageKey, result.params)}
    </Typography.Text>
  );
}
