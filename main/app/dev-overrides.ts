// Development overrides of the shell: a Vite dev server for the renderer, dev tools, a window frame. They
// exist for developers running `npm start` from the repository and are ignored in a packaged build, so nothing
// in a lobby PC's environment can point the kiosk at another page or open its dev tools (pure).

export interface ShellMode {
  /** Kiosk windows (full screen, no frame, escape shortcuts blocked, closing refused). */
  kiosk: boolean;
  devTools: boolean;
  /** The renderer's URL when a dev server serves it; null: our own lobby-desk://app protocol. */
  rendererUrl: string | null;
  /** Which overrides were asked for but refused because the app is packaged (logged once at start). */
  ignored: string[];
}

export function shellMode(env: NodeJS.ProcessEnv, packaged: boolean): ShellMode {
  const asked = {
    rendererUrl: env.LOBBY_DESK_RENDERER_URL || null,
    devTools: env.LOBBY_DESK_DEVTOOLS === '1',
  };
  if (packaged) {
    const ignored = [...(asked.rendererUrl ? ['LOBBY_DESK_RENDERER_URL'] : []), ...(asked.devTools ? ['LOBBY_DESK_DEVTOOLS'] : [])];
    return { kiosk: true, devTools: false, rendererUrl: null, ignored };
  }
  let rendererUrl: string | null = null;
  if (asked.rendererUrl) {
    try {
      const url = new URL(asked.rendererUrl);
      // Only a dev server on this PC: never a remote page with the preload's bridge.
      if ((url.protocol === 'http:' || url.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) rendererUrl = url.href;
    } catch {
      rendererUrl = null;
    }
  }
  const ignored = asked.rendererUrl && !rendererUrl ? ['LOBBY_DESK_RENDERER_URL (not a local address)'] : [];
  return { kiosk: false, devTools: true, rendererUrl, ignored };
}
