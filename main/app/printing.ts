// Host services of the desktop shell: silent printing and PDFs of the calling window, OS notifications.
import { Notification, webContents } from 'electron';
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
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show();
    },
  };
}
