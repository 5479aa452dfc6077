// Printing the current view: silently through the desktop app when it can, else the browser's print dialog.
import { api } from '../api/client';

export async function printCurrentView(printer: string | null = null): Promise<void> {
  try {
    const { printed } = await api.printing.print({ printer });
    if (printed) return;
  } catch {
    /* fall back to the browser */
  }
  window.print();
}
