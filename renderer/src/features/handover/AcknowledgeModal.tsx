// The incoming guard takes over: chooses their own name and enters their own PIN (at the desk or at their own
// terminal, where their name is already chosen).
import { useEffect, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ACKNOWLEDGER_ROLES, type HandoverSummary } from '../../../../shared/contract/handover';
import type { Role } from '../../../../shared/contract/define';
import { useSession } from '../auth/session-store';
import { PinModal } from './PinModal';

export function AcknowledgeModal({ handover, onClose, onDone }: { handover: Pick<HandoverSummary, 'id' | 'number' | 'outgoing'> | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('handover');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  const [people, setPeople] = useState<Array<{ id: string; name: string; label: string }>>([]);
  const ownTerminal = user?.role === 'security';

  useEffect(() => {
    if (!handover || ownTerminal) return;
    void api.auth.signInChoices({}).then((r) =>
      setPeople(
        r.people
          .filter((p) => ACKNOWLEDGER_ROLES.includes(p.role as Role) && p.id !== handover.outgoing.id)
          .sort((a, b) => Number(b.role === 'security') - Number(a.role === 'security'))
          .map((p) => ({ id: p.id, name: p.name, label: tc(`roles.${p.role}`) })),
      ),
    );
  }, [handover, ownTerminal, tc]);

  return (
    <PinModal
      open={handover !== null}
      title={handover ? t('page.ackTitle', { number: handover.number }) : ''}
      hint={t('page.ackHint')}
      okText={t('page.acknowledge')}
      person={ownTerminal && user ? { id: user.id, name: user.name } : undefined}
      people={ownTerminal ? undefined : people}
      personLabel={t('page.ackPerson')}
      noteLabel={t('page.ackNote')}
      onClose={onClose}
      onSubmit={async ({ userId, pin, note }) => {
        if (!handover) return;
        await api.handover.acknowledge({ id: handover.id, userId, pin, note });
        void message.success(t('page.ackDone'));
        onDone();
      }}
    />
  );
}
