// The buttons that turn a call into a reception-record item or a callback (see links.ts), for the roles that may;
// once linked, what it is linked to (the record's number opens it for those who read the record).
import type { ReactNode } from 'react';
import { Button, Space, Tag } from 'antd';
import { FileAddOutlined, FileTextOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../shared/contract/calls';
import { RECORD_READERS } from '../../../../shared/contract/records';
import { useSession } from '../auth';
import { useRecords } from '../records';
import { callLinks, linkedId, type CallLinkKind } from './links';

const ICONS: Record<CallLinkKind, ReactNode> = { toRecord: <FileAddOutlined />, toCallback: <PhoneOutlined /> };

export function LinkActions(props: { call: Call; onLink(kind: CallLinkKind): void; busy?: boolean }) {
  const { t } = useTranslation('calls');
  const role = useSession((s) => s.user?.role);
  const openItem = useRecords((s) => s.openItem);
  return (
    <Space wrap>
      {(['toRecord', 'toCallback'] as const).map((kind) => {
        const linked = linkedId(props.call, kind);
        if (linked && kind === 'toRecord') {
          const readable = role !== undefined && RECORD_READERS.includes(role);
          return (
            <Tag
              key={kind}
              color="blue"
              icon={<FileTextOutlined />}
              style={readable ? { cursor: 'pointer' } : undefined}
              onClick={readable ? () => void openItem(linked) : undefined}
              data-testid="call-linked-toRecord"
            >
              {t('links.record', { number: props.call.recordNumber ?? '' })}
            </Tag>
          );
        }
        if (linked) {
          return (
            <Tag key={kind} color="blue" icon={<MessageOutlined />} data-testid="call-linked-toCallback">
              {t('links.callback')}
            </Tag>
          );
        }
        if (!role || !callLinks[kind].roles.includes(role)) return null;
        return (
          <Button key={kind} icon={ICONS[kind]} disabled={props.busy} onClick={() => props.onLink(kind)} data-testid={`call-${kind}`}>
            {t(`links.${kind}`)}
          </Button>
        );
      })}
    </Space>
  );
}
