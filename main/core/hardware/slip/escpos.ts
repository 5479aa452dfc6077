// The slip as raw ESC/POS for 58/80 mm thermal printers without a driver (H-2). The command set, QR code, cut
// and the port-9100 connection come from node-thermal-printer; Chinese text is sent in the printer's Chinese
// mode (FS &) encoded as GB18030 with iconv-lite — the code page Chinese thermal printers (and their GBK
// fonts) expect — instead of the library's per-character code-page guessing, which knows only EUC-CN.
import iconv from 'iconv-lite';
import thermal from 'node-thermal-printer';
import { DeviceError } from '../adapter';
import type { SlipContent } from './content';

const { ThermalPrinter, PrinterTypes } = thermal;

/** ESC @ — reset the printer's modes left by an earlier job. */
export const INITIALIZE = Buffer.from([0x1b, 0x40]);
/** FS & — Chinese character mode on (double-byte GB text). */
export const CHINESE_MODE_ON = Buffer.from([0x1c, 0x26]);
/** GS V 0 — full cut (what node-thermal-printer's cut() sends). */
export const FULL_CUT = Buffer.from([0x1d, 0x56, 0x00]);

export function gb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export interface EscposTarget {
  host: string;
  port: number;
  paperWidth: 58 | 80 | number;
}

function printerFor(target: EscposTarget) {
  return new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: `tcp://${target.host.replace(/^\[|\]$/g, '')}:${target.port}`,
    // Columns of ASCII text: 32 on 58 mm paper, 48 on 80 mm (a Chinese character takes two).
    width: target.paperWidth === 58 ? 32 : 48,
    options: { timeout: 4000 },
  });
}

type Printer = ReturnType<typeof printerFor>;

function line(printer: Printer, text: string): void {
  printer.append(gb18030(text));
  printer.newLine();
}

/** The slip's bytes, and the printer object that can send them. */
export function slipEscpos(slip: SlipContent, target: EscposTarget): { bytes: Buffer; printer: Printer } {
  const printer = printerFor(target);
  printer.clear();
  printer.append(INITIALIZE);
  printer.append(CHINESE_MODE_ON);
  printer.alignCenter();
  line(printer, slip.building);
  if (slip.buildingEn) line(printer, slip.buildingEn);
  printer.setTextDoubleHeight();
  printer.bold(true);
  line(printer, '访客单 VISITOR');
  printer.setTextQuadArea();
  line(printer, slip.passNumber);
  printer.setTextNormal();
  printer.bold(false);
  printer.printQR(slip.qrText, { cellSize: target.paperWidth === 58 ? 5 : 6, correction: 'M', model: 2 });
  printer.newLine();
  printer.alignLeft();
  line(printer, `访客 Visitor: ${slip.visitorMasked}${slip.partySize > 1 ? ` ×${slip.partySize}` : ''}`);
  line(printer, `拜访 Visiting: ${slip.visiting}`);
  if (slip.host) line(printer, `接待人 Host: ${slip.host}`);
  line(printer, `时间 Time: ${slip.time}`);
  printer.drawLine();
  printer.alignCenter();
  line(printer, '离开时请在前台扫码登记');
  printer.cut();
  return { bytes: printer.getBuffer(), printer };
}

/** Sends the slip to the printer on port 9100; a printer that does not answer is "not found". */
export async function printSlipEscpos(slip: SlipContent, target: EscposTarget): Promise<number> {
  const { bytes, printer } = slipEscpos(slip, target);
  try {
    await printer.execute();
  } catch (error) {
    const reason = String((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    throw new DeviceError('hardware:status.printerMissing', { printer: `${target.host}:${target.port}`, reason }, 'notFound');
  }
  return bytes.length;
}
