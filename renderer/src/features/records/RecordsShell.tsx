// Always mounted around the staff screens (for the roles that use the record): keeps the settings, refreshes on
// pushed changes, shows "this is yours now" notices on the owner's screen with a sound, hosts the detail drawer
// and the quick-entry form, and F6 opens a new entry from anywhere.
import { useEffect } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffClient } from '../../api/client';
import { alarm, chime } from '../../ui/sound';
import { useSession } from '../auth';
import { RECORD_DESK } from '../../../../shared/contract/records';
import { NewRecordModal } from './NewRecordModal';
import { RecordDrawer } from './RecordDrawer';
import { at } from './format';
import { useRecords } from './store';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';

/** A push about an item this screen itself just forwarded or reopened is not news to it. */
const OWN_CHANGE_MS = 10_000;

export function RecordsShell() {
  const { t } = useTranslation('records');
  const { notification } = App.useApp();
  const user = useSession((s) => s.user);
  const loadBasics = useRecords((s) => s.loadBasics);
  const changed = useRecords((s) => s.changed);
  const openItem = useRecords((s) => s.openItem);
  const openNew = useRecords((s) => s.openNew);
  const isDesk = user !== null && RECORD_DESK.includes(user.role);

  useEffect(() => {
    void loadBasics(isDesk);
  }, [loadBasics, isDesk, user?.id]);

  useEffect(() => {
    const offChanged = staffClient.on('records.changed', (p) => changed(p.itemId));
    const offAssigned = staffClient.on('records.assigned', (p) => {
      const own = useRecords.getState().ownChange;
      if (own && own.itemId === p.itemId && Date.now() - own.at < OWN_CHANGE_MS && (p.reason === 'forwarded' || p.reason === 'reopened')) return;
      if (p.reason === 'escalated' || p.reason === 'breach') alarm();
      else chime();
      const key = `records-assigned-${p.itemId}-${p.reason}`;
      notification.warning({
        key,
        message: t(`notice.assigned.${p.reason}`, { number: p.number, department: p.department ?? '' }),
        description: p.dueAt !== null ? t('notice.due', { time: at(p.dueAt, useRecords.getState().timeZone) }) : undefined,
        duration: 0,
        btn: (
          <Button
            type="primary"
            size="small"
            data-testid="records-notice-view"
            onClick={() => {
              notification.destroy(key);
              void openItem(p.itemId);
            }}
          >
            {t('notice.view')}
          </Button>
        ),
      });
    });
    return () => {
      offChanged();
      offAssigned();
    };
  }, [changed, notification, openItem, t]);

  useEffect(() => {
    if (!isDesk) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === DESK_KEYS.record) {
        e.preventDefault();
        openNew();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isDesk, openNew]);

  return (
    <>
      <RecordDrawer />
      {isDesk && <NewRecordModal />}
    </>
  );
}
