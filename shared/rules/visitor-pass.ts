// Visitor pass numbers and what the pass's QR code carries. A pass number is the day (MMDD) and the day's
// running number: 1127-003. The QR code carries `LDV-1127-003`, which a keyboard-wedge scanner types followed
// by Enter; the desk accepts that, the full number, or just the running number (003 or 3) while unambiguous.

export const PASS_QR_PREFIX = 'LDV-';

export function formatPassNumber(dayKey: string, sequence: number): string {
  const [, month, day] = dayKey.split('-');
  return `${month}${day}-${String(sequence).padStart(3, '0')}`;
}

export function passQrText(passNumber: string): string {
  return `${PASS_QR_PREFIX}${passNumber}`;
}

export type PassQuery = { kind: 'full'; passNumber: string } | { kind: 'sequence'; sequence: number } | { kind: 'invalid' };

/** Reads what was typed or scanned into the sign-out box. */
export function parsePassInput(raw: string): PassQuery {
  let value = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (value.startsWith(PASS_QR_PREFIX)) value = value.slice(PASS_QR_PREFIX.length);
  let match = /^(\d{4})-?(\d{3,})$/.exec(value);
  if (match) return { kind: 'full', passNumber: `${match[1]}-${match[2]}` };
  match = /^(\d{1,4})$/.exec(value);
  if (match && Number(match[1]) > 0) return { kind: 'sequence', sequence: Number(match[1]) };
  return { kind: 'invalid' };
}

/** Whether a burst of keys is a scanned pass (starts with the QR prefix). */
export function looksLikeScannedPass(value: string): boolean {
  return value.normalize('NFKC').toUpperCase().startsWith(PASS_QR_PREFIX);
}
