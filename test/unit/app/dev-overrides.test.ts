// Development overrides ignored when packaged: nothing in a lobby PC's environment points the kiosk at
// another page or opens its dev tools.
import { describe, expect, it } from 'vitest';
import { shellMode } from '../../../main/app/dev-overrides';

describe('development overrides', () => {
  it('X-5 a packaged app is a kiosk without dev tools and serves its own renderer, whatever the environment says', () => {
    expect(shellMode({ LOBBY_DESK_RENDERER_URL: 'http://localhost:5173/', LOBBY_DESK_DEVTOOLS: '1' }, true)).toEqual({
      kiosk: true,
      devTools: false,
      rendererUrl: null,
      ignored: ['LOBBY_DESK_RENDERER_URL', 'LOBBY_DESK_DEVTOOLS'],
    });
    expect(shellMode({}, true)).toEqual({ kiosk: true, devTools: false, rendererUrl: null, ignored: [] });
  });

  it('X-5 from a repository: a frame and dev tools, and a dev server only on this PC', () => {
    expect(shellMode({ LOBBY_DESK_RENDERER_URL: 'http://localhost:5173/' }, false)).toMatchObject({ kiosk: false, devTools: true, rendererUrl: 'http://localhost:5173/', ignored: [] });
    expect(shellMode({ LOBBY_DESK_RENDERER_URL: 'https://attacker.example/' }, false)).toMatchObject({ rendererUrl: null, ignored: ['LOBBY_DESK_RENDERER_URL (not a local address)'] });
    expect(shellMode({ LOBBY_DESK_RENDERER_URL: 'file:///etc/passwd' }, false)).toMatchObject({ rendererUrl: null });
  });
});
