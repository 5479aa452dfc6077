// A device that speaks in lines on a serial port — a scanner in USB-COM mode, a caller-ID box: the port is opened
// when the adapter starts, each line goes to `line`, a port that goes away is shown as such, and stopping closes it.
// What a line means is the device's own (`line`, and `opened`/`closing` for what lives as long as the port).
import type { AdapterStatus, DeviceAdapter } from './adapter';
import { DeviceError, OFF, status } from './adapter';
import { lineSplitter, openSerial, type SerialLink } from './serial';

export abstract class SerialLineAdapter implements DeviceAdapter {
  private link: SerialLink | null = null;
  private current: AdapterStatus = OFF;

  protected constructor(
    protected readonly port: { path: string; baudRate: number },
    protected readonly now: () => number,
  ) {}

  /** One line as it came (without its line ending). */
  protected abstract line(text: string): void;
  /** The port is open; lines follow. */
  protected opened(): void {}
  /** The adapter is stopping; the port closes next. */
  protected closing(): void {}

  /** Marks that the device just said something (shown on the admin screen). */
  protected heard(): void {
    this.current = { ...this.current, lastEventAt: this.now() };
  }

  async start(): Promise<void> {
    const path = this.port.path;
    this.current = status('starting');
    try {
      this.link = await openSerial(path, this.port.baudRate);
    } catch (error) {
      this.current = error instanceof DeviceError ? status(error.state, error.messageKey, error.params) : status('error', 'hardware:status.portError', { path, reason: String(error) });
      return;
    }
    this.opened();
    this.link.onData(lineSplitter((text) => this.line(text)));
    this.link.onClose(() => {
      if (this.link) this.current = status('notFound', 'hardware:status.portClosed', { path });
    });
    this.current = status('ok', 'hardware:status.listening', { path });
  }

  async stop(): Promise<void> {
    this.closing();
    const link = this.link;
    this.link = null;
    await link?.close();
    this.current = OFF;
  }

  status(): AdapterStatus {
    return this.current;
  }
}
