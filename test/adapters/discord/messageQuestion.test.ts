import { describe, expect, it } from 'vitest';
import { type AudienceRules, questionFrom } from '../../../src/adapters/discord/messageQuestion.ts';

const rules: AudienceRules = {
  botUserId: '11',
  botRoleIds: new Set(['55']),
  listenChannelIds: new Set(['c-listen']),
};
const base = { content: '', fromBot: false, isDM: false, channelId: 'c-general', mentionsBot: false };

describe('questionFrom', () => {
  it('answers mentions, stripping only the bot mention', () => {
    expect(
      questionFrom({ ...base, content: '<@11> what happened at Shayrat?', mentionsBot: true }, rules),
    ).toBe('what happened at Shayrat?');
    expect(questionFrom({ ...base, content: 'who is <@!11> <@22>?', mentionsBot: true }, rules)).toBe(
      'who is <@22>?',
    );
    expect(questionFrom({ ...base, content: '<@&55> who is Haley?', mentionsBot: true }, rules)).toBe(
      'who is Haley?',
    );
    expect(questionFrom({ ...base, content: '<@11>', mentionsBot: true }, rules)).toBe('help');
  });

  it('answers DMs and listen channels without a mention', () => {
    expect(questionFrom({ ...base, content: 'who is Haley?', isDM: true }, rules)).toBe('who is Haley?');
    expect(questionFrom({ ...base, content: 'who is Haley?', channelId: 'c-listen' }, rules)).toBe(
      'who is Haley?',
    );
    expect(questionFrom({ ...base, content: '', channelId: 'c-listen' }, rules)).toBeUndefined();
  });

  it('answers a reply to one of its answers as a follow-up, even without a ping', () => {
    expect(questionFrom({ ...base, content: 'and Medvedev?', repliesToBot: true }, rules)).toBe(
      'and Medvedev?',
    );
    // Without the Message Content intent, a reply that does not ping arrives empty: nothing to answer.
    expect(questionFrom({ ...base, content: '', repliesToBot: true }, rules)).toBeUndefined();
    expect(questionFrom({ ...base, content: 'and Medvedev?', repliesToBot: false }, rules)).toBeUndefined();
  });

  it('ignores bots and messages not meant for the bot', () => {
    expect(questionFrom({ ...base, content: 'who is Haley?' }, rules)).toBeUndefined();
    expect(
      questionFrom({ ...base, content: '<@11> hi', mentionsBot: true, fromBot: true }, rules),
    ).toBeUndefined();
  });
});
