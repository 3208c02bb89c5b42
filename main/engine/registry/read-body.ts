import { SifportError } from '../errors.js';
import type { HttpResponse } from './transport/http.js';

/**
 * Reads a response body as the exact bytes received, refusing more than `limit` bytes.
 * Manifests need this rather than `text()`: their digest is over the bytes on the wire, and
 * decoding to a string and back would replace a byte that is not UTF-8 and change it.
 */
export async function readBodyBytes(res: HttpResponse, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      res.body.destroy();
      throw new SifportError(
        'TOO_LARGE',
        `Response from ${res.url.host} is larger than ${limit} bytes; refusing to read it.`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
