// The incoming guard takes over: signed in as himself (at his own terminal, or at the desk after switching
// person), he confirms with his own PIN. Nobody acknowledges for someone else.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ACKNOWLEDGER_ROLES, type HandoverSummary } from '../../../../shared/contract/handover';
import { useSession } from '../auth';
import { PinModal } from '../../ui/PinModal';

/** Whether the signed-in person may take over this handover (not their own, a role that takes over shifts). */
export function useMayAcknowledge(): (handover: Pick<HandoverSummary, 'outgoing'>) => boolean {
  const user = useSession((s) => s.user);
  return (handover) => user !== null && user.id !== handover.outgoing.id && ACKNOWLEDGER_ROLES.includes(user.role);
}

export function AcknowledgeModal({ handover, onClose, onDone }: { handover: Pick<HandoverSummary, 'id' | 'number' | 'outgoing'> | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  return (
    <PinModal
      open={handover !== null && user !== null}
      title={handover ? t('page.ackTitle', { number: handover.number }) : ''}
      hint={t('page.ackHint')}
      okText={t('page.acknowledge')}
      person={user ? { id: user.id, name: user.name } : undefined}
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
