import os from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccordError } from '../core/errors.ts';

/** Methods a cross-site page must never make the user's browser send with effect. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Names that always reach this machine only. */
const loopbackNames = ['localhost', '127.0.0.1', '::1'];

export function isAllInterfaces(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

export function isLoopback(host: string): boolean {
  return loopbackNames.includes(normalizeHostName(host)) || /^127\./.test(host);
}

/**
 * The host names a server bound to `bindHost` answers for: the bound address and localhost, and when it
 * listens on every interface, this machine's name and addresses too. `extra` comes from
 * ACCORD_ALLOWED_HOSTS (the names a proxy or DNS gives the server); `*` there turns the check off.
 */
export function allowedHostsFor(bindHost: string, extra: string[] = []): string[] {
  const hosts = new Set([...loopbackNames, normalizeHostName(bindHost)]);
  if (isAllInterfaces(bindHost)) {
    hosts.delete(normalizeHostName(bindHost));
    hosts.add(os.hostname().toLowerCase());
    for (const addresses of Object.values(os.networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(normalizeHostName(address.address));
    }
  }
  // A name given with its port (accord.example.org:8443) is matched by name, as the Host header is.
  for (const name of extra) hosts.add(hostNameOf(name) ?? normalizeHostName(name));
  return [...hosts];
}

/** `ACCORD_ALLOWED_HOSTS`: host names separated by commas. */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function normalizeHostName(name: string): string {
  return name.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/** The host name of a Host header, without its port; null when the header is not a plain host[:port]. */
function hostNameOf(header: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.exec(header);
  return match ? normalizeHostName(match[1]!) : null;
}

/**
 * Refuses what a hostile page in the user's browser could make Accord do:
 * - requests whose Host is not a name this server answers for (a DNS-rebinding page reaches 127.0.0.1
 *   under its own name, and would otherwise read and write as if it were the workspace);
 * - writes sent from another site: a browser names the page's origin in `Origin` (and says `cross-site`
 *   in `Sec-Fetch-Site`) on every cross-site write, which no page can forge. Clients that are not browsers
 *   send neither and are let through; what keeps a cross-site form from posting at all is that writes
 *   accept only content types such a form cannot send.
 */
export function registerRequestGuard(app: FastifyInstance, allowedHosts: string[]): void {
  const allowAny = allowedHosts.includes('*');
  const allowed = new Set(allowedHosts.map(normalizeHostName));
  const listed = allowedHosts.join(', ');
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const host = request.headers.host ?? '';
    const hostName = hostNameOf(host);
    if (!allowAny && (hostName === null || !allowed.has(hostName))) {
      throw new AccordError(
        'FORBIDDEN',
        `this server does not answer for the host "${host.slice(0, 100)}"; it answers for ${listed} (add names with ACCORD_ALLOWED_HOSTS)`,
        { problems: [{ path: 'headers.host', message: 'not a host name this server answers for' }] },
      );
    }
    if (safeMethods.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const from = origin === 'null' ? null : authorityOf(origin);
      if (from === null || from !== host.toLowerCase()) {
        throw new AccordError(
          'FORBIDDEN',
          `a page of another site (${origin.slice(0, 100)}) may not change Accord's data; open Accord itself to do it`,
          { problems: [{ path: 'headers.origin', message: 'a write must come from a page of this server' }] },
        );
      }
      return;
    }
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      throw new AccordError('FORBIDDEN', "a page of another site may not change Accord's data", {
        problems: [{ path: 'headers.sec-fetch-site', message: 'a write must come from a page of this server' }],
      });
    }
  });
}

/** An origin's host and port as a Host header writes them, e.g. `127.0.0.1:3000`. */
function authorityOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
