// Locks the screen after the configured minutes without keyboard, mouse or touch input.
import { useEffect } from 'react';
import { useSession } from './session-store';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
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
      if (Date.now() - last >= minutes * 60_000) void lock('idle');
    }, 1000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch);
      window.clearInterval(timer);
    };
  }, [status, minutes, lock]);
}
