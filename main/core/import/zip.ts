// The few zip operations the spreadsheet reader needs, with bounds: list the central directory, unpack only the
// entries asked for with a ceiling on what they inflate to (a compression bomb stops at the ceiling, not at the
// end of memory), and write a plain stored zip of them in the order the streaming XLSX reader wants.
import zlib from 'node:zlib';

export class ZipRefusal extends Error {
  constructor(
    readonly reason: 'unreadable' | 'tooLarge',
    message: string,
  ) {
    super(message);
    this.name = 'ZipRefusal';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface UnpackLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Sum of the unpacked sizes of the entries taken. */
  maxUnpackedBytes: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const unreadable = (why: string) => new ZipRefusal('unreadable', `not a readable zip: ${why}`);

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('a size beyond any file');
  return Number(value);
}

function need(buffer: Buffer, at: number, bytes: number): void {
  if (at < 0 || at + bytes > buffer.length) throw unreadable('truncated');
}

/** The central directory's entries (names, sizes, where their data starts). */
export function listZip(buffer: Buffer, maxEntries: number): ZipEntry[] {
  let eocd = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  let count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && buffer.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(buffer, eocd - 20 + 8);
    need(buffer, at, 56);
    if (buffer.readUInt32LE(at) !== EOCD64) throw unreadable('bad zip64 record');
    count = u64(buffer, at + 32);
    offset = u64(buffer, at + 48);
  }
  if (count > maxEntries) throw new ZipRefusal('tooLarge', `more than ${maxEntries} entries`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    need(buffer, at, 46);
    if (buffer.readUInt32LE(at) !== CENTRAL) throw unreadable('bad central directory');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    need(buffer, at + 46, nameLength + extraLength);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // Zip64: the sizes and offset that did not fit in 32 bits are in the extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = buffer.readUInt16LE(extra);
      const size = buffer.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (entry.size === MAX32) {
          entry.size = u64(buffer, field);
          field += 8;
        }
        if (entry.compressedSize === MAX32) {
          entry.compressedSize = u64(buffer, field);
          field += 8;
        }
        if (entry.localOffset === MAX32) entry.localOffset = u64(buffer, field);
      }
      extra += 4 + size;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks the entries `wanted` picks, in the central directory's order, checking each against its CRC. Refuses
 * (`tooLarge`) as soon as what they inflate to passes `maxUnpackedBytes` — whatever the headers claim.
 */
export function unpackZip(buffer: Buffer, wanted: (name: string) => boolean, limits: UnpackLimits): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let budget = limits.maxUnpackedBytes;
  for (const entry of listZip(buffer, limits.maxEntries)) {
    if (!wanted(entry.name) || out.has(entry.name)) continue;
    if (entry.flags & 0x1) throw unreadable('encrypted');
    need(buffer, entry.localOffset, 30);
    if (buffer.readUInt32LE(entry.localOffset) !== LOCAL) throw unreadable('bad local header');
    const start = entry.localOffset + 30 + buffer.readUInt16LE(entry.localOffset + 26) + buffer.readUInt16LE(entry.localOffset + 28);
    need(buffer, start, entry.compressedSize);
    const packed = buffer.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) {
      if (packed.length > budget) throw new ZipRefusal('tooLarge', 'unpacked size over the limit');
      data = Buffer.from(packed);
    } else if (entry.method === 8) {
      try {
        // One byte over the budget is enough to know it is too much; inflation stops there.
        data = zlib.inflateRawSync(packed, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefusal('tooLarge', 'unpacked size over the limit');
        throw unreadable(`cannot inflate ${entry.name}`);
      }
      if (data.length > budget) throw new ZipRefusal('tooLarge', 'unpacked size over the limit');
    } else {
      throw unreadable(`compression method ${entry.method}`);
    }
    if (zlib.crc32(data) >>> 0 !== entry.crc >>> 0) throw unreadable(`${entry.name} fails its checksum`);
    budget -= data.length;
    out.set(entry.name, data);
  }
  return out;
}

/** Pieces of at most this size: a streaming reader downstream works (and can be stopped) piece by piece. */
const PIECE = 64 * 1024;

/** A zip of `entries` stored as they are (no compression), as chunks to stream: nothing is copied. */
export function storedZip(entries: ReadonlyArray<readonly [string, Buffer]>): Buffer[] {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes);
    for (let at = 0; at < data.length; at += PIECE) chunks.push(data.subarray(at, at + PIECE));
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}
