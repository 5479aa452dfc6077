// Locks the screen after the configured minutes without keyboard, mouse or touch input — never while `hold` says
// work is under way (a call in conversation: the receptionist listens, types nothing, for minutes; X-2).
import { useEffect, useRef } from 'react';
import { useSession } from './session-store';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(hold?: () => boolean): void {
  const holding = useRef(hold);
  holding.current = hold;
  const status = useSession((s) => s.status);
  const minutes = useSession((s) => s.idleLockMinutes);
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (status !== 'signedIn') return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (holding.current?.()) return touch();
      if (Date.now() - last >= minutes * 60_000) void lock('idle');
    }, 1000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
      window.clearInterval(timer);
    };
  }, [status, minutes, lock]);
}
