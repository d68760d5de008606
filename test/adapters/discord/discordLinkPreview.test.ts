/**
 * Link previews through the real Discord adapter (discord.js) against the fake gateway and REST
 * server: a message in a listen channel with a link to an archived article gets a reply with the
 * article's preview as an embed and /who buttons; a link to another page, or a link in a channel
 * the bot does not listen in, gets nothing.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscord, startDiscord } from '../../../src/adapters/discord/discordAdapter.ts';
import { assembleCommands } from '../../../src/app/commands.ts';
import { createBot } from '../../../src/core/bot.ts';
import { DEEP_FREEZE_URL, knowledgeWithUrls } from '../../core/linkSupport.ts';
import {
  directMessage,
  FakeDiscord,
  guildMessage,
  IDS,
  type Json,
  route,
} from '../../helpers/fakeDiscord.ts';

const bot = createBot(knowledgeWithUrls(), { commands: assembleCommands() });

let fake: FakeDiscord;
let discord: RunningDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  discord = await startDiscord({
    bot,
    log: pino({ level: 'silent' }),
    settings: {
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_LISTEN_CHANNEL_IDS: [IDS.listenChannel],
    },
    restRetries: 0,
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
});

/** After one more round trip (messages are handled in order), replies to earlier ones have arrived. */
async function roundTrip(): Promise<void> {
  fake.dispatch('MESSAGE_CREATE', directMessage('/sources'));
  await fake.waitFor(route.channelMessage(IDS.dmChannel));
}

const listenPosts = () => fake.requests.filter(route.channelMessage(IDS.listenChannel));

describe('link previews on Discord', () => {
  it('replies to a link to an archived article with its preview, in a listen channel', async () => {
    const message = guildMessage(`Worth a read: <${DEEP_FREEZE_URL}>`, {
      mentionBot: false,
      channelId: IDS.listenChannel,
    });
    fake.dispatch('MESSAGE_CREATE', message);
    const sent = await fake.waitFor(route.channelMessage(IDS.listenChannel));
    expect(sent.body.message_reference).toMatchObject({ message_id: message.id });
    expect(sent.body.allowed_mentions).toMatchObject({ parse: [] });
    const [embed] = sent.body.embeds as Json[];
    expect(embed.title).toMatch(/^US-Russia relations in deep freeze\?/);
    expect(embed.description).toMatch(/People: .*Rex Tillerson/);
    expect(embed.description).toMatch(/Places: .*Moscow/);
    expect(embed.fields).toEqual([
      expect.objectContaining({
        name: 'Published',
        value: 'Mail & Guardian, 2017-04-13 · by Andrew Hammond',
      }),
    ]);
    const labels = (sent.body.components as Json[]).flatMap((row) =>
      row.components.map((c: Json) => c.label),
    );
    expect(labels).toContain('/who Rex Tillerson');
  });

  it('says nothing for a link to a page not in the archive, or outside the listen channels', async () => {
    const before = listenPosts().length;
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage('https://news.example/not-archived', { mentionBot: false, channelId: IDS.listenChannel }),
    );
    fake.dispatch('MESSAGE_CREATE', guildMessage(DEEP_FREEZE_URL, { mentionBot: false }));
    await roundTrip();
    expect(listenPosts()).toHaveLength(before);
    expect(fake.requests.filter(route.channelMessage(IDS.channel))).toHaveLength(0);
  });
});
