/** Settings from the environment (and .env), validated once at start-up with messages that say what to fix. */
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_WARMUP_QUESTIONS } from '../core/warmUp.ts';
import { canonicalTimeZone } from '../digest/zonedTime.ts';
import { archiveSettings } from '../ingest/archiveSettings.ts';
import { CodedError } from '../ops/errors.ts';

const optionalSecret = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** A whole number, 0 or more, of `what`. */
function wholeNumber(what: string) {
  return z.coerce
    .number(`must be a number of ${what}`)
    .int(`must be a whole number of ${what}`)
    .min(0, 'must be 0 or more');
}

export const settingsSchema = z
  .object({
    CORPUS_DIR: z.string().trim().min(1).default('corpus'),
    /** Re-index the corpus a moment after its files change, without a restart. */
    CORPUS_WATCH: z.stringbool({ error: 'must be true or false' }).default(true),
    /** Where built indexes are saved for a fast start; default: DATA_DIR/index; "off": never saved. */
    INDEX_CACHE_DIR: z.string().trim().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SLACK_BOT_TOKEN: optionalSecret.refine(
      (t) => t === undefined || t.startsWith('xoxb-'),
      'must start with "xoxb-" (the Bot User OAuth Token)',
    ),
    SLACK_SIGNING_SECRET: optionalSecret,
    SLACK_APP_TOKEN: optionalSecret.refine(
      (t) => t === undefined || t.startsWith('xapp-'),
      'must start with "xapp-" (an app-level token with connections:write)',
    ),
    SLACK_API_URL: z.url('must be a full URL such as https://slack.com/api/').optional(),
    /**
     * A distributed Slack app, installed in many workspaces through /slack/install (OAuth): the
     * app's Client ID and Client Secret (Basic Information), and a secret of your own that signs
     * the OAuth state. Replaces SLACK_BOT_TOKEN; needs the HTTP mode (SLACK_SIGNING_SECRET).
     */
    SLACK_CLIENT_ID: optionalSecret,
    SLACK_CLIENT_SECRET: optionalSecret,
    SLACK_STATE_SECRET: optionalSecret.refine(
      (t) => t === undefined || t.length >= 16,
      'must be at least 16 characters (a long random string, e.g. openssl rand -hex 32)',
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DISCORD_TOKEN: optionalSecret,
    DISCORD_APPLICATION_ID: optionalSecret,
    DISCORD_GUILD_ID: optionalSecret,
    DISCORD_API_URL: z.url('must be a full URL such as https://discord.com/api').optional(),
    /** Channels where plain messages are answered without a mention (needs the Message Content intent). */
    DISCORD_LISTEN_CHANNEL_IDS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    /**
     * The gateway shards this instance runs ("0,1"); needs DISCORD_SHARD_COUNT. Unset with a count and
     * DATABASE_URL: instances share the shards out among themselves (adapters/discord/shardClaims.ts).
     */
    DISCORD_SHARDS: z
      .string()
      .trim()
      .transform((s, ctx) => {
        const parts = s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        const ids = parts.map(Number);
        if (parts.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 0)) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be shard numbers, comma-separated, such as 0,1 (counted from 0)',
          });
          return z.NEVER;
        }
        return [...new Set(ids)].sort((a, b) => a - b);
      })
      .optional(),
    /** How many gateway shards the bot runs in all, across every instance. */
    DISCORD_SHARD_COUNT: z.coerce
      .number('must be a number of shards')
      .int('must be a whole number of shards')
      .min(1, 'must be at least 1')
      .optional(),
    /**
     * PostgreSQL for state shared by several bot instances (subscriptions, digest runs, the archive's
     * URLs and feeds, event leases, rate limits); unset: SQLite in DATA_DIR, one instance.
     */
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/newsbot',
      })
      .optional(),
    /** Redis for the short-lived shared keys (event leases, rate limits); unset: PostgreSQL holds them. Needs DATABASE_URL. */
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a Redis URL such as redis://127.0.0.1:6379' })
      .optional(),
    /** Where the bot keeps its state (digest subscriptions and runs, in state.sqlite); created on first start. */
    DATA_DIR: z.string().trim().min(1).default('data'),
    /** Time zone of digest schedules typed without one. */
    DIGEST_TIME_ZONE: z
      .string()
      .trim()
      .default('UTC')
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (canonical) return canonical;
        ctx.addIssue({
          code: 'custom',
          message: `"${zone}" is not a time zone: use an IANA name such as Europe/London or UTC`,
        });
        return z.NEVER;
      }),
    /** A digest slot missed while the bot was down is still posted this late; older ones are skipped. */
    DIGEST_CATCH_UP_MINUTES: z.coerce
      .number('must be a number of minutes')
      .int('must be a whole number of minutes')
      .min(0, 'must be 0 or more')
      .default(60),
    /** Subscriptions declared in configuration: a YAML file's path, or a JSON list inline. */
    DIGEST_SUBSCRIPTIONS: optionalSecret,
    /** Growing the archive: /ingest, FEEDS and the limits on fetches (src/ingest/archiveSettings.ts). */
    ...archiveSettings,
    /** Requests per minute one user may make in Slack or Discord (a burst of this many, then steady); 0: no limit. */
    RATE_LIMIT_USER_PER_MINUTE: wholeNumber('requests a minute').default(20),
    /** Requests per minute answered in one channel, whoever asks; 0: no limit. */
    RATE_LIMIT_CHANNEL_PER_MINUTE: wholeNumber('requests a minute').default(60),
    /**
     * Minutes of silence after which a conversation's context (the names follow-up questions lean
     * on) is forgotten; 0: no follow-ups, every question stands alone.
     */
    THREAD_CONTEXT_MINUTES: wholeNumber('minutes').default(60),
    /** Answers worked on at once. */
    MAX_CONCURRENT_ANSWERS: wholeNumber('answers').min(1, 'must be at least 1').default(4),
    /** Answers waiting for a turn; more than this get a "busy" reply. */
    MAX_QUEUED_ANSWERS: wholeNumber('answers').default(100),
    /** Port of /healthz, /readyz and /metrics while Slack or Discord runs; 0 picks a free one. */
    HEALTH_PORT: z.coerce
      .number('must be a port number')
      .int('must be a port number')
      .min(0)
      .max(65535)
      .default(9464),
    /**
     * Address the health port listens on. Loopback by default: /metrics tells anyone who can reach
     * it about the bot's traffic, and on a laptop or a shared host nothing outside needs it. In a
     * container, where probes and scrapers come from outside, set 0.0.0.0 (or ::).
     */
    HEALTH_HOST: z
      .string()
      .trim()
      .refine((value) => isIP(value) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(value), {
        message: 'must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name',
      })
      .default('127.0.0.1'),
    /** On SIGTERM or SIGINT, how long to finish answers and digests under way before stopping anyway. */
    SHUTDOWN_TIMEOUT_MS: wholeNumber('milliseconds').min(100, 'must be at least 100').default(10_000),
    /**
     * Questions the bot asks itself after start, in the background, so that users' first questions
     * run on compiled code (core/warmUp.ts); 0: none.
     */
    WARMUP_QUESTIONS: wholeNumber('questions').default(DEFAULT_WARMUP_QUESTIONS),
  })
  .refine((s) => !s.REDIS_URL || s.DATABASE_URL, {
    path: ['REDIS_URL'],
    message: 'needs DATABASE_URL too: Redis holds only the short-lived shared keys, PostgreSQL the state',
  })
  .refine((s) => !s.DISCORD_SHARDS || s.DISCORD_SHARD_COUNT, {
    path: ['DISCORD_SHARDS'],
    message: 'needs DISCORD_SHARD_COUNT too: how many shards the bot runs in all, across every instance',
  })
  .refine((s) => !s.DISCORD_SHARDS || s.DISCORD_SHARDS.every((id) => id < (s.DISCORD_SHARD_COUNT ?? 1)), {
    path: ['DISCORD_SHARDS'],
    message: 'shard numbers count from 0 and must be below DISCORD_SHARD_COUNT (0 and 1 of 2)',
  })
  .superRefine((s, ctx) => {
    const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
    if (!oauth.some((key) => s[key])) return;
    for (const key of oauth) {
      if (!s[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is needed to install the Slack app in many workspaces (set all of ${oauth.join(', ')}, or none)`,
        });
      }
    }
    if (s.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message:
          'must be unset with SLACK_CLIENT_ID: each workspace gets its own token when it installs the app',
      });
    }
    if (s.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message:
          'must be unset with SLACK_CLIENT_ID: installing in many workspaces uses the HTTP mode (Socket Mode is for one workspace)',
      });
    }
    if (!s.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'is needed with SLACK_CLIENT_ID: Slack signs the events of every workspace with it (Basic Information > Signing Secret)',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends CodedError<'INVALID_SETTINGS'> {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_SETTINGS', message, options);
  }
}

/** Reads settings; empty strings count as unset so a copied .env.example works as it is. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = settingsSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(settings)'}: ${i.message}`);
  throw new SettingsError(`Invalid settings (check your .env or environment):\n${lines.join('\n')}`);
}

/** The settings' credentials, for masking wherever they might show (logs, error messages). */
export function settingSecrets(settings: Settings): string[] {
  return [
    settings.SLACK_BOT_TOKEN,
    settings.SLACK_APP_TOKEN,
    settings.SLACK_SIGNING_SECRET,
    settings.SLACK_CLIENT_SECRET,
    settings.SLACK_STATE_SECRET,
    settings.DISCORD_TOKEN,
    urlPassword(settings.DATABASE_URL),
    urlPassword(settings.REDIS_URL),
  ].filter((s): s is string => s !== undefined);
}

function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}
