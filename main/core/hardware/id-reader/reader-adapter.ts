// The card reader as an adapter: SAM_V over a serial port, or a vendor's localhost service. With auto-read on,
// it looks for a card twice a second and reports each card once while it lies on the reader.
import type { AdapterStatus, DeviceAdapter } from '../adapter';
import { DeviceError, OFF, status } from '../adapter';
import { openSerial, type SerialLink } from '../serial';
import type { CardRead } from './card';
import { SamvReader } from './samv';
import { readFromVendorService } from './vendor-http';

export type CardReaderConfig = { kind: 'samv'; path: string; baudRate: number; autoRead: boolean } | { kind: 'vendorHttp'; url: string; autoRead: boolean };

const POLL_MS = 500;

export class CardReaderAdapter implements DeviceAdapter {
  private link: SerialLink | null = null;
  private samv: SamvReader | null = null;
  private timer: NodeJS.Timeout | null = null;
  private current: AdapterStatus = OFF;
  private lastCard: string | null = null;
  private stopped = true;
  private busy: Promise<CardRead | null> | null = null;

  constructor(
    private readonly config: CardReaderConfig,
    private readonly onCard: (card: CardRead) => void,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.current = status('starting');
    if (this.config.kind === 'samv') {
      try {
        this.link = await openSerial(this.config.path, this.config.baudRate);
        this.samv = new SamvReader(this.link);
        await this.samv.probe();
        this.current = status('ok', 'hardware:status.readerReady', { path: this.config.path });
      } catch (error) {
        this.setError(error);
        if (!this.link) return;
      }
    } else {
      this.current = status('ok', 'hardware:status.serviceReady', { url: this.config.url });
    }
    if (this.config.autoRead) this.schedule();
  }

  private setError(error: unknown): void {
    this.current =
      error instanceof DeviceError
        ? status(error.state, error.messageKey, error.params, this.current.lastEventAt)
        : status('error', 'hardware:status.portError', { path: this.config.kind === 'samv' ? this.config.path : this.config.url, reason: String(error) });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    try {
      const card = await this.readOnce();
      if (!card) this.lastCard = null;
      else if (card.idNumber !== this.lastCard) {
        this.lastCard = card.idNumber;
        this.onCard(card);
      }
    } catch {
      /* status already says what went wrong; keep polling: the reader may be plugged back in */
    } finally {
      this.schedule();
    }
  }

  /** Reads the card on the reader now (null: none there). Concurrent calls share one read. */
  readOnce(): Promise<CardRead | null> {
    this.busy ??= (async () => {
      try {
        const card = this.config.kind === 'samv' ? await this.requireSamv().readCard() : await readFromVendorService(this.config.url);
        this.current = status('ok', this.config.kind === 'samv' ? 'hardware:status.readerReady' : 'hardware:status.serviceReady', this.config.kind === 'samv' ? { path: this.config.path } : { url: this.config.url }, card ? this.now() : this.current.lastEventAt);
        return card;
      } catch (error) {
        this.setError(error);
        throw error;
      } finally {
        this.busy = null;
      }
    })();
    return this.busy;
  }

  private requireSamv(): SamvReader {
    if (!this.samv) throw new DeviceError('hardware:status.portMissing', { path: this.config.kind === 'samv' ? this.config.path : '' }, 'notFound');
    return this.samv;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.busy?.catch(() => undefined);
    this.samv?.dispose();
    this.samv = null;
    const link = this.link;
    this.link = null;
    await link?.close();
    this.current = OFF;
  }

  status(): AdapterStatus {
    return this.current;
  }
}
