/**
 * The alerter's rules, with a recording delivery and a hand-moved clock: a burst of articles is one
 * post; within the channel's floor new alerts wait (and go out together once it has passed); an
 * article older than the watch does not alert; a failed post is recorded and not repeated; aliases
 * and surnames count as mentions, a word inside another word does not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { LiveKnowledge } from '../../src/corpus/liveKnowledge.ts';
import type { Article } from '../../src/knowledge/types.ts';
import { renderText } from '../../src/render/renderText.ts';
import { SqliteStateStore } from '../../src/state/sqliteStateStore.ts';
import { findMention } from '../../src/watch/findMention.ts';
import { WatchAlerter } from '../../src/watch/watchAlerter.ts';
import { resolveWatch } from '../../src/watch/watchTerms.ts';
import { memoryLogger } from '../adapters/slack/support.ts';
import { shippedKnowledge } from '../digest/support.ts';

const kb = shippedKnowledge();
const T0 = new Date('2026-05-01T09:00:00Z');
const CHANNEL = { platform: 'slack', channelId: 'C1' };

function article(id: string, body: string, addedAt = '2026-05-01T09:00:00.000Z'): Article {
  return { id, title: `Story ${id}`, publication: 'Gazette', body, file: `${id}.md`, words: 20, addedAt };
}

let store: SqliteStateStore;
let now: Date;
let posted: Reply[];
let fail: Error | undefined;
let alerter: WatchAlerter;

beforeEach(async () => {
  store = new SqliteStateStore(':memory:');
  now = T0;
  posted = [];
  fail = undefined;
  alerter = new WatchAlerter({
    state: store.watches,
    log: memoryLogger('silent').log,
    now: () => now,
    gatherMs: 60_000,
  });
  // Articles are handed in by hand (articlesArrived); the live knowledge base never swaps here.
  const delivery = {
    async post(_target: unknown, reply: Reply) {
      if (fail) throw fail;
      posted.push(reply);
    },
  };
  alerter.start(new LiveKnowledge(kb), new Map([['slack', delivery]]));
  const meaning = resolveWatch(kb, 'Tillerson');
  if (meaning.status !== 'name') throw new Error('Tillerson is a name of the shipped corpus');
  await store.watches.addWatch({
    ...CHANNEL,
    typed: 'Tillerson',
    name: meaning.name,
    kind: 'name',
    targetId: meaning.targetId,
    terms: meaning.terms,
    createdAt: new Date(T0.getTime() - 3_600_000),
  });
});

afterEach(async () => {
  await alerter.stop();
  await store.close();
});

describe('the watch alerter', () => {
  it('groups a burst of articles into one post, and holds new ones until the floor has passed', async () => {
    const recorded = await alerter.articlesArrived(
      [
        article('a1', 'Rex Tillerson flew to Ankara on Monday.'),
        article('a2', 'The harbour was dredged.'),
        article('a3', 'Officials said Tillerson would return on Friday.'),
      ],
      kb,
    );
    expect(recorded).toBe(2);
    await alerter.flush(CHANNEL);
    expect(posted).toHaveLength(1);
    const text = renderText(posted[0] as Reply);
    expect(text).toMatch(/^Watched names in 2 new articles: Rex Tillerson/);
    expect(text).toContain('Rex Tillerson: “Rex Tillerson flew to Ankara on Monday.”');
    expect(text).toContain('Rex Tillerson: “Officials said Tillerson would return on Friday.”');

    now = new Date(T0.getTime() + 5 * 60_000);
    await alerter.articlesArrived([article('a4', 'Tillerson met the press.')], kb);
    await alerter.flush(CHANNEL);
    expect(posted).toHaveLength(1);
    now = new Date(T0.getTime() + 15 * 60_000);
    await alerter.flush(CHANNEL);
    expect(posted).toHaveLength(2);
    expect(renderText(posted[1] as Reply)).toMatch(/^Rex Tillerson in a new article: Story a4/);
  });

  it('leaves articles older than the watch alone, and records a failed post without repeating it', async () => {
    expect(
      await alerter.articlesArrived([article('old', 'Tillerson spoke.', '2020-01-01T00:00:00.000Z')], kb),
    ).toBe(0);
    fail = new Error('Slack: channel_not_found');
    await alerter.articlesArrived([article('b1', 'Tillerson spoke again.')], kb);
    await alerter.flush(CHANNEL);
    expect(posted).toHaveLength(0);
    fail = undefined;
    now = new Date(T0.getTime() + 60 * 60_000);
    await alerter.flush(CHANNEL);
    expect(posted).toHaveLength(0);
    expect(await store.watches.pendingChannels()).toEqual([]);
  });

  it('counts aliases and surnames as mentions, never a word inside another', () => {
    const meaning = resolveWatch(kb, 'Rex Tillerson');
    if (meaning.status !== 'name') throw new Error('a name');
    expect(meaning.corrected).toBe(false);
    expect(findMention(article('x', 'Mr Tillerson said so.'), meaning.terms)).toBe('Mr Tillerson said so.');
    expect(findMention(article('y', 'The Tillersons moved.'), meaning.terms)).toBeUndefined();
    const typo = resolveWatch(kb, 'Tilerson');
    expect(typo).toMatchObject({ status: 'name', name: 'Rex Tillerson', corrected: true });
  });
});
