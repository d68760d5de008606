import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDiscord, startDiscord } from '../../../src/adapters/discord/discordAdapter.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  directMessage,
  FakeDiscord,
  guildMessage,
  IDS,
  type Json,
  type RecordedRequest,
  route,
} from '../../helpers/fakeDiscord.ts';

const EPHEMERAL = 1 << 6;
const { bot } = openKnowledge('corpus');

function captureLog() {
  const lines: Json[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
}

function expectNoPings(body: Json): void {
  expect(body.allowed_mentions).toMatchObject({ parse: [] });
  expect(body.allowed_mentions.users ?? []).toEqual([]);
  expect(body.allowed_mentions.roles ?? []).toEqual([]);
  expect(body.allowed_mentions.replied_user ?? false).toBe(false);
}

function embedText(embed: Json): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).map((f: Json) => `${f.name} ${f.value}`)]
    .filter(Boolean)
    .join('\n');
}

describe('Discord adapter against a fake gateway and REST server', () => {
  let fake: FakeDiscord;
  let discord: RunningDiscord;
  const { log, lines } = captureLog();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    discord = await startDiscord({
      bot,
      log,
      settings: {
        DISCORD_TOKEN: 'fake-bot-token',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_LISTEN_CHANNEL_IDS: [IDS.listenChannel],
      },
      restRetries: 0,
      // Never defer here (discordSlowAndStart.test.ts does): on a loaded machine an answer taking
      // 1.5 s made the next /who defer, and its assertions on the immediate reply fail.
      deferAfterMs: 60_000,
    });
  });

  afterAll(async () => {
    await discord?.stop();
    await fake?.close();
  });

  /** Dispatches an interaction and returns the body of its callback. */
  async function interact(interaction: { id: string; payload: Json }): Promise<Json> {
    fake.dispatch('INTERACTION_CREATE', interaction.payload);
    const callback = await fake.waitFor(route.callback(interaction.id));
    return callback.body;
  }

  it('logs in with the least intents it needs, and Message Content only for listen channels', () => {
    const identify = fake.identified[0];
    expect(identify.token).toBe('fake-bot-token');
    const GUILDS = 1 << 0;
    const GUILD_MESSAGES = 1 << 9;
    const DIRECT_MESSAGES = 1 << 12;
    const MESSAGE_CONTENT = 1 << 15;
    expect(identify.intents).toBe(GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT);
    expect(discord.clients()[0]?.user.id).toBe(IDS.bot);
    expect(discord.shards()).toEqual([]);
  });

  it('answers /who with an embed, citations in the footer and no pings', async () => {
    const body = await interact(commandInteraction('who', { name: 'Tillerson' }));
    expect(body.type).toBe(4);
    const [embed] = body.data.embeds;
    expect(embed.title).toMatch(/Tillerson/);
    expect(embed.footer.text).toMatch(/^\[1\] /);
    expect(body.data.flags ?? 0).toBe(0);
    expectNoPings(body.data);
  });

  it('answers autocomplete with at most 25 name choices', async () => {
    const started = performance.now();
    const body = await interact(autocompleteInteraction('who', 'name', 'till'));
    expect(performance.now() - started).toBeLessThan(2500);
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices[0]).toMatchObject({ value: 'Rex Tillerson' });

    const everything = await interact(autocompleteInteraction('who', 'name', ''));
    expect(everything.data.choices).toHaveLength(25);
  });

  it('offers no choices for an argument that is not a name', async () => {
    const body = await interact(autocompleteInteraction('search', 'text', 'chem'));
    expect(body).toEqual({ type: 8, data: { choices: [] } });
  });

  it('answers help to a slash command ephemerally, as Slack does', async () => {
    const body = await interact(commandInteraction('help', {}));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('answers "not found" ephemerally', async () => {
    const body = await interact(commandInteraction('who', { name: 'Zzyzx Qwerty' }));
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.embeds[0].title).toMatch(/Couldn't find/);
  });

  it('shows "did you mean" as buttons, and a click answers that choice', async () => {
    const body = await interact(commandInteraction('who', { name: 'War' }));
    // Like "not found" and help, "did you mean" goes to the asker alone (the core's one rule).
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const buttons: Json[] = body.data.components.flatMap((row: Json) => row.components);
    const labels = buttons.map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['Cold War', 'Syrian civil war']));
    const cold = buttons.find((b) => b.label === 'Cold War');
    expect(cold.custom_id.length).toBeLessThanOrEqual(100);

    const click = await interact(buttonInteraction(cold.custom_id, body.data.components));
    expect(click.type).toBe(4);
    expect(embedText(click.data.embeds[0])).toMatch(/Cold War/);
    expectNoPings(click.data);
  });

  it('tells the clicker, privately, when a button has expired', async () => {
    const body = await interact(buttonInteraction('ask#not-remembered'));
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/expired/);
  });

  it('answers a mention in the channel as a reply that pings nobody', async () => {
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(`<@${IDS.bot}> what happened at Shayrat? @everyone <@&${IDS.botRole}>`),
    );
    const sent = await fake.waitFor(route.channelMessage(IDS.channel));
    expect(embedText(sent.body.embeds[0])).toMatch(/Shayrat/);
    expect(sent.body.message_reference).toMatchObject({ fail_if_not_exists: false });
    expectNoPings(sent.body);
    expect(sent.body.allowed_mentions.replied_user).toBe(false);
  });

  it('answers a mention of the bot role too', async () => {
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(`<@&${IDS.botRole}> who is Tillerson?`, { mentionRole: true }),
    );
    const sent = await fake.waitFor(route.channelMessage(IDS.channel));
    expect(sent.body.embeds[0].title).toMatch(/Tillerson/);
  });

  it('answers a DM without a mention', async () => {
    fake.dispatch('MESSAGE_CREATE', directMessage('who is Tillerson?'));
    const sent = await fake.waitFor(route.channelMessage(IDS.dmChannel));
    expect(sent.body.embeds[0].title).toMatch(/Tillerson/);
    expectNoPings(sent.body);
  });

  it('answers in a listen channel without a mention, and ignores other channels and bots', async () => {
    const before = fake.requests.filter(route.channelMessage(IDS.channel)).length;
    fake.dispatch('MESSAGE_CREATE', guildMessage('who is Tillerson?', { mentionBot: false }));
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is Tillerson?`, { authorBot: true }));
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage('what happened at Shayrat?', { mentionBot: false, channelId: IDS.listenChannel }),
    );
    const sent = await fake.waitFor(route.channelMessage(IDS.listenChannel));
    expect(embedText(sent.body.embeds[0])).toMatch(/Shayrat/);
    // Messages are handled in order; after one more round trip, replies to the first two would have arrived.
    fake.dispatch('MESSAGE_CREATE', directMessage('/sources'));
    await fake.waitFor(route.channelMessage(IDS.dmChannel));
    expect(fake.requests.filter(route.channelMessage(IDS.channel))).toHaveLength(before);
  });

  it('falls back to plain text within 2000 characters where embeds are not allowed', async () => {
    fake.dispatch(
      'MESSAGE_CREATE',
      guildMessage(`<@${IDS.bot}> /timeline`, { channelId: IDS.noEmbedChannel }),
    );
    const sent = await fake.waitFor(route.channelMessage(IDS.noEmbedChannel));
    expect(sent.body.embeds).toEqual([]);
    expect(sent.body.content.length).toBeGreaterThan(0);
    expect(sent.body.content.length).toBeLessThanOrEqual(2000);
    expectNoPings(sent.body);
  });

  it('survives a REST error: logs it without the token, then answers the next interaction', async () => {
    const failing = commandInteraction('who', { name: 'Tillerson' });
    fake.failNext(route.callback(failing.id), 500, { message: 'Internal Server Error', code: 0 });
    fake.dispatch('INTERACTION_CREATE', failing.payload);
    await fake.waitFor(route.callback(failing.id));
    await expect.poll(() => lines.find((l) => l.msg === 'discord interaction failed')).toBeTruthy();
    const logged = lines.find((l) => l.msg === 'discord interaction failed');
    expect(logged.error.status).toBe(500);
    expect(JSON.stringify(logged)).not.toContain(failing.token);

    const forbidden = commandInteraction('what', { subject: 'Shayrat' });
    fake.failNext(route.callback(forbidden.id), 403, { message: 'Missing Access', code: 50001 });
    fake.dispatch('INTERACTION_CREATE', forbidden.payload);
    await fake.waitFor(route.callback(forbidden.id));

    const body = await interact(commandInteraction('who', { name: 'Tillerson' }));
    expect(body.data.embeds[0].title).toMatch(/Tillerson/);
  });

  it('survives a REST error on a channel reply', async () => {
    fake.failNext(route.channelMessage(IDS.channel), 403, { message: 'Missing Permissions', code: 50013 });
    fake.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is Tillerson?`));
    await fake.waitFor(route.channelMessage(IDS.channel));
    await expect.poll(() => lines.some((l) => l.msg === 'discord message reply failed')).toBe(true);

    fake.dispatch('MESSAGE_CREATE', directMessage('who is Haley?'));
    const sent: RecordedRequest = await fake.waitFor(route.channelMessage(IDS.dmChannel));
    expect(embedText(sent.body.embeds[0])).toMatch(/Haley/);
  });
});
