// The lobby's key map (F1): every key of the desk, read from the same table the handlers use (DESK_KEYS and the
// phone desk's ring hotkey), for the roles whose lobby has that function.
import { useEffect, useState } from 'react';
import { Button, Modal, Table } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contract/define';
import { DESK } from '../../../shared/contract/define';
import { PHONE_DESK } from '../../../shared/contract/calls';
import { RECORD_DESK } from '../../../shared/contract/records';
import { VISITOR_DESK } from '../../../shared/contract/visitors';
import { DESK_KEYS, isPlainKey, type DeskKeyAction } from '../../../shared/rules/accelerator';
import { usePhone } from '../features/calls/calls-store';

export type KeyMapAction = DeskKeyAction | 'ring';

/** Which roles' lobby answers to each key; the order is the order of the map. */
const KEY_ROWS: { action: KeyMapAction; roles: readonly Role[] }[] = [
  { action: 'ring', roles: PHONE_DESK },
  { action: 'anotherLine', roles: PHONE_DESK },
  { action: 'giveUp', roles: PHONE_DESK },
  { action: 'guard', roles: PHONE_DESK },
  { action: 'visitor', roles: VISITOR_DESK },
  { action: 'signOutBox', roles: VISITOR_DESK },
  { action: 'record', roles: RECORD_DESK },
  { action: 'message', roles: DESK },
  { action: 'keyMap', roles: [...new Set([...PHONE_DESK, ...VISITOR_DESK, ...RECORD_DESK, ...DESK])] },
];

export function keyRows(role: Role, ringHotkey: string): { action: KeyMapAction; key: string }[] {
  return KEY_ROWS.filter((row) => row.roles.includes(role)).map((row) => ({
    action: row.action,
    key: row.action === 'ring' ? ringHotkey : DESK_KEYS[row.action],
  }));
}

export function KeyMap({ role }: { role: Role }) {
  const { t } = useTranslation('common');
  const hotkey = usePhone((s) => s.settings.hotkey);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || !isPlainKey(event, DESK_KEYS.keyMap)) return;
      event.preventDefault();
      setOpen((was) => !was);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = keyRows(role, hotkey);
  return (
    <>
      <Button icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)} data-testid="key-map-button">
        {t('keyMap.button')} <kbd style={{ marginInlineStart: 6 }}>{DESK_KEYS.keyMap}</kbd>
      </Button>
      <Modal open={open} title={t('keyMap.title')} footer={null} onCancel={() => setOpen(false)} width={560} destroyOnHidden>
        <div data-testid="key-map">
          <Table
            rowKey="action"
            size="small"
            pagination={false}
            dataSource={rows}
            onRow={(row) => ({ 'data-testid': `key-map-${row.action}`, 'data-key': row.key }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('keyMap.key'), dataIndex: 'key', width: 140, render: (key: string) => <kbd style={{ fontSize: 15 }}>{key}</kbd> },
              { title: t('keyMap.does'), dataIndex: 'action', render: (action: KeyMapAction) => t(`keyMap.action.${action}`) },
            ]}
          />
        </div>
      </Modal>
    </>
  );
}
