// The buttons that turn a call into a reception-record item or a callback (see links.ts).
import type { ReactNode } from 'react';
import { Button, Space, Tag, Tooltip } from 'antd';
import { FileAddOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../../shared/contract/calls';
import { callLinks, linkedId, type CallLinkKind } from './links';

const ICONS: Record<CallLinkKind, ReactNode> = { toRecord: <FileAddOutlined />, toCallback: <PhoneOutlined /> };

export function LinkActions(props: { call: Call; onLink(kind: CallLinkKind): void; busy?: boolean }) {
  const { t } = useTranslation('calls');
  return (
    <Space wrap>
      {(['toRecord', 'toCallback'] as const).map((kind) => {
        const linked = linkedId(props.call, kind);
        if (linked) {
          return (
            <Tag key={kind} color="blue" data-testid={`call-linked-${kind}`}>
              {t(kind === 'toRecord' ? 'links.record' : 'links.callback')} ✓
            </Tag>
          );
        }
        const wired = callLinks[kind] !== undefined;
        const button = (
          <Button key={kind} icon={ICONS[kind]} disabled={!wired || props.busy} onClick={() => props.onLink(kind)} data-testid={`call-${kind}`}>
            {t(`links.${kind}`)}
          </Button>
        );
        return wired ? (
          button
        ) : (
          <Tooltip key={kind} title={t(`links.${kind}Pending`)}>
            {/* A disabled button gets no pointer events; the wrapper shows the tooltip. */}
            <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
          </Tooltip>
        );
      })}
    </Space>
  );
}
