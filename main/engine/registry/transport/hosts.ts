const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * True for hosts on this machine (`host` or `host:port`, IPv6 in brackets): plain HTTP is
 * allowed there without asking, and proxies are bypassed.
 */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : hostPort.split(':')[0]!;
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `host` as sockets take it: an IPv6 address without its brackets. */
export function unbracket(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

/** The host name of `url` as sockets take it: IPv6 addresses without their brackets. */
export function socketHost(url: URL): string {
  return unbracket(url.hostname);
}

/** `host:port`, with an IPv6 address in brackets (Go's net.JoinHostPort). */
export function joinHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
