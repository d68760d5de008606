/**
 * Follow-up questions in Discord, through the real discord.js client against a fake gateway and
 * REST server: a reply to the bot's answer continues that question's context, and so does a
 * message in a thread channel. The contexts live in the real SQLite state store, on a clock the
 * test moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscord, startDiscord } from '../../../src/adapters/discord/discordAdapter.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { createBot } from '../../../src/core/bot.ts';
import { SqliteStateStore } from '../../../src/state/sqliteStateStore.ts';
import { FakeDiscord, guildMessage, IDS, type Json, route, snowflake } from '../../helpers/fakeDiscord.ts';
import { memoryLogger } from '../slack/support.ts';

const HOUR = 3_600_000;
let clock = Date.parse('2026-03-05T08:00:00Z');
const store = new SqliteStateStore(':memory:');
let fake: FakeDiscord;
let discord: RunningDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const bot = createBot(openKnowledge('corpus').kb, {
    commands: COMMANDS,
    followUps: { store: store.threads, ttlMs: HOUR, now: () => clock },
  });
  discord = await startDiscord({
    bot,
    log: memoryLogger().log,
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [],
    },
    restRetries: 0,
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await store.close();
});

function embedText(body: Json): string {
  const embed = body.embeds?.[0] ?? {};
  return [embed.title, embed.description, ...(embed.fields ?? []).map((f: Json) => `${f.name} ${f.value}`)]
    .filter(Boolean)
    .join('\n');
}

interface Answer {
  /** The bot's message, as Discord would send it back (id, reference to the question). */
  message: Json;
  text: string;
}

/**
 * Sends a message mentioning the bot (a reply to `replyTo`, the bot's answer, when given) and
 * returns the bot's answer.
 */
async function ask(question: string, where: { channelId?: string; replyTo?: Json } = {}): Promise<Answer> {
  const channelId = where.channelId ?? IDS.channel;
  const m = guildMessage(`<@${IDS.bot}> ${question}`, { channelId });
  if (where.replyTo) {
    // A reply (type 19) carries the message it answers; with the default ping, it mentions its author.
    m.type = 19;
    m.message_reference = { message_id: where.replyTo.id, channel_id: channelId, guild_id: IDS.guild };
    m.referenced_message = where.replyTo;
  }
  fake.dispatch('MESSAGE_CREATE', m);
  const sent = await fake.waitFor(
    (r) => route.channelMessage(channelId)(r) && r.body?.message_reference?.message_id === m.id,
  );
  const message = fake.created.find((c) => c.message_reference?.message_id === m.id);
  expect(message).toBeDefined();
  return { message, text: embedText(sent.body) };
}

describe('Discord: follow-up questions', () => {
  it('answers a chain of replies to its answers with the right people', async () => {
    const first = await ask('who is Putin?');
    expect(first.text).toMatch(/^Vladimir Putin: Russian President/);
    const said = await ask('what did he say about the strike?', { replyTo: first.message });
    expect(said.text).toMatch(/^Vladimir Putin: .*in violation of international law/);
    expect(said.text).toContain('what did Putin say about the strike?');
    const medvedev = await ask('and Medvedev?', { replyTo: said.message });
    expect(medvedev.text).toMatch(/^Dmitry Medvedev: .*military clash/);
    const when = await ask('when was that?', { replyTo: medvedev.message });
    expect(when.text).toMatch(/US missile strike on Shayrat air base: last week/);
    // A chain goes on past a clarifying question: reply to it with the name meant.
    const both = await ask('when did Lavrov meet Tillerson?', { replyTo: when.message });
    const which = await ask('what did he say?', { replyTo: both.message });
    expect(which.text).toMatch(/^Who do you mean: Lavrov or Tillerson\?/);
    expect((await ask('tillerson', { replyTo: which.message })).text).toMatch(/^Rex Tillerson: .*complicit/);
  });

  it('continues the context of a thread channel', async () => {
    const thread = snowflake();
    fake.dispatch('THREAD_CREATE', {
      id: thread,
      guild_id: IDS.guild,
      parent_id: IDS.channel,
      type: 11,
      name: 'Syria strike',
      owner_id: IDS.user,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
      },
      member_count: 1,
      message_count: 0,
      newly_created: true,
    });
    expect((await ask('who is Lavrov?', { channelId: thread })).text).toMatch(/^Sergei Lavrov/);
    const met = await ask('when did he meet Tillerson?', { channelId: thread });
    expect(met.text).toMatch(/on Wednesday, 2017-04-12/);
    expect(met.text).toContain('when did Lavrov meet Tillerson?');
    // Both were named: "he" is asked about rather than guessed.
    const which = await ask('what did he say?', { channelId: thread });
    expect(which.text).toMatch(/^Who do you mean: Lavrov or Tillerson\?/);
    const labels = which.message.components?.flatMap((row: Json) => row.components.map((b: Json) => b.label));
    expect(labels).toEqual(expect.arrayContaining(['Lavrov', 'Tillerson']));
    // Answering with a name picks that question.
    const picked = await ask('Tillerson', { channelId: thread });
    expect(picked.text).toMatch(/^Rex Tillerson: .*complicit/);
  });

  it('does not carry a context into another channel, nor into a fresh question', async () => {
    const first = await ask('who is Putin?');
    const fresh = await ask('what did he say about the strike?');
    expect(fresh.text).not.toMatch(/Putin/);
    // A reply in another channel to an answer from this one reads nothing.
    const elsewhere = await ask('what did he say about the strike?', {
      channelId: IDS.listenChannel,
      replyTo: first.message,
    });
    expect(elsewhere.text).not.toMatch(/Putin/);
  });

  it('forgets the context after an hour of silence', async () => {
    const first = await ask('who is Putin?');
    clock += HOUR + 1000;
    const late = await ask('what did he say about the strike?', { replyTo: first.message });
    expect(late.text).not.toMatch(/Putin/);
  });
});
