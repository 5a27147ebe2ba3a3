import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';

/**
 * Where the bot may send requests (docs/reliability.md, "No open relay"). Teams names the address
 * to answer at (`serviceUrl`) in each activity, so an address is only contacted after these checks:
 * link-local and cloud metadata addresses never, by name or after DNS resolution; without an app id
 * (no token to prove where an activity came from) only loopback, or an origin an operator listed.
 */

const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'metadata.azure.internal']);

function ipv4(address: string): number[] | undefined {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)
    ? parts
    : undefined;
}

/** The IPv4 address an IPv6 literal maps (::ffff:a.b.c.d), or the address itself. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m?.[1] ?? address;
}

/** Link-local (169.254/16, fe80::/10), cloud metadata (169.254.169.254, fd00:ec2::254) or unspecified. */
export function isForbiddenAddress(raw: string): boolean {
  const address = unmapped(raw.replace(/^\[|\]$/g, '').toLowerCase());
  const v4 = ipv4(address);
  if (v4) return (v4[0] === 169 && v4[1] === 254) || v4.every((n) => n === 0);
  if (isIP(address) !== 6) return false;
  return /^fe[89ab][0-9a-f]:/.test(address) || address === 'fd00:ec2::254' || address === '::';
}

export function isLoopbackAddress(raw: string): boolean {
  const address = unmapped(raw.replace(/^\[|\]$/g, '').toLowerCase());
  const v4 = ipv4(address);
  if (v4) return v4[0] === 127;
  return address === '::1';
}

/** A host name or literal the bot must never contact. */
export function isForbiddenHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return METADATA_NAMES.has(host) || isForbiddenAddress(host);
}

export type ServiceUrlVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether an inbound activity's serviceUrl may be answered at. `authenticated`: its token named it
 * (botbuilder checks the claim), so only the never-list applies. Otherwise loopback or `allowed`.
 */
export function checkServiceUrl(
  serviceUrl: string,
  options: { authenticated: boolean; allowed?: readonly string[] },
): ServiceUrlVerdict {
  if (!URL.canParse(serviceUrl)) return { ok: false, reason: 'not a URL' };
  const url = new URL(serviceUrl);
  if (!/^https?:$/.test(url.protocol)) return { ok: false, reason: 'not http(s)' };
  if (isForbiddenHost(url.hostname)) return { ok: false, reason: 'link-local or metadata address' };
  if (options.authenticated) return { ok: true };
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || isLoopbackAddress(host)) return { ok: true };
  if (options.allowed?.includes(url.origin)) return { ok: true };
  return { ok: false, reason: 'not loopback and not in TEAMS_ALLOWED_SERVICE_URLS (no MicrosoftAppId)' };
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses names resolving to a forbidden address (a DNS name cannot smuggle one in). */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) {
      callback(err, '');
      return;
    }
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isForbiddenAddress(a.address));
    if (bad) {
      const refused = Object.assign(new Error(`refusing to contact ${hostname}: a link-local address`), {
        code: 'EGRESS_FORBIDDEN',
      });
      callback(refused, '');
      return;
    }
    if ((options as { all?: boolean }).all) callback(null, list);
    else callback(null, list[0]?.address ?? '', list[0]?.family);
  });
}

/** Keep-alive agents whose connections go through `guardedLookup`. */
export const guardedAgents = {
  http: new HttpAgent({ keepAlive: true, lookup: guardedLookup as never }),
  https: new HttpsAgent({ keepAlive: true, lookup: guardedLookup as never }),
};
