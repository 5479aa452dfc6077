// Checking an uploaded file: it decodes, is not empty or too large, and is what its type says (by its first bytes).
import crypto from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/incidents';
import { ValidationError } from '../errors';

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export interface CheckedFile {
  data: Buffer;
  size: number;
  sha256: string;
}

export function checkUpload(mime: string, dataBase64: string): CheckedFile {
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0) throw ValidationError.field('dataBase64', 'incidents:errors.fileEmpty');
  if (data.length > ATTACHMENT_MAX_BYTES) {
    throw ValidationError.field('dataBase64', 'incidents:errors.fileTooLarge', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
  }
  const matches = SIGNATURES[mime];
  if (!matches || !matches(data)) throw ValidationError.field('mime', 'incidents:errors.fileType');
  return { data, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}
