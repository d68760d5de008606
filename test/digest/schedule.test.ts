import { describe, expect, it } from 'vitest';
import {
  nextSlot,
  parseSchedule,
  previousSlot,
  type Schedule,
  slotsBetween,
} from '../../src/digest/schedule.ts';
import { canonicalTimeZone, formatInZone, startOfDayInZone } from '../../src/digest/zonedTime.ts';

function schedule(text: string, zone = 'UTC'): Schedule {
  const parsed = parseSchedule(text, zone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function error(text: string, zone = 'UTC'): string {
  const parsed = parseSchedule(text, zone);
  if (parsed.ok) throw new Error(`expected "${text}" to be refused`);
  return parsed.error;
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('parseSchedule', () => {
  it('reads daily, weekly and cron schedules, with or without a time zone', () => {
    expect(schedule('daily 08:00 Europe/London')).toEqual({
      spec: 'daily 08:00',
      cron: '0 8 * * *',
      timeZone: 'Europe/London',
    });
    expect(schedule('Daily 7:05', 'America/New_York')).toEqual({
      spec: 'daily 07:05',
      cron: '5 7 * * *',
      timeZone: 'America/New_York',
    });
    expect(schedule('weekly Mon 09:30 asia/tokyo')).toEqual({
      spec: 'weekly monday 09:30',
      cron: '30 9 * * 1',
      timeZone: 'Asia/Tokyo',
    });
    expect(schedule('weekly sunday 18:00').cron).toBe('0 18 * * 0');
    expect(schedule('cron "0 8 * * 1-5" Europe/Berlin')).toEqual({
      spec: 'cron "0 8 * * 1-5"',
      cron: '0 8 * * 1-5',
      timeZone: 'Europe/Berlin',
    });
  });

  it('takes the curly quotes chat clients type, and a cron expression without quotes', () => {
    expect(schedule('cron “30 6 * * *” UTC').cron).toBe('30 6 * * *');
    expect(schedule('cron 30 6 * * * Europe/Paris')).toMatchObject({
      cron: '30 6 * * *',
      timeZone: 'Europe/Paris',
    });
  });

  it('explains a bad time, day, cron expression or time zone, with an example', () => {
    expect(error('daily 8am')).toMatch(/"8am" is not a time of day: use 24-hour HH:MM, as in daily 08:00/);
    expect(error('daily 25:00')).toMatch(/not a time of day/);
    expect(error('daily')).toMatch(/Say at what time/);
    expect(error('weekly funday 08:00')).toMatch(/"funday" is not a day of the week.*weekly monday 08:00/);
    expect(error('cron "0 8 * *"')).toMatch(/is not a cron expression .*cron "0 8 \* \* 1-5"/);
    expect(error('cron "61 8 * * *"')).toMatch(/not a cron expression/);
    expect(error('daily 08:00 Mars/Olympus')).toMatch(
      /"Mars\/Olympus" is not a time zone: use an IANA time zone such as Europe\/London/,
    );
    expect(error('daily 08:00 +01:00')).toMatch(/not a time zone/);
    expect(error('daily 08:00 Europe/London extra')).toMatch(/Unexpected "Europe\/London extra"/);
    expect(error('hourly')).toMatch(/"hourly" is not a schedule.*daily HH:MM, weekly DAY HH:MM or cron/);
    expect(error('')).toMatch(/^Say when/);
  });

  it('refuses schedules that never come round or would flood the channel', () => {
    expect(error('cron "0 8 31 2 *"')).toMatch(/never comes round/);
    expect(error('cron "*/5 * * * *"')).toMatch(/more often than every 15 minutes/);
    expect(schedule('cron "*/15 * * * *"').cron).toBe('*/15 * * * *');
  });
});

describe('slots', () => {
  const london = schedule('daily 08:00 Europe/London');

  it('keeps 08:00 London time across the change to summer time', () => {
    // Clocks go forward on 29 March 2026: 08:00 is 08:00 UTC before, 07:00 UTC after.
    const slots = slotsBetween(london, new Date('2026-03-27T12:00:00Z'), new Date('2026-03-31T12:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
    expect(slots.map((d) => formatInZone(d, 'Europe/London'))).toEqual([
      '2026-03-28 08:00',
      '2026-03-29 08:00',
      '2026-03-30 08:00',
      '2026-03-31 08:00',
    ]);
  });

  it('keeps 08:00 London time back to winter time', () => {
    const slots = slotsBetween(london, new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T23:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('runs a time the clocks skip once, just after the gap, and a repeated time once', () => {
    const early = schedule('daily 01:30 Europe/London');
    // 01:30 does not exist on 29 March 2026 (01:00 -> 02:00) and occurs twice on 25 October.
    expect(
      iso(slotsBetween(early, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'))),
    ).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect(
      iso(slotsBetween(early, new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z'))),
    ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('finds the next and previous slot strictly around an instant', () => {
    const at = new Date('2026-03-30T07:00:00Z');
    expect(nextSlot(london, at)?.toISOString()).toBe('2026-03-31T07:00:00.000Z');
    expect(previousSlot(london, at)?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(previousSlot(london, new Date('2026-03-30T07:00:00.001Z'))?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('weekly schedules fall on their day', () => {
    const monday = schedule('weekly monday 09:00 America/New_York');
    const slots = slotsBetween(monday, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-17T00:00:00Z'));
    expect(slots.map((d) => formatInZone(d, 'America/New_York'))).toEqual([
      '2026-03-02 09:00',
      '2026-03-09 09:00',
      '2026-03-16 09:00',
    ]);
  });
});

describe('zoned time', () => {
  it('canonicalises time zone names and refuses what is not one', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Nowhere/Town')).toBeUndefined();
    expect(canonicalTimeZone('+02:00')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });

  it('finds the start of a day in a zone, also on a daylight-saving day', () => {
    expect(startOfDayInZone('2026-03-29', 'Europe/London')?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayInZone('2026-03-30', 'Europe/London')?.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDayInZone('2026-07-01', 'America/New_York')?.toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(startOfDayInZone('2026-7-1', 'UTC')).toBeUndefined();
  });
});
