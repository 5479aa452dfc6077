// A print-only view: hidden on screen; while printing, it is the only thing on the page. The content is put in,
// printed through the shell (silent) or the browser's print, then removed again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { printCurrentView } from './print';

const STYLE_ID = 'lobby-print-style';
const STYLE = `.lobby-print-area { display: none; }
@media print {
  body > *:not(.lobby-print-area) { display: none !important; }
  .lobby-print-area { display: block !important; color: #000; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  @page { margin: 8mm; }
}`;

function ensureStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = STYLE;
  document.head.appendChild(style);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

export function usePrintView(): { view: ReactNode; print(content: ReactNode): Promise<void> } {
  const [content, setContent] = useState<ReactNode>(null);
  const waiting = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!content || !waiting.current) return;
    const done = waiting.current;
    waiting.current = null;
    void nextFrame()
      .then(() => printCurrentView())
      .finally(() => {
        setContent(null);
        done();
      });
  }, [content]);

  return {
    view: content
      ? createPortal(
          <div className="lobby-print-area" data-testid="print-area">
            {content}
          </div>,
          document.body,
        )
      : null,
    print(next) {
      ensureStyle();
      return new Promise<void>((resolve) => {
        waiting.current = resolve;
        setContent(next);
      });
    },
  };
}
