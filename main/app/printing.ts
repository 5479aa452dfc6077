// Host services of the desktop shell: silent printing and PDFs of the calling window, OS notifications.
import { BrowserWindow, Notification, webContents } from 'electron';
import { slipWindowOptions, slipPageSize } from './slip-print';
import type { HostServices } from '../core/context';

export function electronHostServices(): HostServices {
  return {
    async printWindow(windowId, options) {
      const contents = webContents.fromId(windowId);
      if (!contents || contents.isDestroyed()) return false;
      return new Promise<boolean>((resolve) => {
        contents.print({ silent: true, printBackground: true, ...(options.printer ? { deviceName: options.printer } : {}) }, (success) => resolve(success));
      });
    },
    async pdfOfWindow(windowId) {
      const contents = webContents.fromId(windowId);
      if (!contents || contents.isDestroyed()) throw new Error('window is gone');
      return contents.printToPDF({ printBackground: true, pageSize: 'A4' });
    },
    async printers(windowId) {
      const contents = webContents.fromId(windowId);
      if (!contents || contents.isDestroyed()) return [];
      return (await contents.getPrintersAsync()).map((p) => ({ name: p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
    },
    async printHtml(html, options) {
      // A hidden, sandboxed window that shows only the slip, printed silently through the OS driver (H-2).
      const win = new BrowserWindow(slipWindowOptions());
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await new Promise<boolean>((resolve) => {
          win.webContents.print(
            { silent: true, printBackground: true, margins: { marginType: 'none' }, pageSize: slipPageSize(options.widthMm), ...(options.printer ? { deviceName: options.printer } : {}) },
            (success) => resolve(success),
          );
        });
      } finally {
        win.destroy();
      }
    },
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
  };
}
