/** A chosen or dropped file as the base64 `pdf.verify` takes, and the size rule checked before reading. */
import { PDF_VERIFY_MAX_BYTES } from '../../../shared/api/contract';

export { PDF_VERIFY_MAX_BYTES };

/** 32 KiB at a time: String.fromCharCode with one argument per byte of a 6 MB file overflows the stack. */
const CHUNK = 0x8000;

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  return btoa(parts.join(''));
}

/** Why a file is refused before it is read (null: it may be checked). */
export function refusalOf(file: File): 'empty' | 'tooLarge' | null {
  if (file.size === 0) return 'empty';
  if (file.size > PDF_VERIFY_MAX_BYTES) return 'tooLarge';
  return null;
}

/**
 * Megabytes (MiB, as the limit is counted) with one decimal in the UI language, rounded up so a
 * file just over the limit never reads as the limit itself: "6,1".
 */
export function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
}
