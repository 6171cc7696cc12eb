import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * The local addresses listening on TCP `port` (as `ss -ltn` shows them: `127.0.0.1`,
 * `[::ffff:127.0.0.1]`, `0.0.0.0`, `*`, `[::]`…), IPv4 and IPv6.
 *
 * @example expect(listeningAddresses(3000)).toEqual(['127.0.0.1']);
 */
export function listeningAddresses(port: number): string[] {
  const out = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[3]!)
    .map((local) => local.slice(0, local.lastIndexOf(':')));
}

/** Whether every address of `listeningAddresses` is a loopback one (and there is one). */
export const loopbackOnly = (addresses: string[]): boolean =>
  addresses.length > 0 &&
  addresses.every((a) => /^(127\.\d+\.\d+\.\d+|\[::1\]|\[::ffff:127\.\d+\.\d+\.\d+\])$/.test(a));

/** This machine's addresses other than loopback (e.g. `192.0.2.2`), IPv4 first. */
export function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && !i.address.startsWith('fe80:'))
    .sort((a, b) => (a!.family === b!.family ? 0 : a!.family === 'IPv4' ? -1 : 1))
    .map((i) => i!.address);
}

/** Whether a TCP connection to `host:port` is accepted (within 2 s). */
export function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
