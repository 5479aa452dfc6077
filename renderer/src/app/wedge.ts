// A keyboard-wedge scanner types a code and Enter within a few milliseconds. Outside any input field such a burst is
// handed to the screen that accepts it (pass numbers LDV-…, invitations LDI-…); typing by hand (slower) is ignored.
import { useEffect, useRef } from 'react';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function useWedgeScan(accepts: (text: string) => boolean, onScan: (text: string) => void): void {
  const handler = useRef({ accepts, onScan });
  handler.current = { accepts, onScan };
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target)) return;
      const now = performance.now();
      if (now - last > 100) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        if (handler.current.accepts(buffer)) handler.current.onScan(buffer);
        buffer = '';
      } else if (e.key.length === 1) buffer += e.key;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
