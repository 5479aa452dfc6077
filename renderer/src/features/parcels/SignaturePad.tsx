// A signature on the touch screen: a canvas drawn with pointer events, given back as a PNG (base64, no prefix).
import { useEffect, useRef } from 'react';

export function SignaturePad({ onChange, testId = 'signature-pad' }: { onChange(png: string | null): void; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current!;
    const g = c.getContext('2d')!;
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.strokeStyle = '#111';
    let drawing = false;
    let strokes = 0;
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return [((e.clientX - r.left) * c.width) / r.width, ((e.clientY - r.top) * c.height) / r.height] as const;
    };
    const down = (e: PointerEvent) => {
      drawing = true;
      c.setPointerCapture(e.pointerId);
      const [x, y] = at(e);
      g.beginPath();
      g.moveTo(x, y);
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      const [x, y] = at(e);
      g.lineTo(x, y);
      g.stroke();
    };
    const up = () => {
      if (!drawing) return;
      drawing = false;
      strokes += 1;
      onChange(strokes > 0 ? c.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') : null);
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', up);
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', up);
    };
  }, [onChange]);
  return <canvas ref={canvas} width={480} height={160} style={{ width: '100%', height: 160, border: '1px dashed #999', borderRadius: 6, touchAction: 'none', background: '#fff' }} data-testid={testId} />;
}
