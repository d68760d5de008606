/**
 * Which IP addresses the bot may fetch from. Only public unicast addresses, unless the settings
 * (FETCH_ALLOW_PRIVATE) allow loopback, private or link-local ranges: a URL typed in chat must not
 * reach the bot's own machine, the office network or a cloud metadata service (169.254.169.254).
 * Multicast, broadcast, unspecified, reserved and the IPv6 tunnelling ranges (6to4, Teredo, NAT64),
 * which can hide any IPv4 address, are never fetched from, nor any IPv6 address outside global
 * unicast 2000::/3 (the deprecated IPv4-compatible [::7f00:1] among them). IPv4-mapped IPv6 addresses
 * (::ffff:127.0.0.1) are judged as the IPv4 address they carry.
 */
import ipaddr from 'ipaddr.js';

/** Address ranges that FETCH_ALLOW_PRIVATE can open. */
export const ADDRESS_CLASSES = ['loopback', 'private', 'link-local'] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

/** ipaddr.js range names, per class we can allow. */
const CLASS_RANGES: Record<AddressClass, readonly string[]> = {
  loopback: ['loopback'],
  private: ['private', 'uniqueLocal', 'carrierGradeNat'],
  'link-local': ['linkLocal'],
};

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

/** Whether the bot may connect to `address` (an IP literal); `allowed` opens the given classes. */
export function checkAddress(address: string, allowed: readonly AddressClass[] = []): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return { ok: false, reason: `"${address}" is not an IP address` };
  const ip = ipaddr.process(bare);
  const range = ip.range();
  // IPv6 "unicast" to ipaddr.js is anything unnamed; only 2000::/3 is global unicast. The rest
  // includes the deprecated IPv4-compatible ::/96 ([::7f00:1] is 127.0.0.1), never fetched from.
  if (range === 'unicast' && ip.kind() === 'ipv6' && ((ip as ipaddr.IPv6).parts[0] ?? 0) >> 13 !== 1) {
    const compatible = (ip as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0);
    return {
      ok: false,
      reason: compatible
        ? `${ip.toString()}, an IPv4-compatible IPv6 address (deprecated; it can hide any IPv4 address), which I never fetch from`
        : `${ip.toString()}, outside the global unicast range 2000::/3, which I never fetch from`,
    };
  }
  if (range === 'unicast') return { ok: true };
  for (const cls of allowed) if (CLASS_RANGES[cls].includes(range)) return { ok: true };
  const cls = ADDRESS_CLASSES.find((c) => CLASS_RANGES[c].includes(range));
  return {
    ok: false,
    reason: cls
      ? `${ip.toString()}, a ${cls} address, which I do not fetch from (FETCH_ALLOW_PRIVATE=${cls} allows it)`
      : `${ip.toString()}, a ${range} address, which I never fetch from`,
  };
}

/** The IP literal in a URL's host ("127.0.0.1", "[::1]"), or undefined for a host name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : undefined;
}
