// Which display shows the lobby and which the visitor screen (pure: the shell passes Electron's screen data).

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  internal?: boolean;
}

export interface DisplayChoice {
  lobby: DisplayInfo;
  /** null when there is only one display: then the visitor screen lives on a tablet on the LAN. */
  visitor: DisplayInfo | null;
}

/**
 * The lobby goes on the primary display. The visitor screen goes on the display the preferences name if it is
 * connected, else on the first other display (largest first, as a customer-facing screen usually is).
 */
export function chooseDisplays(displays: readonly DisplayInfo[], primaryId: number, preferredVisitorId: number | null): DisplayChoice {
  if (displays.length === 0) throw new Error('no displays');
  const lobby = displays.find((d) => d.id === primaryId) ?? displays[0]!;
  const others = displays.filter((d) => d.id !== lobby.id);
  if (others.length === 0) return { lobby, visitor: null };
  const preferred = preferredVisitorId === null ? undefined : others.find((d) => d.id === preferredVisitorId);
  const largest = [...others].sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height)[0]!;
  return { lobby, visitor: preferred ?? largest };
}
