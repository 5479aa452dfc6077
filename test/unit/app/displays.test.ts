// Which display shows the lobby and which the visitor screen.
import { describe, expect, it } from 'vitest';
import { chooseDisplays, type DisplayInfo } from '../../../main/app/displays';

const d = (id: number, width: number, height: number, x = 0): DisplayInfo => ({ id, bounds: { x, y: 0, width, height } });

describe('displays', () => {
  it('X-5 one display: the lobby on it, no visitor window (the visitor screen is then a tablet on the LAN)', () => {
    expect(chooseDisplays([d(1, 1920, 1080)], 1, null)).toEqual({ lobby: d(1, 1920, 1080), visitor: null });
  });

  it('X-5 two displays: the lobby on the primary, the visitor screen on the other', () => {
    const displays = [d(7, 1280, 1024, 1920), d(1, 1920, 1080)];
    expect(chooseDisplays(displays, 1, null)).toEqual({ lobby: displays[1], visitor: displays[0] });
  });

  it('X-5 several displays: the preferred one when connected, else the largest other one', () => {
    const displays = [d(1, 1920, 1080), d(2, 800, 600, 1920), d(3, 2560, 1440, 2720)];
    expect(chooseDisplays(displays, 1, 2).visitor?.id).toBe(2);
    expect(chooseDisplays(displays, 1, null).visitor?.id).toBe(3);
    expect(chooseDisplays(displays, 1, 99).visitor?.id).toBe(3); // preferred display unplugged
    expect(chooseDisplays(displays, 1, 1).visitor?.id).toBe(3); // preference names the lobby's own display
  });

  it('X-5 an unknown primary id falls back to the first display; no display at all is an error', () => {
    const displays = [d(4, 1920, 1080), d(5, 1280, 1024)];
    expect(chooseDisplays(displays, 42, null)).toEqual({ lobby: displays[0], visitor: displays[1] });
    expect(() => chooseDisplays([], 1, null)).toThrow();
  });
});
