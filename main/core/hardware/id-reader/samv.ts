// The 身份证 readers' common serial protocol (公安部 SAM_V, spoken by 华视 CVR-100, 神思 SS628, 精伦 iDR and
// others in serial / virtual-COM mode). A frame is the preamble AA AA AA 96 69, a two-byte big-endian length,
// then a command (CMD PARA [data]) or an answer (SW1 SW2 SW3 [data]), and an XOR checksum over everything after
// the preamble. A read is: find the card (20 01), select it (20 02), read text and photo (30 01).
import { DeviceError } from '../adapter';
import type { SerialLink } from '../serial';
import { cardDate, NATIONS, type CardRead } from './card';

export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
export const COMMANDS = {
  reset: [0x10, 0xff],
  status: [0x11, 0xff],
  find: [0x20, 0x01],
  select: [0x20, 0x02],
  read: [0x30, 0x01],
} as const;
export type SamvCommand = keyof typeof COMMANDS;

/** SW3 values: the answer's verdict. */
export const SW = { ok: 0x90, found: 0x9f, noCard: 0x80, selectFailed: 0x81, readFailed: 0x41 } as const;

function xor(bytes: Uint8Array): number {
  let c = 0;
  for (const b of bytes) c ^= b;
  return c;
}

/** A command frame: `AA AA AA 96 69 00 03 20 01 22` finds a card. */
export function commandFrame(command: SamvCommand, data: Uint8Array = new Uint8Array()): Buffer {
  const [cmd, para] = COMMANDS[command];
  const length = 2 + data.length + 1;
  const body = Buffer.from([length >> 8, length & 0xff, cmd, para, ...data]);
  return Buffer.concat([PREAMBLE, body, Buffer.from([xor(body)])]);
}

/** An answer frame (what a reader sends): SW1 SW2 SW3, data, checksum. */
export function answerFrame(sw3: number, data: Uint8Array = new Uint8Array()): Buffer {
  const length = 3 + data.length + 1;
  const body = Buffer.from([length >> 8, length & 0xff, 0x00, 0x00, sw3, ...data]);
  return Buffer.concat([PREAMBLE, body, Buffer.from([xor(body)])]);
}

export interface SamvFrame {
  /** For answers: SW1..SW3; for commands: CMD, PARA. */
  head: Buffer;
  data: Buffer;
}

/**
 * Finds whole frames in a byte stream. Returns the frames and the bytes left over (an incomplete frame); bytes
 * before a preamble, and frames whose checksum is wrong, are dropped.
 */
export function takeFrames(buffer: Buffer, headLength: 2 | 3): { frames: SamvFrame[]; rest: Buffer; corrupt: number } {
  const frames: SamvFrame[] = [];
  let corrupt = 0;
  let rest = buffer;
  for (;;) {
    const start = rest.indexOf(PREAMBLE);
    if (start < 0) return { frames, rest: rest.subarray(Math.max(0, rest.length - (PREAMBLE.length - 1))), corrupt };
    rest = rest.subarray(start);
    if (rest.length < PREAMBLE.length + 2) return { frames, rest, corrupt };
    const length = rest.readUInt16BE(PREAMBLE.length);
    const total = PREAMBLE.length + 2 + length;
    if (length < headLength + 1 || length > 4096) {
      corrupt += 1;
      rest = rest.subarray(1);
      continue;
    }
    if (rest.length < total) return { frames, rest, corrupt };
    const body = rest.subarray(PREAMBLE.length, total - 1);
    if (xor(body) !== rest[total - 1]) corrupt += 1;
    else frames.push({ head: Buffer.from(body.subarray(2, 2 + headLength)), data: Buffer.from(body.subarray(2 + headLength)) });
    rest = rest.subarray(total);
  }
}

/** Field widths of the 256-byte text block, in UCS-2 little-endian characters. */
const TEXT_FIELDS = [
  ['name', 15],
  ['sex', 1],
  ['nation', 2],
  ['birthDate', 8],
  ['address', 35],
  ['idNumber', 18],
  ['authority', 15],
  ['validFrom', 8],
  ['validUntil', 8],
] as const;

/** The read answer's data: text length, photo length, 256 bytes of UCS-2 text, the WLT photo. */
export function parseReadData(data: Buffer): CardRead {
  if (data.length < 4) throw new DeviceError('hardware:status.cardUnreadable');
  const textLength = data.readUInt16BE(0);
  const text = data.subarray(4, 4 + textLength);
  if (textLength < 220 || text.length < textLength) throw new DeviceError('hardware:status.cardUnreadable');
  const fields: Record<string, string> = {};
  let offset = 0;
  for (const [name, chars] of TEXT_FIELDS) {
    fields[name] = text.subarray(offset, offset + chars * 2).toString('utf16le').replaceAll('\u0000', '').trim();
    offset += chars * 2;
  }
  const nationCode = Number(fields.nation);
  return {
    name: fields.name!,
    sex: fields.sex === '1' ? 'male' : fields.sex === '2' ? 'female' : 'unknown',
    nation: NATIONS[nationCode - 1] ?? fields.nation!,
    birthDate: cardDate(fields.birthDate!),
    address: fields.address!,
    idNumber: fields.idNumber!.toUpperCase(),
    authority: fields.authority!,
    validFrom: cardDate(fields.validFrom!),
    validUntil: cardDate(fields.validUntil!),
    // The chip's photo is WLT-compressed; only a vendor's decoder turns it into an image. Dropped here.
    photo: null,
    reader: 'samv',
  };
}

/** The text block as a card's chip holds it (for the reader simulator and tests). */
export function encodeCardText(card: Pick<CardRead, 'name' | 'sex' | 'address' | 'idNumber' | 'authority'> & { nationCode: string; birth: string; from: string; until: string }): Buffer {
  const values: Record<string, string> = {
    name: card.name,
    sex: card.sex === 'male' ? '1' : card.sex === 'female' ? '2' : '0',
    nation: card.nationCode,
    birthDate: card.birth,
    address: card.address,
    idNumber: card.idNumber,
    authority: card.authority,
    validFrom: card.from,
    validUntil: card.until,
  };
  const parts = TEXT_FIELDS.map(([name, chars]) => Buffer.from(values[name]!.padEnd(chars, ' ').slice(0, chars), 'utf16le'));
  return Buffer.concat([...parts, Buffer.alloc(256 - parts.reduce((n, p) => n + p.length, 0))]);
}

const COMMAND_TIMEOUT_MS = 1500;

/** Talks SAM_V over a serial link, one command at a time. */
export class SamvReader {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(frame: SamvFrame): void; reject(error: Error): void; timer: NodeJS.Timeout } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly off: () => void;

  constructor(private readonly link: SerialLink) {
    this.off = link.onData((data) => this.receive(data));
  }

  private receive(data: Buffer): void {
    const { frames, rest } = takeFrames(Buffer.concat([this.buffer, data]), 3);
    this.buffer = rest;
    const frame = frames.at(-1);
    if (frame && this.waiting) {
      const { resolve, timer } = this.waiting;
      clearTimeout(timer);
      this.waiting = null;
      resolve(frame);
    }
  }

  private command(command: SamvCommand): Promise<SamvFrame> {
    return new Promise<SamvFrame>((resolve, reject) => {
      this.buffer = Buffer.alloc(0);
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new DeviceError('hardware:status.readerNoAnswer', { path: this.link.path }, 'notFound'));
      }, COMMAND_TIMEOUT_MS);
      this.waiting = { resolve, reject, timer };
      this.link.write(commandFrame(command)).catch((error: Error) => {
        clearTimeout(timer);
        this.waiting = null;
        reject(new DeviceError('hardware:status.portError', { path: this.link.path, reason: error.message }));
      });
    });
  }

  /** Whether the reader answers at all (its SAM status). */
  probe(): Promise<boolean> {
    return this.inTurn(async () => (await this.command('status')).head[2] === SW.ok);
  }

  /** Find, select, read: the card on the reader, or null when there is none. */
  readCard(): Promise<CardRead | null> {
    return this.inTurn(async () => {
      const found = await this.command('find');
      if (found.head[2] !== SW.found) return null;
      const selected = await this.command('select');
      if (selected.head[2] !== SW.ok) return null;
      const read = await this.command('read');
      if (read.head[2] !== SW.ok) throw new DeviceError('hardware:status.cardUnreadable');
      return parseReadData(read.data);
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.off();
    if (this.waiting) clearTimeout(this.waiting.timer);
    this.waiting = null;
  }
}
