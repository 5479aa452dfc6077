// Mounted around the staff screens of those who may take messages from calls: hosts the callback form a call
// opens, so it outlives the lobby's call card (which leaves once the call is saved) and works from the call log.
import { useEffect, useMemo } from 'react';
import type { CallbackDraft } from '../../../../shared/contract/callbacks';
import { CallbackForm } from '../callbacks';
import { useCallbacks } from '../callbacks';
import { useCallLinks } from './link-store';
import { matterOf } from './to-record';

export function CallsShell() {
  const pending = useCallLinks((s) => s.callbackFor);
  const close = useCallLinks((s) => s.close);

  useEffect(() => {
    // The due-time setting, for a screen without the lobby's callbacks list.
    if (pending && !useCallbacks.getState().settings) void useCallbacks.getState().load().catch(() => undefined);
  }, [pending]);

  const initial = useMemo<Partial<CallbackDraft> | undefined>(
    () =>
      pending
        ? {
            tenantId: pending.call.tenantId ?? undefined,
            callerName: pending.call.callerName || undefined,
            callerPhone: pending.call.callerNumber || undefined,
            message: matterOf(pending.call) || undefined,
            source: 'phone',
          }
        : undefined,
    [pending],
  );

  if (!pending) return null;
  return <CallbackForm key={pending.call.id} initial={initial} fromCall={pending.call} onLinked={pending.onLinked} onClose={close} />;
}
