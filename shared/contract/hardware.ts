// The desk's hardware (P-6, H-1, H-2): telephony adapters that ring the timer by themselves, the 身份证 reader,
// the visitor-slip printer and the QR scanner in serial mode — each optional, configured and tested at
// Admin → Devices. Settings live in the `hardware` settings section (audited like every other).
import { z } from 'zod';
import { mutation, query, ADMIN, type Role } from './define';
import { empty, id, ok, required, text } from './fields';
import { VISITOR_DESK } from './visitors';

const IPV4 = z.ipv4();
const IPV6 = z.ipv6();

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const ID_READER_KINDS = ['none', 'samv', 'vendorHttp'] as const;
export const SLIP_PRINTER_KINDS = ['none', 'os', 'escpos'] as const;
export const PAPER_WIDTHS = [58, 80] as const;
export const ADAPTER_STATES = ['off', 'starting', 'ok', 'notFound', 'error'] as const;
export const PHONE_SOURCES = ['actionUrl', 'sip', 'callerIdBox'] as const;

/** Who is sent what a card reader or a scanner on this PC reads: the people who register and sign out visitors. */
export const HARDWARE_DESK: readonly Role[] = VISITOR_DESK;

const baudRate = () =>
  z.union(
    BAUD_RATES.map((b) => z.literal(b)),
    { error: 'hardware:error.baudRate' },
  );
const port = () => z.number({ error: 'hardware:error.port' }).int({ error: 'hardware:error.port' }).min(1, { error: 'hardware:error.port' }).max(65535, { error: 'hardware:error.port' });
/** A serial device: /dev/ttyUSB0, /dev/serial/by-id/…, COM3. */
const devicePath = () => text(200).regex(/^(|\/dev\/[\w./:+-]+|\/tmp\/[\w./:+-]+|COM\d{1,3}|\\\\\.\\COM\d{1,3})$/i, { error: 'hardware:error.devicePath' });
const host = () => text(100).regex(/^(|[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])$/, { error: 'hardware:error.host' });

const SipInput = z.strictObject({
  enabled: z.boolean().default(false),
  host: host().default(''),
  port: port().default(5060),
  /** The desk phone's extension whose dialogs are watched. */
  extension: text(40).regex(/^[\w.+*#-]*$/, { error: 'hardware:error.extension' }).default(''),
  domain: host().default(''),
  username: text(60).default(''),
  /** Omitted: keeps the stored password. */
  password: text(100).optional(),
  localPort: z.number().int().min(0).max(65535).default(0),
});

const CallerIdBoxInput = z.strictObject({
  enabled: z.boolean().default(false),
  path: devicePath().default(''),
  baudRate: baudRate().default(9600),
});

const IdReaderInput = z.strictObject({
  kind: z.enum(ID_READER_KINDS).default('none'),
  path: devicePath().default(''),
  baudRate: baudRate().default(115200),
  /** A vendor's reader service on this PC, e.g. http://127.0.0.1:19196/readCard. */
  url: text(200).regex(/^(|https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?(\/[^\s]*)?)$/, { error: 'hardware:error.localUrl' }).default(''),
  /** Read a card as soon as it is placed on the reader (else only when the desk presses "read card"). */
  autoRead: z.boolean().default(true),
});

const SlipPrinterInput = z.strictObject({
  kind: z.enum(SLIP_PRINTER_KINDS).default('none'),
  /** The OS printer (desktop app), empty for the default printer. */
  osPrinter: text(200).default(''),
  host: host().default(''),
  port: port().default(9100),
  paperWidth: z.union([z.literal(58), z.literal(80)], { error: 'hardware:error.paperWidth' }).default(80),
});

const ScannerInput = z.strictObject({
  serialEnabled: z.boolean().default(false),
  path: devicePath().default(''),
  baudRate: baudRate().default(9600),
});

const requireWhen = (cond: boolean, value: string, path: Array<string | number>, ctx: z.RefinementCtx) => {
  if (cond && !value.trim()) ctx.addIssue({ code: 'custom', path, message: 'hardware:error.required' });
};

export const HardwareSettingsInput = z
  .strictObject({
    sip: SipInput.prefault({}),
    callerIdBox: CallerIdBoxInput.prefault({}),
    idReader: IdReaderInput.prefault({}),
    slipPrinter: SlipPrinterInput.prefault({}),
    scanner: ScannerInput.prefault({}),
  })
  .superRefine((v, ctx) => {
    requireWhen(v.sip.enabled, v.sip.host, ['sip', 'host'], ctx);
    requireWhen(v.sip.enabled, v.sip.extension, ['sip', 'extension'], ctx);
    requireWhen(v.sip.enabled, v.sip.username, ['sip', 'username'], ctx);
    requireWhen(v.callerIdBox.enabled, v.callerIdBox.path, ['callerIdBox', 'path'], ctx);
    requireWhen(v.idReader.kind === 'samv', v.idReader.path, ['idReader', 'path'], ctx);
    requireWhen(v.idReader.kind === 'vendorHttp', v.idReader.url, ['idReader', 'url'], ctx);
    requireWhen(v.slipPrinter.kind === 'escpos', v.slipPrinter.host, ['slipPrinter', 'host'], ctx);
    requireWhen(v.scanner.serialEnabled, v.scanner.path, ['scanner', 'path'], ctx);
  });
export type HardwareSettingsInput = z.input<typeof HardwareSettingsInput>;

export const HardwareSettings = z.object({
  sip: z.object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number(),
    extension: z.string(),
    domain: z.string(),
    username: z.string(),
    /** The password itself never leaves main. */
    passwordSet: z.boolean(),
    localPort: z.number(),
  }),
  callerIdBox: z.object({ enabled: z.boolean(), path: z.string(), baudRate: z.number() }),
  idReader: z.object({ kind: z.enum(ID_READER_KINDS), path: z.string(), baudRate: z.number(), url: z.string(), autoRead: z.boolean() }),
  slipPrinter: z.object({ kind: z.enum(SLIP_PRINTER_KINDS), osPrinter: z.string(), host: z.string(), port: z.number(), paperWidth: z.number() }),
  scanner: z.object({ serialEnabled: z.boolean(), path: z.string(), baudRate: z.number() }),
});
export type HardwareSettings = z.infer<typeof HardwareSettings>;

export const AdapterStatus = z.object({
  state: z.enum(ADAPTER_STATES),
  /** An i18n key of the `hardware` namespace, and its parameters. */
  messageKey: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  lastEventAt: z.number().nullable(),
});
export type AdapterStatus = z.infer<typeof AdapterStatus>;

export const DeskPhone = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
  lastEventAt: z.number().nullable(),
});
export type DeskPhone = z.infer<typeof DeskPhone>;

/**
 * What a card read sends to the desk's registration form (H-1): the name and number for the form, whether the
 * card is still valid, and the photo only when the reader gave a viewable image. Address, nation, birth date and
 * the issuing authority stay in main and are discarded.
 */
export const CardForDesk = z.object({
  name: z.string(),
  idNumber: z.string(),
  sex: z.enum(['male', 'female', 'unknown']),
  validUntil: z.string(),
  expired: z.boolean(),
  photo: z.object({ mime: z.enum(['image/jpeg', 'image/png', 'image/bmp']), base64: z.string() }).nullable(),
  reader: z.enum(ID_READER_KINDS),
});
export type CardForDesk = z.infer<typeof CardForDesk>;

const TestResult = z.object({ ok: z.boolean(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type TestResult = z.infer<typeof TestResult>;

export const hardware = {
  settings: query({
    summary: 'The desk’s hardware settings (the SIP password only as set / not set).',
    input: empty(),
    output: HardwareSettings,
    allow: ADMIN,
  }),
  updateSettings: mutation({
    summary: 'Changes the hardware settings; the adapters restart with them.',
    input: HardwareSettingsInput,
    output: HardwareSettings,
    allow: ADMIN,
  }),
  status: query({
    summary: 'How each adapter is doing: off, starting, ok, device not found, error (with a localized message).',
    input: empty(),
    output: z.object({
      sip: AdapterStatus,
      callerIdBox: AdapterStatus,
      idReader: AdapterStatus,
      scanner: AdapterStatus,
      slipPrinter: AdapterStatus,
      actionUrl: AdapterStatus,
    }),
    allow: ADMIN,
  }),
  phones: query({
    summary: 'Desk phones paired to report calls by action URL.',
    input: empty(),
    output: z.object({ phones: z.array(DeskPhone) }),
    allow: ADMIN,
  }),
  addPhone: mutation({
    summary: 'Pairs a desk phone by its address; answers the action URLs to enter in the phone (its token is shown once).',
    input: z.strictObject({
      name: required(40),
      // An IPv4 or IPv6 address as the phone sends from (no host names: the address is how its requests are told apart).
      address: text(45).refine((v) => IPV4.safeParse(v).success || IPV6.safeParse(v).success, { error: 'hardware:error.address' }),
    }),
    output: z.object({ phone: DeskPhone, token: z.string(), actionUrls: z.record(z.string(), z.string()) }),
    allow: ADMIN,
  }),
  revokePhone: mutation({
    summary: 'Unpairs a desk phone: its requests are refused at once.',
    input: z.strictObject({ id: id() }),
    output: ok(),
    allow: ADMIN,
  }),
  testRing: query({
    summary: 'Waits up to `seconds` (≤ 30) for the next ring a running telephony adapter reports (call the desk phone meanwhile).',
    input: z.strictObject({ seconds: z.number().int().min(1).max(30) }),
    output: z.object({ received: z.object({ source: z.enum(PHONE_SOURCES), number: z.string().nullable() }).nullable(), result: TestResult }),
    allow: ADMIN,
  }),
  testCardReader: query({
    summary: 'Reads one card now and shows it masked (Admin → Devices, "read a card").',
    input: empty(),
    output: z.object({ result: TestResult, card: z.object({ name: z.string(), idNumber: z.string(), validUntil: z.string() }).nullable() }),
    allow: ADMIN,
  }),
  testSlipPrinter: query({
    summary: 'Prints a test slip on the configured slip printer (ESC/POS); the OS printer is tested by the screen.',
    input: empty(),
    output: TestResult,
    allow: ADMIN,
  }),
  testScanner: query({
    summary: 'Waits up to `seconds` (≤ 30) for a scan from the serial scanner.',
    input: z.strictObject({ seconds: z.number().int().min(1).max(30) }),
    output: z.object({ code: z.string().nullable(), result: TestResult }),
    allow: ADMIN,
  }),
  readCard: query({
    summary: 'Reads the card on this PC’s reader for the registration form (only from this PC’s own screen).',
    input: empty(),
    output: z.object({ card: CardForDesk.nullable(), result: TestResult }),
    allow: HARDWARE_DESK,
  }),
  printSlip: mutation({
    summary: 'Prints a visit’s slip on the slip printer: raw ESC/POS, or the HTML slip through the OS driver in the desktop app; printed: false means the screen prints it.',
    input: z.strictObject({ visitId: id() }),
    output: z.object({ printed: z.boolean(), via: z.enum(SLIP_PRINTER_KINDS) }),
    allow: HARDWARE_DESK,
  }),
};
