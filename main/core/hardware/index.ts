// The hardware feature's methods (Admin → Devices, the desk's "read card" and slip printing). The adapters
// themselves run in the hub (hub.ts); these handlers read its state or ask it for one read.
import type { CallContext, FeatureHandlers, PreparedHandler } from '../context';
import type { Spec } from '../../../shared/contract';
import type { TestResult } from '../../../shared/contract/hardware';
import { ConflictError, ForbiddenError } from '../errors';
import { maskIdNumber } from '../../../shared/rules/id-number';
import { maskPersonName } from '../../../shared/rules/masking';
import { formatDateTime, dayKey } from '../../../shared/rules/time';
import { buildingTimeZone } from '../settings';
import { DeviceError, OFF, status } from './adapter';
import { hardwareConfig, hardwareSettings, writeHardwareSettings } from './settings';
import { hardwareHub, waitForPhoneEvent } from './hub';
import { addDeskPhone, lastPhoneEventAt, listDeskPhones, revokeDeskPhone } from './telephony/desk-phones';
import { cardForDesk } from './id-reader/card';
import { slipOfVisit, testSlip, type SlipContent } from './slip/content';
import { printSlipEscpos } from './slip/escpos';
import { slipHtml } from './slip/html';

export { startHardware, HardwareHub, deliverPhoneEvent } from './hub';

const ok = (messageKey: string, params: TestResult['params'] = {}): TestResult => ({ ok: true, messageKey, params });
const failed = (messageKey: string, params: TestResult['params'] = {}): TestResult => ({ ok: false, messageKey, params });

function failure(error: unknown): TestResult {
  if (error instanceof DeviceError) return failed(error.messageKey, error.params);
  return failed('hardware:status.portError', { path: '', reason: String((error as Error).message ?? error).slice(0, 200) });
}

function timeZoneOf(ctx: Pick<CallContext, 'db'>): string {
  return buildingTimeZone(ctx.db);
}

/** The reader's readings go only to a screen on this PC (the desktop window, a loopback browser). */
function requireLocalScreen(ctx: Pick<CallContext, 'caller'>): void {
  if (ctx.caller.kind !== 'staff' || ctx.caller.device !== null) throw new ForbiddenError('hardware:error.localOnly');
}

/** Prints a slip on the configured printer; `printed: false` when the screen must print it itself. */
async function printSlipOn(ctx: Omit<CallContext, 'tx' | 'emit'>, slip: SlipContent): Promise<{ printed: boolean; via: 'none' | 'os' | 'escpos' }> {
  const { slipPrinter } = hardwareConfig(ctx.db, ctx.keys);
  if (slipPrinter.kind === 'escpos') {
    try {
      await printSlipEscpos(slip, { host: slipPrinter.host, port: slipPrinter.port, paperWidth: slipPrinter.paperWidth });
    } catch (error) {
      if (error instanceof DeviceError) throw new ConflictError(error.messageKey, error.params);
      throw error;
    }
    return { printed: true, via: 'escpos' };
  }
  if (slipPrinter.kind === 'os' && ctx.host.printHtml) {
    const printed = await ctx.host.printHtml(await slipHtml(slip, slipPrinter.paperWidth), { printer: slipPrinter.osPrinter || null, widthMm: slipPrinter.paperWidth });
    return { printed, via: 'os' };
  }
  return { printed: false, via: slipPrinter.kind };
}

const printSlip: PreparedHandler<Spec<'hardware.printSlip'>, { printed: boolean; via: 'none' | 'os' | 'escpos' }> = {
  async prepare(ctx, input) {
    return printSlipOn(ctx, slipOfVisit(ctx.db, input.visitId));
  },
  run(ctx, input, result) {
    if (result.printed) ctx.tx.note('visits', input.visitId, { event: 'slipPrinted', via: result.via });
    return result;
  },
};

export const hardwareHandlers: FeatureHandlers<'hardware'> = {
  settings: (ctx) => hardwareSettings(ctx.db),
  updateSettings: (ctx, input) => {
    writeHardwareSettings(ctx.tx, ctx.db, ctx.keys, input);
    ctx.emit('hardware.settingsChanged', { at: ctx.now });
    return hardwareSettings(ctx.db);
  },
  status: async (ctx) => {
    const hub = hardwareHub(ctx.db);
    await hub?.settled();
    const adapters = hub?.statuses() ?? { sip: OFF, callerIdBox: OFF, idReader: OFF, scanner: OFF };
    const { slipPrinter } = hardwareConfig(ctx.db, ctx.keys);
    const phones = listDeskPhones(ctx.db).filter((p) => p.revokedAt === null);
    return {
      ...adapters,
      slipPrinter:
        slipPrinter.kind === 'escpos'
          ? status('ok', 'hardware:status.printerConfigured', { printer: `${slipPrinter.host}:${slipPrinter.port}`, width: slipPrinter.paperWidth })
          : slipPrinter.kind === 'os'
            ? status(ctx.host.printHtml ? 'ok' : 'off', ctx.host.printHtml ? 'hardware:status.osPrinter' : 'hardware:status.osPrinterBrowser', { printer: slipPrinter.osPrinter || '—' })
            : OFF,
      actionUrl: phones.length ? status('ok', 'hardware:status.phonesPaired', { count: phones.length }, lastPhoneEventAt(ctx.db)) : OFF,
    };
  },
  phones: (ctx) => ({ phones: listDeskPhones(ctx.db) }),
  addPhone: (ctx, input) => addDeskPhone(ctx, input),
  revokePhone: (ctx, input) => {
    revokeDeskPhone(ctx, input.id);
    return { ok: true as const };
  },
  testRing: async (ctx, input) => {
    const config = hardwareConfig(ctx.db, ctx.keys);
    const phones = listDeskPhones(ctx.db).filter((p) => p.revokedAt === null);
    // Wait only when something can report a ring: a paired phone, or a SIP / caller-ID adapter the hub runs.
    const running = hardwareHub(ctx.db)?.statuses();
    const adapterRuns = (config.sip.enabled && running && running.sip.state !== 'off') || (config.callerIdBox.enabled && running && running.callerIdBox.state !== 'off');
    if (phones.length === 0 && !adapterRuns) return { received: null, result: failed('hardware:test.noTelephony') };
    const event = await waitForPhoneEvent(ctx.db, input.seconds * 1000, (e) => e.kind === 'ringing');
    if (!event) return { received: null, result: failed('hardware:test.noRing', { seconds: input.seconds }) };
    return { received: { source: event.source, number: event.number }, result: ok('hardware:test.ringReceived', { source: event.source, number: event.number ?? '—' }) };
  },
  testCardReader: async (ctx) => {
    const hub = hardwareHub(ctx.db);
    try {
      if (!hub) throw new DeviceError('hardware:status.readerOff', {}, 'notFound');
      const card = await hub.readCardNow();
      if (!card) return { result: failed('hardware:test.noCard'), card: null };
      return {
        result: ok('hardware:test.cardRead'),
        card: { name: maskPersonName(card.name), idNumber: maskIdNumber(card.idNumber), validUntil: card.validUntil },
      };
    } catch (error) {
      return { result: failure(error), card: null };
    }
  },
  testSlipPrinter: async (ctx) => {
    const { slipPrinter } = hardwareConfig(ctx.db, ctx.keys);
    if (slipPrinter.kind === 'none') return failed('hardware:test.noPrinter');
    if (slipPrinter.kind === 'os' && !ctx.host.printHtml) return failed('hardware:status.osPrinterBrowser', { printer: slipPrinter.osPrinter || '—' });
    try {
      const result = await printSlipOn(ctx, testSlip(ctx.db, formatDateTime(ctx.now, timeZoneOf(ctx))));
      return result.printed ? ok('hardware:test.slipPrinted', { via: result.via }) : failed('hardware:test.slipNotPrinted');
    } catch (error) {
      if (error instanceof ConflictError) return failed(error.messageKey, error.params as TestResult['params']);
      return failure(error);
    }
  },
  testScanner: async (ctx, input) => {
    const hub = hardwareHub(ctx.db);
    const { scanner } = hardwareConfig(ctx.db, ctx.keys);
    if (!hub || !scanner.serialEnabled) return { code: null, result: failed('hardware:test.noScanner') };
    const state = hub.statuses().scanner;
    if (state.state === 'notFound' || state.state === 'error') return { code: null, result: failed(state.messageKey ?? 'hardware:status.portError', state.params) };
    const code = await hub.waitForScan(input.seconds * 1000);
    return code ? { code, result: ok('hardware:test.scanned', { code }) } : { code: null, result: failed('hardware:test.noScan', { seconds: input.seconds }) };
  },
  readCard: async (ctx) => {
    requireLocalScreen(ctx);
    const hub = hardwareHub(ctx.db);
    try {
      if (!hub) throw new DeviceError('hardware:status.readerOff', {}, 'notFound');
      const card = await hub.readCardNow();
      if (!card) return { card: null, result: failed('hardware:test.noCard') };
      return { card: cardForDesk(card, dayKey(ctx.now, timeZoneOf(ctx))), result: ok('hardware:test.cardRead') };
    } catch (error) {
      return { card: null, result: failure(error) };
    }
  },
  printSlip,
};
