import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.ts';

function error(env: Record<string, string>): string {
  try {
    loadSettings(env);
  } catch (e) {
    if (e instanceof SettingsError) return e.message;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

describe('settings for growing the archive', () => {
  it('reads admins, feeds, address ranges and fetch limits', () => {
    expect(
      loadSettings({
        ADMIN_USER_IDS: 'slack:U0123ABC, discord:42',
        FEEDS: 'https://a.example/feed.xml, https://b.example/atom https://a.example/feed.xml',
        FEED_POLL_MINUTES: '5',
        FETCH_ALLOW_PRIVATE: 'loopback,private',
        FETCH_MAX_BYTES: '1048576',
        FETCH_TIMEOUT_MS: '5000',
        FETCH_MAX_REDIRECTS: '0',
      }),
    ).toMatchObject({
      ADMIN_USER_IDS: [
        { platform: 'slack', userId: 'U0123ABC' },
        { platform: 'discord', userId: '42' },
      ],
      FEEDS: ['https://a.example/feed.xml', 'https://b.example/atom'],
      FEED_POLL_MINUTES: 5,
      FETCH_ALLOW_PRIVATE: ['loopback', 'private'],
      FETCH_MAX_BYTES: 1048576,
      FETCH_TIMEOUT_MS: 5000,
      FETCH_MAX_REDIRECTS: 0,
    });
    expect(loadSettings({ FETCH_ALLOW_PRIVATE: 'all' }).FETCH_ALLOW_PRIVATE).toEqual([
      'loopback',
      'private',
      'link-local',
    ]);
  });

  it('says which value is wrong and how to write it', () => {
    const message = error({
      ADMIN_USER_IDS: 'U0123ABC',
      FEEDS: 'ftp://a.example/feed',
      FEED_POLL_MINUTES: '0',
      FETCH_ALLOW_PRIVATE: 'intranet',
      FETCH_MAX_BYTES: 'lots',
    });
    expect(message).toMatch(/ADMIN_USER_IDS: "U0123ABC" is not platform:user/);
    expect(message).toMatch(/FEEDS: "ftp:\/\/a\.example\/feed" is not an http\(s\) URL/);
    expect(message).toMatch(/FEED_POLL_MINUTES: must be at least 1/);
    expect(message).toMatch(
      /FETCH_ALLOW_PRIVATE: "intranet" is not an address range: use loopback, private, link-local/,
    );
    expect(message).toMatch(/FETCH_MAX_BYTES: must be a number of bytes/);
  });
});
