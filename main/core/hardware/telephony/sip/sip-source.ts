// The SIP dialog watcher as a telephony adapter: subscribes for the desk's extension and turns NOTIFYs into phone
// events (P-6), reporting its state for Admin → Devices.
import type { AdapterStatus, DeviceAdapter } from '../../adapter';
import { OFF, status } from '../../adapter';
import type { PhoneEventSink } from '../phone-event';
import { DialogEventMapper } from './dialog-events';
import { SipDialogSubscriber, type SipWatchOptions, type WatchState } from './subscriber';

function statusOf(state: WatchState, options: SipWatchOptions, lastEventAt: number | null): AdapterStatus {
  const where = { server: `${options.host}:${options.port}`, extension: options.extension };
  switch (state.kind) {
    case 'subscribing':
      return status('starting', 'hardware:status.sipSubscribing', where, lastEventAt);
    case 'active':
      return status('ok', 'hardware:status.sipActive', { ...where, expires: state.expires }, lastEventAt);
    case 'noAnswer':
      return status('notFound', 'hardware:status.sipNoAnswer', where, lastEventAt);
    case 'authFailed':
      return status('error', 'hardware:status.sipAuthFailed', where, lastEventAt);
    case 'refused':
      return status('error', 'hardware:status.sipRefused', { ...where, status: state.status, reason: state.reason }, lastEventAt);
    case 'closed':
      return OFF;
  }
}

export class SipTelephonySource implements DeviceAdapter {
  private subscriber: SipDialogSubscriber | null = null;
  private current: AdapterStatus = OFF;
  private lastEventAt: number | null = null;

  constructor(
    private readonly options: SipWatchOptions,
    private readonly sink: PhoneEventSink,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    const mapper = new DialogEventMapper();
    this.current = status('starting', 'hardware:status.sipSubscribing', { server: `${this.options.host}:${this.options.port}`, extension: this.options.extension });
    this.subscriber = new SipDialogSubscriber(this.options, {
      onState: (state) => {
        this.current = statusOf(state, this.options, this.lastEventAt);
      },
      onDialogInfo: (info) => {
        for (const event of mapper.map(info)) {
          this.lastEventAt = this.now();
          this.current = { ...this.current, lastEventAt: this.lastEventAt };
          this.sink(event);
        }
      },
    });
    try {
      await this.subscriber.start();
    } catch (error) {
      this.current = status('error', 'hardware:status.sipSocket', { reason: String((error as Error).message ?? error) });
    }
  }

  async stop(): Promise<void> {
    await this.subscriber?.stop();
    this.subscriber = null;
    this.current = OFF;
  }

  status(): AdapterStatus {
    return this.current;
  }
}
