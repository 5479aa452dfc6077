// Serial ports for the card reader, caller-ID boxes and serial scanners, through the `serialport` package. It is
// loaded when a serial adapter starts (not when the app starts), so a machine where its native part cannot load
// still runs everything else, and the admin screen says why the serial device is unavailable.
import fs from 'node:fs';
import { DeviceError } from './adapter';

export interface SerialLink {
  write(data: Buffer): Promise<void>;
  onData(listener: (data: Buffer) => void): () => void;
  onClose(listener: () => void): void;
  close(): Promise<void>;
  readonly path: string;
}

type SerialPortCtor = typeof import('serialport').SerialPort;
let loaded: Promise<SerialPortCtor> | null = null;

function serialPortClass(): Promise<SerialPortCtor> {
  loaded ??= import('serialport').then((m) => m.SerialPort);
  return loaded;
}

/** Opens `path` at `baudRate`, 8N1. Throws DeviceError: not found (no such device), or an error to show. */
export async function openSerial(path: string, baudRate: number): Promise<SerialLink> {
  if (!/^COM\d+$/i.test(path) && !path.startsWith('\\\\') && !fs.existsSync(path)) {
    throw new DeviceError('hardware:status.portMissing', { path }, 'notFound');
  }
  let SerialPort: SerialPortCtor;
  try {
    SerialPort = await serialPortClass();
  } catch (error) {
    loaded = null;
    throw new DeviceError('hardware:status.serialUnavailable', { reason: String((error as Error).message ?? error).slice(0, 200) });
  }
  const port = new SerialPort({ path, baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve()))).catch((error: Error) => {
    const notFound = /ENOENT|cannot find|not found|File not found/i.test(error.message);
    throw new DeviceError(notFound ? 'hardware:status.portMissing' : 'hardware:status.portError', { path, reason: error.message.slice(0, 200) }, notFound ? 'notFound' : 'error');
  });
  return {
    path,
    write: (data) => new Promise<void>((resolve, reject) => port.write(data, (error) => (error ? reject(error) : port.drain(() => resolve())))),
    onData(listener) {
      port.on('data', listener);
      return () => port.off('data', listener);
    },
    onClose(listener) {
      port.on('close', listener);
    },
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

/** Splits a byte stream into lines (CR, LF or CRLF), for the line-oriented devices (caller-ID box, scanner). */
export function lineSplitter(onLine: (line: string) => void): (data: Buffer) => void {
  let pending = '';
  return (data) => {
    pending += data.toString('latin1');
    const parts = pending.split(/\r\n|\r|\n/);
    pending = parts.pop() ?? '';
    if (pending.length > 4096) pending = '';
    for (const part of parts) {
      const line = Buffer.from(part, 'latin1').toString('utf8').trim();
      if (line) onLine(line);
    }
  };
}
