// What every device adapter has in common: it is started and stopped by the hardware hub, and says how it is
// doing in a way the admin screen can show (Admin → Devices), in the user's language.
export const ADAPTER_STATES = ['off', 'starting', 'ok', 'notFound', 'error'] as const;
export type AdapterState = (typeof ADAPTER_STATES)[number];

export interface AdapterStatus {
  state: AdapterState;
  /** An i18n key (`hardware:status.sipNoAnswer`) and its parameters, when there is something to say. */
  messageKey: string | null;
  params: Record<string, string | number>;
  /** When the device last told us something (epoch ms). */
  lastEventAt: number | null;
}

export const OFF: AdapterStatus = { state: 'off', messageKey: null, params: {}, lastEventAt: null };

export function status(state: AdapterState, messageKey: string | null = null, params: Record<string, string | number> = {}, lastEventAt: number | null = null): AdapterStatus {
  return { state, messageKey, params, lastEventAt };
}

/** A long-running adapter (a subscription, an open serial port). */
export interface DeviceAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): AdapterStatus;
}

/** A device error the admin screen explains: a stable i18n key with parameters. */
export class DeviceError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly state: Extract<AdapterState, 'notFound' | 'error'> = 'error',
  ) {
    super(messageKey);
  }
}
