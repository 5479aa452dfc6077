// Pure parts of silent slip printing (H-2): the hidden window that renders the slip, and the page size Electron
// is given for 58/80 mm roll paper (microns; the height is generous, the driver cuts where the slip ends).
import type { BrowserWindowConstructorOptions } from 'electron';

export function slipWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 400,
    height: 800,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  };
}

export function slipPageSize(widthMm: number): { width: number; height: number } {
  return { width: Math.round(widthMm * 1000), height: 200_000 };
}
