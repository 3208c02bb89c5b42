import net, { isIPv4, isIPv6 } from 'node:net';
import type { ErrorCode } from '../../../../../shared/error-codes.js';
import { SifportError } from '../../../errors.js';
import { registerSecret } from '../../../redact.js';
import { joinHostPort, socketHost } from '../hosts.js';
import { proxyPort } from './settings.js';

/** How long a SOCKS proxy may take to open a connection before we give up on it. */
const HANDSHAKE_TIMEOUT_MS = 30_000;

/** SOCKS5 replies (RFC 1928 §6) in words, and whether trying again later may help. */
const REPLIES: Record<number, readonly [string, boolean]> = {
  1: ['failed (general SOCKS server failure)', true],
  2: ['is not allowed to by its rules', false],
  3: ['reports the network unreachable', true],
  4: ['reports the host unreachable', true],
  5: ['was refused the connection', false],
  6: ['timed out (TTL expired)', true],
  7: ['does not support CONNECT', false],
  8: ['does not support this address type', false],
};

/** The 16 bytes of an IPv6 address (which may end in dotted IPv4). */
function ipv6Bytes(address: string): Buffer {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

/** The SOCKS5 address of `host`: IPv4, IPv6, or a name the proxy resolves (as Go does). */
function encodeAddress(host: string): Buffer {
  if (isIPv4(host)) return Buffer.from([1, ...host.split('.').map(Number)]);
  if (isIPv6(host)) return Buffer.concat([Buffer.from([4]), ipv6Bytes(host)]);
  const name = Buffer.from(host, 'utf8');
  if (name.length > 255) {
    throw new SifportError('NAME_INVALID', `The host name ${host.slice(0, 40)}… is too long.`);
  }
  return Buffer.concat([Buffer.from([3, name.length]), name]);
}

/** RFC 1929 username/password request, or an error when a part is over 255 bytes. */
function loginRequest(proxy: URL): Buffer {
  const user = Buffer.from(decodeURIComponent(proxy.username), 'utf8');
  const pass = Buffer.from(decodeURIComponent(proxy.password), 'utf8');
  if (user.length > 255 || pass.length > 255) {
    throw new SifportError(
      'CONFIG_INVALID',
      `The login in the SOCKS proxy setting for ${proxy.host} is too long (255 bytes at most each).`,
    );
  }
  return Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]);
}

/** Bytes in a CONNECT reply, once its first five are known; 0 for an unknown address type. */
function replyLength(head: Buffer): number {
  const type = head[3];
  if (type === 1) return 4 + 4 + 2;
  if (type === 4) return 4 + 16 + 2;
  if (type === 3) return 4 + 1 + head[4]! + 2;
  return 0;
}

/**
 * Opens a TCP connection to `host:port` through a SOCKS5 proxy (RFC 1928), with the
 * username/password login of RFC 1929 when the proxy URL carries one (`socks5://USER:PASS@…`).
 * Host names are resolved by the proxy, as apptainer does: `socks5://` and `socks5h://` behave
 * the same. Resolves with the connected socket; fails with a SifportError that names the
 * proxy (AUTH_REQUIRED for a login problem, NETWORK otherwise), never with the password.
 */
export function socksConnect(
  proxy: URL,
  host: string,
  port: number,
  timeoutMs = HANDSHAKE_TIMEOUT_MS,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const hasLogin = proxy.username !== '';
    if (hasLogin) registerSecret(decodeURIComponent(proxy.password));
    const target = joinHostPort(host, port);
    let connectRequest: Buffer;
    let login: Buffer | undefined;
    try {
      const address = encodeAddress(host);
      connectRequest = Buffer.concat([
        Buffer.from([5, 1, 0]),
        address,
        Buffer.from([port >> 8, port & 0xff]),
      ]);
      login = hasLogin ? loginRequest(proxy) : undefined;
    } catch (error) {
      reject(error);
      return;
    }

    const socket = net.connect({ host: socketHost(proxy), port: proxyPort(proxy) });
    let stage: 'method' | 'login' | 'connect' = 'method';
    let received = Buffer.alloc(0);
    let settled = false;

    const fail = (
      message: string,
      code: ErrorCode = 'NETWORK',
      retryable = true,
      cause?: unknown,
    ): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new SifportError(code, message, { retryable, ...(cause ? { cause } : {}) }));
    };
    const proxyName = `The SOCKS proxy ${proxy.host}`;

    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      if (stage === 'method') {
        if (received.length < 2) return;
        const [version, method] = received;
        received = received.subarray(2);
        if (version !== 5) {
          fail(`${proxyName} does not speak SOCKS5; check the proxy setting.`);
          return;
        }
        if (method === 0) {
          stage = 'connect';
          socket.write(connectRequest);
        } else if (method === 2 && login) {
          stage = 'login';
          socket.write(login);
        } else if (method === 2 || method === 0xff) {
          fail(
            hasLogin
              ? `${proxyName} accepts none of the login methods offered.`
              : `${proxyName} wants a login. Put it in the proxy setting: socks5://USER:PASSWORD@${proxy.host}.`,
            'AUTH_REQUIRED',
            false,
          );
          return;
        } else {
          fail(`${proxyName} chose a login method Sifport does not offer (${String(method)}).`);
          return;
        }
      }
      if (stage === 'login') {
        if (received.length < 2) return;
        const status = received[1];
        received = received.subarray(2);
        if (status !== 0) {
          fail(`${proxyName} rejected the login in the proxy setting.`, 'AUTH_REQUIRED', false);
          return;
        }
        stage = 'connect';
        socket.write(connectRequest);
      }
      if (stage === 'connect') {
        if (received.length < 5) return;
        if (received[0] !== 5) {
          fail(`${proxyName} sent an answer that is not SOCKS5; check the proxy setting.`);
          return;
        }
        const reply = received[1]!;
        if (reply !== 0) {
          const [words, retryable] = REPLIES[reply] ?? [`refused (reply ${reply})`, false];
          fail(
            `${proxyName} ${words} to ${target}. Check the proxy, or list the registry in NO_PROXY to connect directly.`,
            'NETWORK',
            retryable,
          );
          return;
        }
        const length = replyLength(received);
        if (length === 0) {
          fail(`${proxyName} sent an answer with an unknown address type.`);
          return;
        }
        if (received.length < length) return;
        settled = true;
        socket.off('data', onData);
        socket.setTimeout(0);
        socket.removeListener('error', onError);
        socket.removeListener('close', onClose);
        const rest = received.subarray(length);
        if (rest.length > 0) socket.unshift(rest);
        resolve(socket);
      }
    };
    const onError = (err: NodeJS.ErrnoException): void =>
      fail(
        `Cannot reach the SOCKS proxy ${proxy.host}: ${err.code ?? err.message}.`,
        'NETWORK',
        true,
        err,
      );
    const onClose = (): void => fail(`${proxyName} closed the connection while opening ${target}.`);

    socket.setTimeout(timeoutMs, () =>
      fail(`${proxyName} did not open ${target} within ${timeoutMs / 1000} s.`),
    );
    socket.once('connect', () => socket.write(Buffer.from(login ? [5, 2, 0, 2] : [5, 1, 0])));
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}
