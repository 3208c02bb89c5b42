import { createServer } from 'node:net';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1 by binding port 0, reading the port and
 * closing the socket again. Another process may grab the port before the caller binds it, so
 * callers that hand the port to a child process should retry on "address already in use".
 */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a loopback socket'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}
