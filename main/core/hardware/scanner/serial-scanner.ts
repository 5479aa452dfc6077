// A QR/barcode scanner set to USB-COM (virtual serial) mode: each scan arrives as one line on the port, in
// plain bytes, so no input method on the PC can turn it into Chinese characters.
import type { AdapterStatus, DeviceAdapter } from '../adapter';
import { DeviceError, OFF, status } from '../adapter';
import { lineSplitter, openSerial, type SerialLink } from '../serial';

export class SerialScanner implements DeviceAdapter {
  private link: SerialLink | null = null;
  private current: AdapterStatus = OFF;

  constructor(
    private readonly options: { path: string; baudRate: number },
    private readonly onScan: (code: string) => void,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    this.current = status('starting');
    try {
      this.link = await openSerial(this.options.path, this.options.baudRate);
    } catch (error) {
      this.current = error instanceof DeviceError ? status(error.state, error.messageKey, error.params) : status('error', 'hardware:status.portError', { path: this.options.path, reason: String(error) });
      return;
    }
    this.link.onData(
      lineSplitter((line) => {
        // Scanners may prefix/suffix control characters; a code is printable ASCII of sensible length.
        const code = line.replace(/[^\x20-\x7e]/g, '').trim();
        if (code.length === 0 || code.length > 200) return;
        this.current = { ...this.current, lastEventAt: this.now() };
        this.onScan(code);
      }),
    );
    this.current = status('ok', 'hardware:status.listening', { path: this.options.path });
  }

  async stop(): Promise<void> {
    const link = this.link;
    this.link = null;
    await link?.close();
    this.current = OFF;
  }

  status(): AdapterStatus {
    return this.current;
  }
}
