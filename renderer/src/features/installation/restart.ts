// After "restart" or "restore": the desktop app relaunches by itself; a browser waits for web mode's server to come
// back (it restarts in the same process, on the same port) and reloads the page.
export async function waitForRestart(mode: 'desktop' | 'web'): Promise<void> {
  if (mode === 'desktop') return;
  const started = Date.now();
  await new Promise((r) => setTimeout(r, 1500));
  while (Date.now() - started < 120_000) {
    try {
      const response = await fetch('/api/health', { cache: 'no-store' });
      if (response.ok) break;
    } catch {
      /* still restarting */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  location.reload();
}
