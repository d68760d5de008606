import { describe, expect, it } from 'vitest';
import { checkAddress, ipLiteral } from '../../src/ingest/addressPolicy.ts';
import { isAdmin, parseAdminList } from '../../src/ingest/admins.ts';

describe('checkAddress', () => {
  it('allows public unicast addresses, v4 and v6', () => {
    expect(checkAddress('93.184.216.34').ok).toBe(true);
    expect(checkAddress('2606:2800:220:1:248:1893:25c8:1946').ok).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
  ])('refuses %s (%s) unless that range is allowed', (address, cls) => {
    const refused = checkAddress(address);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain(`FETCH_ALLOW_PRIVATE=${cls}`);
    expect(checkAddress(address, [cls as 'loopback']).ok).toBe(true);
  });

  it('never allows multicast, broadcast, unspecified or tunnelled addresses', () => {
    const all = ['loopback', 'private', 'link-local'] as const;
    for (const a of [
      '224.0.0.1',
      'ff02::1',
      '255.255.255.255',
      '0.0.0.0',
      '::',
      '2002:7f00:1::1',
      '64:ff9b::7f00:1',
      '::7f00:1', // IPv4-compatible: 127.0.0.1
      '::a9fe:a9fe', // IPv4-compatible: 169.254.169.254
      '::808:808', // IPv4-compatible: 8.8.8.8
      '100::1', // discard-only
      'fec0::1', // deprecated site-local
    ])
      expect(checkAddress(a, all).ok, a).toBe(false);
  });

  it('names an IPv4-compatible IPv6 address as such', () => {
    expect(checkAddress('[::7f00:1]', ['loopback', 'private', 'link-local'])).toEqual({
      ok: false,
      reason: expect.stringMatching(/^::7f00:1, an IPv4-compatible IPv6 address/),
    });
    expect(checkAddress('2001:4860:4860::8888').ok).toBe(true);
  });

  it('recognises IP literals in URL hosts', () => {
    expect(ipLiteral('[::1]')).toBe('::1');
    expect(ipLiteral('127.0.0.1')).toBe('127.0.0.1');
    expect(ipLiteral('example.com')).toBeUndefined();
  });
});

describe('ADMIN_USER_IDS', () => {
  it('parses platform:user entries and says which entry is wrong', () => {
    expect(parseAdminList('slack:U1, discord:42 ,console:*')).toEqual({
      ok: true,
      admins: [
        { platform: 'slack', userId: 'U1' },
        { platform: 'discord', userId: '42' },
        { platform: 'console', userId: '*' },
      ],
    });
    const bad = parseAdminList('slack:U1,U2');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/"U2" is not platform:user/);
  });

  it('admits listed users, platform wildcards, and the console unless console users are listed', () => {
    const admins = [
      { platform: 'slack', userId: 'U1' },
      { platform: 'discord', userId: '*' },
    ];
    expect(isAdmin(admins, { platform: 'slack', userId: 'U1' })).toBe(true);
    expect(isAdmin(admins, { platform: 'slack', userId: 'U2' })).toBe(false);
    expect(isAdmin(admins, { platform: 'discord', userId: 'anyone' })).toBe(true);
    expect(isAdmin(admins, { platform: 'console', userId: 'console' })).toBe(true);
    expect(
      isAdmin([{ platform: 'console', userId: 'ops' }], { platform: 'console', userId: 'console' }),
    ).toBe(false);
    expect(isAdmin(admins, {})).toBe(false);
  });

  it('holds an entry that names a workspace or server in that one only; plain entries everywhere', () => {
    const parsed = parseAdminList('slack:T1:U1, slack:T2:*, discord:900:42, slack:U9');
    expect(parsed).toEqual({
      ok: true,
      admins: [
        { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
        { platform: 'slack', workspaceId: 'T2', userId: '*' },
        { platform: 'discord', workspaceId: '900', userId: '42' },
        { platform: 'slack', userId: 'U9' },
      ],
    });
    if (!parsed.ok) return;
    const { admins } = parsed;
    expect(isAdmin(admins, { platform: 'slack', workspaceId: 'T1', userId: 'U1' })).toBe(true);
    expect(isAdmin(admins, { platform: 'slack', workspaceId: 'T3', userId: 'U1' })).toBe(false);
    expect(isAdmin(admins, { platform: 'slack', userId: 'U1' })).toBe(false);
    expect(isAdmin(admins, { platform: 'slack', workspaceId: 'T2', userId: 'anyone' })).toBe(true);
    expect(isAdmin(admins, { platform: 'slack', workspaceId: 'T1', userId: 'anyone' })).toBe(false);
    expect(isAdmin(admins, { platform: 'discord', workspaceId: '900', userId: '42' })).toBe(true);
    expect(isAdmin(admins, { platform: 'discord', workspaceId: '901', userId: '42' })).toBe(false);
    expect(isAdmin(admins, { platform: 'slack', workspaceId: 'T7', userId: 'U9' })).toBe(true);
    expect(parseAdminList('slack:T1:U1:X').ok).toBe(false);
  });
});
