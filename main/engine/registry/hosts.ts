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

/** The host name of `url` as sockets take it: IPv6 addresses without their brackets. */
export function socketHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
