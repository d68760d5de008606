/**
 * Digest schedules as people type them: `daily 08:00`, `weekly monday 08:00` or
 * `cron "0 8 * * 1-5"`, each optionally followed by a time zone. They become five-field cron
 * expressions evaluated by croner in the schedule's zone, so daylight-saving changes follow the
 * zone's rules: a time skipped by the clocks going forward runs at the first valid time after the
 * gap, and a time that occurs twice runs once.
 */
import { Cron } from 'croner';
import { canonicalTimeZone, formatInZone } from './zonedTime.ts';

export interface Schedule {
  /** Normalised as typed, without the zone: "daily 08:00", "weekly monday 08:00", 'cron "0 8 * * 1-5"'. */
  spec: string;
  /** The five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
  /** IANA time zone, canonical spelling. */
  timeZone: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Digests may not come more often than this. */
export const MIN_INTERVAL_MINUTES = 15;

export const SCHEDULE_EXAMPLES = 'daily 08:00 Europe/London · weekly monday 08:00 · cron "0 8 * * 1-5" UTC';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const ZONE_HINT = 'use an IANA time zone such as Europe/London, America/New_York or UTC';

function fail<T>(error: string): Parsed<T> {
  return { ok: false, error };
}

function parseTime(word: string | undefined, example: string): Parsed<{ hour: number; minute: number }> {
  const m = /^(\d{1,2})[:.h](\d{2})$/i.exec(word ?? '');
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) {
    return fail(
      word
        ? `"${word}" is not a time of day: use 24-hour HH:MM, as in ${example}.`
        : `Say at what time, in 24-hour HH:MM, as in ${example}.`,
    );
  }
  return { ok: true, value: { hour, minute } };
}

function parseDay(word: string | undefined): Parsed<number> {
  const w = (word ?? '').toLowerCase();
  const index = w.length >= 3 ? DAYS.findIndex((d) => d.startsWith(w)) : -1;
  if (index < 0) {
    return fail(
      word
        ? `"${word}" is not a day of the week: use monday … sunday, as in weekly monday 08:00.`
        : 'Say which day, as in weekly monday 08:00.',
    );
  }
  return { ok: true, value: index };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A croner job that never runs by itself: only evaluated. */
function evaluator(cron: string, timeZone: string): Cron {
  return new Cron(cron, { timezone: timeZone, paused: true, mode: '5-part' });
}

/** Checks a cron expression: valid, comes round, and not more often than MIN_INTERVAL_MINUTES. */
function checkCron(cron: string, timeZone: string): string | undefined {
  let job: Cron;
  try {
    job = evaluator(cron, timeZone);
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, '');
    return `"${cron}" is not a cron expression (${reason}). Use five fields, minute hour day-of-month month day-of-week, as in cron "0 8 * * 1-5".`;
  }
  const runs = job.nextRuns(50, new Date());
  if (runs.length === 0) return `cron "${cron}" never comes round: check its day and month.`;
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    if (gap < MIN_INTERVAL_MINUTES * 60_000) {
      return `cron "${cron}" comes round more often than every ${MIN_INTERVAL_MINUTES} minutes; digests that frequent would flood the channel.`;
    }
  }
  return undefined;
}

/** Splits off a quoted cron expression (straight or curly quotes, as chat clients type them). */
function cronExpression(rest: string): { expression: string; after: string } | undefined {
  const quoted = /^["'“”‘’]([^"'“”‘’]*)["'“”‘’]\s*(.*)$/.exec(rest);
  if (quoted) return { expression: (quoted[1] ?? '').trim().replace(/\s+/g, ' '), after: quoted[2] ?? '' };
  const words = rest.split(/\s+/).filter(Boolean);
  if (words.length < 5) return undefined;
  return { expression: words.slice(0, 5).join(' '), after: words.slice(5).join(' ') };
}

/**
 * Parses `daily HH:MM | weekly DAY HH:MM | cron "expr"`, then an optional time zone (else
 * defaultTimeZone). Errors say what is wrong and show an example.
 */
export function parseSchedule(text: string, defaultTimeZone: string): Parsed<Schedule> {
  const trimmed = text.trim();
  const [kindWord = '', ...words] = trimmed.split(/\s+/);
  const kind = kindWord.toLowerCase();
  let spec: string;
  let cron: string;
  let leftover: string[];

  if (kind === 'daily') {
    const time = parseTime(words[0], 'daily 08:00');
    if (!time.ok) return time;
    const { hour, minute } = time.value;
    spec = `daily ${pad(hour)}:${pad(minute)}`;
    cron = `${minute} ${hour} * * *`;
    leftover = words.slice(1);
  } else if (kind === 'weekly') {
    const day = parseDay(words[0]);
    if (!day.ok) return day;
    const time = parseTime(words[1], 'weekly monday 08:00');
    if (!time.ok) return time;
    const { hour, minute } = time.value;
    spec = `weekly ${DAYS[day.value]} ${pad(hour)}:${pad(minute)}`;
    cron = `${minute} ${hour} * * ${day.value}`;
    leftover = words.slice(2);
  } else if (kind === 'cron') {
    const found = cronExpression(trimmed.slice(kindWord.length).trim());
    if (!found) {
      return fail(
        'Give the cron expression in quotes, five fields: minute hour day-of-month month day-of-week, as in cron "0 8 * * 1-5".',
      );
    }
    cron = found.expression;
    spec = `cron "${cron}"`;
    leftover = found.after.split(/\s+/).filter(Boolean);
  } else {
    return fail(
      trimmed
        ? `"${kindWord}" is not a schedule. Use daily HH:MM, weekly DAY HH:MM or cron "expr", optionally with a time zone: ${SCHEDULE_EXAMPLES}.`
        : `Say when: daily HH:MM, weekly DAY HH:MM or cron "expr", optionally with a time zone: ${SCHEDULE_EXAMPLES}.`,
    );
  }

  if (leftover.length > 1) {
    return fail(
      `Unexpected "${leftover.join(' ')}" after "${spec}": only a time zone may follow, as in ${spec} Europe/London.`,
    );
  }
  const zoneWord = leftover[0] ?? defaultTimeZone;
  const timeZone = canonicalTimeZone(zoneWord);
  if (!timeZone) return fail(`"${zoneWord}" is not a time zone: ${ZONE_HINT}, as in ${spec} Europe/London.`);
  const problem = checkCron(cron, timeZone);
  if (problem) return fail(problem);
  return { ok: true, value: { spec, cron, timeZone } };
}

/** "daily 08:00 (Europe/London)". */
export function describeSchedule(schedule: Pick<Schedule, 'spec' | 'timeZone'>): string {
  return `${schedule.spec} (${schedule.timeZone})`;
}

/** The first slot strictly after `after`; undefined if the schedule never comes round again. */
export function nextSlot(schedule: Pick<Schedule, 'cron' | 'timeZone'>, after: Date): Date | undefined {
  return evaluator(schedule.cron, schedule.timeZone).nextRun(after) ?? undefined;
}

/** The last slot strictly before `before`. */
export function previousSlot(schedule: Pick<Schedule, 'cron' | 'timeZone'>, before: Date): Date | undefined {
  // croner's previousRuns may include the reference itself; a slot has to be strictly earlier.
  return evaluator(schedule.cron, schedule.timeZone)
    .previousRuns(2, before)
    .find((d) => d.getTime() < before.getTime());
}

/** Slots with after < slot <= until, oldest first, at most `limit` of the most recent ones. */
export function slotsBetween(
  schedule: Pick<Schedule, 'cron' | 'timeZone'>,
  after: Date,
  until: Date,
  limit = 1000,
): Date[] {
  const job = evaluator(schedule.cron, schedule.timeZone);
  const out: Date[] = [];
  let cursor: Date | null = after;
  while (cursor) {
    cursor = job.nextRun(cursor);
    if (!cursor || cursor.getTime() > until.getTime()) break;
    out.push(cursor);
    if (out.length > limit) out.shift();
  }
  return out;
}

/** "2026-03-05 08:00 Europe/London": a slot as the subscribers' clocks show it. */
export function formatSlot(slot: Date, timeZone: string): string {
  return `${formatInZone(slot, timeZone)} ${timeZone}`;
}
