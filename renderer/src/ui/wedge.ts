// A keyboard-wedge scanner types a code and Enter within a few milliseconds. Outside any input field — and inside
// a box marked `data-scan-target` (the sign-out box) — such a burst is handed to the screen that accepts it (pass
// numbers LDV-…, invitations LDI-…); typing by hand (slower) is ignored. The burst is read from the physical keys
// (wedge-keys.ts), so a Chinese input method that turns the letters into characters cannot spoil it. A scanner in
// virtual-serial mode arrives as `hardware.scanned` from main and is handed over the same way.
import { useEffect, useRef } from 'react';
import { staffClient } from '../api/client';
import { WedgeBurst } from './wedge-keys';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function useWedgeScan(accepts: (text: string) => boolean, onScan: (text: string) => void): void {
  const handler = useRef({ accepts, onScan });
  handler.current = { accepts, onScan };
  useEffect(() => {
    const burst = new WedgeBurst();
    const onKey = (e: KeyboardEvent) => {
      const inScanTarget = e.target instanceof HTMLElement && e.target.closest('[data-scan-target]') !== null;
      if (isEditable(e.target) && !inScanTarget) return;
      const text = burst.feed(e, e.timeStamp);
      if (text !== null && handler.current.accepts(text)) {
        // The box's own Enter must not also submit what an input method made of the scan.
        e.preventDefault();
        e.stopPropagation();
        handler.current.onScan(text);
      }
    };
    window.addEventListener('keydown', onKey, true);
    const offSerial = staffClient.on('hardware.scanned', ({ code }) => {
      if (handler.current.accepts(code)) handler.current.onScan(code);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      offSerial();
    };
  }, []);
}
