// The slip as an HTML page for the OS printer driver (desktop app): fonts and the QR code (SVG) render as the
// driver prints them, at the paper's width.
import QRCode from 'qrcode';
import type { SlipContent } from './content';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function slipHtml(slip: SlipContent, widthMm: number): Promise<string> {
  const qr = await QRCode.toString(slip.qrText, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const row = (label: string, value: string) => `<div class="row"><span>${escape(label)}</span> ${escape(value)}</div>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(slip.passNumber)}</title>
<style>
  @page { size: ${widthMm}mm auto; margin: 2mm; }
  body { margin: 0; width: ${widthMm - 4}mm; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; color: #000; }
  .c { text-align: center; } .title { font-size: 16pt; font-weight: 700; letter-spacing: 2px; }
  .pass { font-size: 22pt; font-weight: 700; margin: 1mm 0; } .qr svg { width: ${Math.min(40, widthMm - 20)}mm; height: auto; }
  .row { font-size: 9pt; line-height: 1.5; } .row span { color: #333; } .note { font-size: 8pt; margin-top: 2mm; }
</style></head>
<body>
  <div class="c">${escape(slip.building)}</div>
  <div class="c title">访客单 VISITOR</div>
  <div class="c pass" data-pass>${escape(slip.passNumber)}</div>
  <div class="c qr">${qr}</div>
  ${row('访客 Visitor', `${slip.visitorMasked}${slip.partySize > 1 ? ` ×${slip.partySize}` : ''}`)}
  ${row('拜访 Visiting', slip.visiting)}
  ${slip.host ? row('接待人 Host', slip.host) : ''}
  ${row('时间 Time', slip.time)}
  <div class="c note">离开时请在前台扫码登记 · Scan at the desk when you leave</div>
</body></html>`;
}
