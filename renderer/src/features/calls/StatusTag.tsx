// A call's status as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../shared/contract/calls';

const COLORS: Record<Call['status'], string> = {
  ringing: 'orange',
  answered: 'processing',
  completed: 'green',
  missed: 'red',
  interrupted: 'default',
};

export function StatusTag({ call }: { call: Pick<Call, 'status'> }) {
  const { t } = useTranslation('calls');
  return <Tag color={COLORS[call.status]}>{t(`status.${call.status}`)}</Tag>;
}
