import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads the `file` field of a multipart request, checking its type by content, not only by name. */
export async function readUpload(
  request: FastifyRequest,
  options: { extensions: string[] },
): Promise<{ fileName: string; data: Uint8Array } | null> {
  if (!request.isMultipart()) throw new AppError('FILE_REQUIRED', 400);
  const part = await request.file();
  if (!part) return null;
  const fileName = part.filename || 'upload';
  const ext = path.extname(fileName).toLowerCase();
  const data = await part.toBuffer(); // throws 413 past the configured limit
  const expected = options.extensions.join(' / ');
  if (!options.extensions.includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE', 400, 'UNSUPPORTED_FILE', { params: { expected } });
  }
  if (ext === '.xlsx' && !ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError('UNSUPPORTED_FILE', 400, 'UNSUPPORTED_FILE', { params: { expected } });
  }
  return { fileName, data: new Uint8Array(data) };
}
