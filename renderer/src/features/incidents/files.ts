// Preparing a file for upload: photos are scaled down (a phone photo becomes a few hundred KB) and sent as base64.
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../../shared/contract/incidents';

const MAX_EDGE = 1600;

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export class FileProblem extends Error {
  constructor(readonly key: 'fileTooLarge' | 'fileType') {
    super(key);
  }
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function scaledJpeg(file: File): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size <= 1024 * 1024) return null;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', 0.85));
  } catch {
    return null;
  }
}

/** The file as the server takes it: a permitted type, at most the size limit, base64. */
export async function prepareUpload(file: File): Promise<{ name: string; mime: AttachmentType; dataBase64: string }> {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) throw new FileProblem('fileType');
  let blob: Blob = file;
  let mime = file.type as AttachmentType;
  let name = file.name;
  if (mime !== 'application/pdf') {
    const scaled = await scaledJpeg(file);
    if (scaled && scaled.size < file.size) {
      blob = scaled;
      mime = 'image/jpeg';
      name = name.replace(/\.(png|webp|jpe?g)$/i, '') + '.jpg';
    }
  }
  if (blob.size > ATTACHMENT_MAX_BYTES) throw new FileProblem('fileTooLarge');
  return { name: name.slice(0, 120), mime, dataBase64: toBase64(await blob.arrayBuffer()) };
}

export function dataUrl(mime: string, base64: string): string {
  return `data:${mime};base64,${base64}`;
}
