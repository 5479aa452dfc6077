// A QR/barcode scanner set to USB-COM (virtual serial) mode: each scan arrives as one line on the port, in
// plain bytes, so no input method on the PC can turn it into Chinese characters.
import { SerialLineAdapter } from '../serial-lines';

export class SerialScanner extends SerialLineAdapter {
  constructor(
    options: { path: string; baudRate: number },
    private readonly onScan: (code: string) => void,
    now: () => number,
  ) {
    super(options, now);
  }

  protected line(text: string): void {
    // Scanners may prefix/suffix control characters; a code is printable ASCII of sensible length.
    const code = text.replace(/[^\x20-\x7e]/g, '').trim();
    if (code.length === 0 || code.length > 200) return;
    this.heard();
    this.onScan(code);
  }
}
