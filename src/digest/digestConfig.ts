/**
 * Subscriptions declared in configuration, for headless setups: DIGEST_SUBSCRIPTIONS holds either
 * the path of a YAML (or JSON) file, or a JSON array inline. Each entry:
 *
 *   - platform: slack            # slack | discord
 *     channel: C0123456789       # the channel id
 *     workspace: T0123456789     # optional; the Slack team (needed when Slack is installed by OAuth)
 *     schedule: daily 08:00      # daily HH:MM | weekly DAY HH:MM | cron "expr"
 *     time_zone: Europe/London   # optional; default DIGEST_TIME_ZONE
 *     skip_quiet: false          # optional; true posts nothing when there is no news
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CodedError } from '../ops/errors.ts';
import type { ConfiguredSubscription } from './digestService.ts';
import { parseSchedule } from './schedule.ts';

export class DigestConfigError extends CodedError<'INVALID_DIGEST_SUBSCRIPTIONS'> {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_DIGEST_SUBSCRIPTIONS', message, options);
  }
}

const entrySchema = z.strictObject({
  platform: z.enum(['slack', 'discord'], 'must be slack or discord'),
  channel: z.string('must be the channel id, such as C0123456789').trim().min(1, 'must not be empty'),
  workspace: z
    .string('must be the Slack team id (T0123456789) or Discord server id')
    .trim()
    .min(1)
    .optional(),
  schedule: z.string('must be daily HH:MM, weekly DAY HH:MM or cron "expr"').trim().min(1),
  time_zone: z.string().trim().min(1).optional(),
  skip_quiet: z.boolean('must be true or false').optional(),
});

const listSchema = z.array(entrySchema, 'must be a list of subscriptions');

/** Reads and checks DIGEST_SUBSCRIPTIONS; undefined or empty means none. Errors name the entry and field. */
export function loadDigestSubscriptions(
  value: string | undefined,
  defaultTimeZone: string,
  cwd = process.cwd(),
): ConfiguredSubscription[] {
  const setting = value?.trim();
  if (!setting) return [];
  const inline = setting.startsWith('[');
  const where = inline ? 'DIGEST_SUBSCRIPTIONS' : `DIGEST_SUBSCRIPTIONS (${setting})`;
  let data: unknown;
  try {
    data = inline ? JSON.parse(setting) : parseYaml(readFileSync(resolve(cwd, setting), 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === 'ENOENT'
        ? 'the file does not exist; give the path of a YAML file, or a JSON list inline'
        : e.message;
    throw new DigestConfigError(`${where}: ${reason}`);
  }
  const parsed = listSchema.safeParse(data ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, ...field] = issue?.path ?? [];
    const at =
      typeof index === 'number'
        ? `entry ${index + 1}${field.length ? `, ${field.join('.')}` : ''}`
        : 'the list';
    throw new DigestConfigError(`${where}: ${at}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.map((entry, i) => {
    const schedule = parseSchedule(
      `${entry.schedule}${entry.time_zone ? ` ${entry.time_zone}` : ''}`,
      defaultTimeZone,
    );
    if (!schedule.ok) throw new DigestConfigError(`${where}: entry ${i + 1}, schedule: ${schedule.error}`);
    return {
      platform: entry.platform,
      ...(entry.workspace ? { workspaceId: entry.workspace } : {}),
      channelId: entry.channel,
      schedule: schedule.value,
      skipQuiet: entry.skip_quiet ?? false,
    };
  });
}
