import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';
import { APOLOGY, apologyReply } from '../../src/core/reply.ts';

const { bot } = openKnowledge('test/fixtures/corpora/port-ellis');

describe('who sees a reply: decided once, in the core', () => {
  it('sends only answers to the channel when asked by slash command or button', async () => {
    const via = 'command' as const;
    expect((await bot.respond({ text: '/sources', via }))?.visibility).toBe('channel');
    for (const text of ['help', '/who Nobody Atall', '/nosuchcommand']) {
      expect((await bot.respond({ text, via }))?.visibility, text).toBe('asker');
    }
  });

  it('answers a message where it was asked, unless the command made the reply private', async () => {
    for (const via of ['message', undefined] as const) {
      expect((await bot.respond({ text: 'help', ...(via ? { via } : {}) }))?.visibility).toBe('channel');
      expect((await bot.respond({ text: '/who Nobody Atall', ...(via ? { via } : {}) }))?.visibility).toBe(
        'channel',
      );
    }
    expect(bot.answer({ text: '/digest now', via: 'message' }).visibility).toBe('asker');
  });

  it('has one apology, private to a slash command and in place for a message', () => {
    expect(apologyReply({ via: 'command' })).toMatchObject({
      headline: APOLOGY.headline,
      visibility: 'asker',
    });
    expect(apologyReply({ via: 'message' }).visibility).toBe('channel');
  });
});
