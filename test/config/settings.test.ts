import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/config/settings.ts';

function settingsError(env: NodeJS.ProcessEnv): SettingsError {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings', () => {
  it('gives defaults for an empty environment', () => {
    expect(loadSettings({})).toEqual({
      CORPUS_DIR: 'corpus',
      CORPUS_WATCH: true,
      LOG_LEVEL: 'info',
      PORT: 3000,
      DISCORD_LISTEN_CHANNEL_IDS: [],
      DATA_DIR: 'data',
      DIGEST_TIME_ZONE: 'UTC',
      DIGEST_CATCH_UP_MINUTES: 60,
      ADMIN_USER_IDS: [],
      FEEDS: [],
      FEED_POLL_MINUTES: 15,
      FETCH_ALLOW_PRIVATE: [],
      FETCH_MAX_BYTES: 5 * 1024 * 1024,
      FETCH_TIMEOUT_MS: 15_000,
      FETCH_MAX_REDIRECTS: 5,
      RATE_LIMIT_USER_PER_MINUTE: 20,
      RATE_LIMIT_CHANNEL_PER_MINUTE: 60,
      MAX_CONCURRENT_ANSWERS: 4,
      MAX_QUEUED_ANSWERS: 100,
      THREAD_CONTEXT_MINUTES: 60,
      HEALTH_PORT: 9464,
      HEALTH_HOST: '127.0.0.1',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      WARMUP_QUESTIONS: 1000,
    });
  });

  it('reads how many questions the start-up warm-up asks, 0 for none, and says what is wrong', () => {
    expect(loadSettings({ WARMUP_QUESTIONS: '250' }).WARMUP_QUESTIONS).toBe(250);
    expect(loadSettings({ WARMUP_QUESTIONS: '0' }).WARMUP_QUESTIONS).toBe(0);
    expect(() => loadSettings({ WARMUP_QUESTIONS: 'lots' })).toThrow(
      /WARMUP_QUESTIONS: must be a number of questions/,
    );
    expect(() => loadSettings({ WARMUP_QUESTIONS: '-5' })).toThrow(/WARMUP_QUESTIONS: must be 0 or more/);
  });

  it('reads how long a thread is remembered for follow-ups, 0 for never, and says what is wrong', () => {
    expect(loadSettings({ THREAD_CONTEXT_MINUTES: '15' }).THREAD_CONTEXT_MINUTES).toBe(15);
    expect(loadSettings({ THREAD_CONTEXT_MINUTES: '0' }).THREAD_CONTEXT_MINUTES).toBe(0);
    expect(settingsError({ THREAD_CONTEXT_MINUTES: 'an hour' }).message).toMatch(
      /THREAD_CONTEXT_MINUTES: must be a number of minutes/,
    );
    expect(settingsError({ THREAD_CONTEXT_MINUTES: '-5' }).message).toMatch(
      /THREAD_CONTEXT_MINUTES: must be 0 or more/,
    );
  });

  it('reads the limits, the health port and the shutdown bound, and says what is wrong with them', () => {
    expect(
      loadSettings({
        RATE_LIMIT_USER_PER_MINUTE: '0',
        RATE_LIMIT_CHANNEL_PER_MINUTE: '120',
        MAX_CONCURRENT_ANSWERS: '8',
        MAX_QUEUED_ANSWERS: '0',
        HEALTH_PORT: '0',
        SHUTDOWN_TIMEOUT_MS: '2500',
      }),
    ).toMatchObject({
      RATE_LIMIT_USER_PER_MINUTE: 0,
      RATE_LIMIT_CHANNEL_PER_MINUTE: 120,
      MAX_CONCURRENT_ANSWERS: 8,
      MAX_QUEUED_ANSWERS: 0,
      HEALTH_PORT: 0,
      SHUTDOWN_TIMEOUT_MS: 2500,
    });
    const error = settingsError({
      RATE_LIMIT_USER_PER_MINUTE: 'lots',
      RATE_LIMIT_CHANNEL_PER_MINUTE: '-1',
      MAX_CONCURRENT_ANSWERS: '0',
      HEALTH_PORT: '70000',
      SHUTDOWN_TIMEOUT_MS: '1.5',
    });
    expect(error.message).toMatch(/RATE_LIMIT_USER_PER_MINUTE: must be a number of requests a minute/);
    expect(error.message).toMatch(/RATE_LIMIT_CHANNEL_PER_MINUTE: must be 0 or more/);
    expect(error.message).toMatch(/MAX_CONCURRENT_ANSWERS: must be at least 1/);
    expect(error.message).toMatch(/HEALTH_PORT: /);
    expect(error.message).toMatch(/SHUTDOWN_TIMEOUT_MS: must be a whole number of milliseconds/);
  });

  it('binds the health port to loopback unless HEALTH_HOST says otherwise', () => {
    expect(loadSettings({}).HEALTH_HOST).toBe('127.0.0.1');
    expect(loadSettings({ HEALTH_HOST: '0.0.0.0' }).HEALTH_HOST).toBe('0.0.0.0');
    expect(loadSettings({ HEALTH_HOST: '::' }).HEALTH_HOST).toBe('::');
    expect(loadSettings({ HEALTH_HOST: 'localhost' }).HEALTH_HOST).toBe('localhost');
    expect(settingsError({ HEALTH_HOST: 'http://0.0.0.0/' }).message).toMatch(
      /HEALTH_HOST: must be an IP address \(127\.0\.0\.1, 0\.0\.0\.0, ::\) or a host name/,
    );
  });

  it('treats empty strings as unset, as a copied .env.example has them', () => {
    const settings = loadSettings({
      CORPUS_DIR: '',
      LOG_LEVEL: '',
      PORT: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: '',
      DISCORD_TOKEN: '',
      DISCORD_LISTEN_CHANNEL_IDS: '',
    });
    expect(settings).toEqual(loadSettings({}));
    expect(settings.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('treats whitespace-only secrets as unset and trims the others', () => {
    const settings = loadSettings({
      SLACK_BOT_TOKEN: '  xoxb-123  ',
      DISCORD_TOKEN: '   ',
      SLACK_SIGNING_SECRET: ' s ',
    });
    expect(settings.SLACK_BOT_TOKEN).toBe('xoxb-123');
    expect(settings.DISCORD_TOKEN).toBeUndefined();
    expect(settings.SLACK_SIGNING_SECRET).toBe('s');
  });

  it('reads the values it is given and ignores unrelated variables', () => {
    const settings = loadSettings({
      CORPUS_DIR: 'data/news',
      LOG_LEVEL: 'debug',
      PORT: '8080',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://localhost:9999/api/',
      PATH: '/usr/bin',
      HOME: '/root',
    });
    expect(settings).toMatchObject({
      CORPUS_DIR: 'data/news',
      LOG_LEVEL: 'debug',
      PORT: 8080,
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://localhost:9999/api/',
    });
    expect(settings).not.toHaveProperty('PATH');
  });

  it('splits DISCORD_LISTEN_CHANNEL_IDS on commas, dropping blanks', () => {
    expect(
      loadSettings({ DISCORD_LISTEN_CHANNEL_IDS: ' 123, 456 ,,789, ' }).DISCORD_LISTEN_CHANNEL_IDS,
    ).toEqual(['123', '456', '789']);
    expect(loadSettings({ DISCORD_LISTEN_CHANNEL_IDS: '42' }).DISCORD_LISTEN_CHANNEL_IDS).toEqual(['42']);
  });

  it('reads DISCORD_SHARDS and DISCORD_SHARD_COUNT, and says what is wrong with them', () => {
    expect(loadSettings({}).DISCORD_SHARDS).toBeUndefined();
    expect(loadSettings({ DISCORD_SHARDS: ' 1, 0,1 ', DISCORD_SHARD_COUNT: '4' })).toMatchObject({
      DISCORD_SHARDS: [0, 1],
      DISCORD_SHARD_COUNT: 4,
    });
    expect(loadSettings({ DISCORD_SHARD_COUNT: '2' }).DISCORD_SHARDS).toBeUndefined();
    expect(settingsError({ DISCORD_SHARDS: '0,1' }).message).toMatch(
      /DISCORD_SHARDS: needs DISCORD_SHARD_COUNT too/,
    );
    expect(settingsError({ DISCORD_SHARDS: '0,2', DISCORD_SHARD_COUNT: '2' }).message).toMatch(
      /DISCORD_SHARDS: shard numbers count from 0 and must be below DISCORD_SHARD_COUNT/,
    );
    expect(settingsError({ DISCORD_SHARDS: 'one', DISCORD_SHARD_COUNT: '2' }).message).toMatch(
      /DISCORD_SHARDS: must be shard numbers, comma-separated/,
    );
    expect(settingsError({ DISCORD_SHARD_COUNT: '0' }).message).toMatch(
      /DISCORD_SHARD_COUNT: must be at least 1/,
    );
  });

  it('rejects a Slack bot token with the wrong prefix, naming the field and what to fix', () => {
    const error = settingsError({ SLACK_BOT_TOKEN: 'xoxp-user-token' });
    expect(error.code).toBe('INVALID_SETTINGS');
    expect(error.message).toMatch(/SLACK_BOT_TOKEN: must start with "xoxb-"/);
    expect(error.message).not.toContain('xoxp-user-token');
  });

  it('lists every invalid setting in one error', () => {
    const error = settingsError({
      SLACK_APP_TOKEN: 'bad',
      PORT: '70000',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'not a url',
    });
    for (const field of ['SLACK_APP_TOKEN', 'PORT', 'LOG_LEVEL', 'SLACK_API_URL'])
      expect(error.message).toContain(`  ${field}: `);
    expect(error.message.split('\n')[0]).toMatch(/Invalid settings/);
  });

  it('takes the OAuth settings of a distributed Slack app together, in the HTTP mode, without a bot token', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
      SLACK_SIGNING_SECRET: 'signing',
    };
    expect(loadSettings(oauth)).toMatchObject({ SLACK_CLIENT_ID: '123.456' });
    expect(settingsError({ SLACK_CLIENT_ID: '123.456', SLACK_SIGNING_SECRET: 's' }).message).toMatch(
      /SLACK_CLIENT_SECRET: is needed[\s\S]*SLACK_STATE_SECRET: is needed/,
    );
    expect(settingsError({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }).message).toMatch(
      /SLACK_BOT_TOKEN: must be unset with SLACK_CLIENT_ID/,
    );
    expect(settingsError({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }).message).toMatch(
      /SLACK_APP_TOKEN: must be unset with SLACK_CLIENT_ID/,
    );
    expect(settingsError({ ...oauth, SLACK_SIGNING_SECRET: '' }).message).toMatch(
      /SLACK_SIGNING_SECRET: is needed with SLACK_CLIENT_ID/,
    );
    expect(settingsError({ ...oauth, SLACK_STATE_SECRET: 'short' }).message).toMatch(
      /SLACK_STATE_SECRET: must be at least 16 characters/,
    );
  });

  it.each(['abc', '-1', '3.5'])('rejects PORT=%s', (port) => {
    expect(settingsError({ PORT: port }).message).toContain('PORT');
  });

  // BUG: only exact '' counts as unset; PORT="  " passes z.coerce.number as Number("  ") === 0, so
  // a blank-looking PORT silently becomes port 0 (a random port) instead of the default 3000.
  it('reads DATABASE_URL and REDIS_URL for several instances, and says what is wrong with them', () => {
    expect(loadSettings({}).DATABASE_URL).toBeUndefined();
    const both = loadSettings({
      DATABASE_URL: 'postgres://bot:pw@db.internal:5432/newsbot',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(both).toMatchObject({
      DATABASE_URL: 'postgres://bot:pw@db.internal:5432/newsbot',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(settingsError({ DATABASE_URL: 'mysql://db/newsbot' }).message).toMatch(
      /DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//,
    );
    expect(settingsError({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'http://x' }).message).toMatch(
      /REDIS_URL: must be a Redis URL/,
    );
    expect(settingsError({ REDIS_URL: 'redis://127.0.0.1:6379' }).message).toMatch(
      /REDIS_URL: needs DATABASE_URL too/,
    );
  });

  it('treats a whitespace-only PORT as unset (fixed)', () => {
    expect(loadSettings({ PORT: '  ' }).PORT).toBe(3000);
  });
});
