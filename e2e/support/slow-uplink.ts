import { Transform, type Readable } from 'node:stream';

import {
  NodeHttpTransport,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../../main/engine/registry/transport/http.js';

/**
 * An {@link HttpTransport} that sends PATCH bodies at about `bytesPerSecond`, like a slow
 * uplink, and counts the bytes that left: for tests that need an upload to take a while
 * without relying on timing (the registry behind it is real or fake). Close it after use.
 */
export class SlowUplink implements HttpTransport {
  readonly inner = new NodeHttpTransport();
  patchedBytes = 0;

  constructor(private readonly bytesPerSecond: number) {}

  send(request: HttpRequest): Promise<HttpResponse> {
    const body = request.body;
    if (request.method !== 'PATCH' || body === undefined || Buffer.isBuffer(body)) {
      return this.inner.send(request);
    }
    const throttle = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        this.patchedBytes += chunk.length;
        setTimeout(() => done(null, chunk), (chunk.length / this.bytesPerSecond) * 1000);
      },
    });
    return this.inner.send({ ...request, body: (body as Readable).pipe(throttle) });
  }

  close(): void {
    this.inner.close();
  }
}
