// The visitor screen's idle timer: any touch or key restarts it; when it runs out, the screen clears itself.
import { useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `timeoutMs` without input; returns the seconds left (updated each second). */
export function useIdle(timeoutMs: number, onIdle: () => void): number {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  const [left, setLeft] = useState(Math.ceil(timeoutMs / 1000));
  useEffect(() => {
    let last = Date.now();
    // Only note the time here: a state update from a capturing listener would re-render a controlled input
    // between the browser's change and React's own handler, and the keystroke would be lost.
    const touch = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const remaining = timeoutMs - (Date.now() - last);
      setLeft(Math.max(0, Math.ceil(remaining / 1000)));
      if (remaining <= 0) {
        window.clearInterval(timer);
        callback.current();
      }
    }, 1000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [timeoutMs]);
  return left;
}
