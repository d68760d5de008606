/**
 * Two bot processes (`src/main.ts`) on one PostgreSQL (and then with Redis for the short-lived
 * keys), with the fake Slack (HTTP mode, each process on its own port) and the fake Discord (whose
 * gateway delivers every event to both sessions, as Discord does without shards) on loopback:
 * nothing is answered twice, articles ingested on one are answerable on the other, the editors'
 * folder is imported once and an edit in one instance's copy is answered by the other, a watched
 * name alerts its channel once though both see the article arrive, and the rate limits hold across
 * the two. Ids carry a random part: Redis keys outlive a run.
 */
import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandInteraction, FakeDiscord, guildMessage, IDS, route } from '../helpers/fakeDiscord.ts';
import { FakeSlack, postSigned, slashCommandBody } from '../helpers/fakeSlack.ts';
import { type FixtureWebServer, startFixtureWebServer } from '../helpers/fixtureWebServer.ts';
import { freshSchema, REDIS_TEST_URL, type TestSchema } from '../helpers/postgres.ts';
import { spawnBot } from '../helpers/spawnBot.ts';

const SECRET = 'several-instances-signing-secret';
const RUN = String(randomInt(100_000, 999_999));
let env: Record<string, string> = {};
const running: ChildProcess[] = [];
const dirs: string[] = [];
let schema: TestSchema;
let slack: FakeSlack;
let discord: FakeDiscord;
let web: FixtureWebServer;

interface Instance {
  name: string;
  corpusDir: string;
  logs: () => Record<string, unknown>[];
  eventsUrl: string;
}

async function startInstance(name: string, own: Record<string, string> = {}): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `instance-${name}-`));
  dirs.push(dataDir);
  // Each instance has a disk of its own: its own copy of the corpus folder.
  const corpusDir = join(dataDir, 'corpus');
  cpSync('test/fixtures/corpora/port-ellis', corpusDir, { recursive: true });
  const { child, output } = spawnBot({
    DATABASE_URL: schema.url,
    CORPUS_DIR: corpusDir,
    ADMIN_USER_IDS: 'slack:*',
    FETCH_ALLOW_PRIVATE: 'loopback',
    CORPUS_WATCH: 'false',
    DATA_DIR: dataDir,
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-several-0000-1111-SeCrEt',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: discord.apiUrl,
    RATE_LIMIT_USER_PER_MINUTE: '5',
    ...env,
    ...own,
  });
  running.push(child);
  const logs = () =>
    output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const started = await slack.waitFor(
    () => logs().find((l) => l.msg === 'Slack adapter started'),
    `${name}: Slack adapter started (output: ${output().slice(-2000)})`,
    60_000,
  );
  await slack.waitFor(() => logs().some((l) => l.msg === 'ready'), `${name}: ready`, 60_000);
  return { name, corpusDir, logs, eventsUrl: `http://127.0.0.1:${Number(started.port)}/slack/events` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mention(eventId: string, ts: string): string {
  const body = JSON.parse(readFileSync('test/fixtures/slack/app-mention.json', 'utf8'));
  return JSON.stringify({
    ...body,
    event_id: eventId,
    event: { ...body.event, user: `UMENTION${RUN}`, ts, event_ts: ts },
  });
}

let users = 0;
/** A slash command sent to one instance, answered through a response_url named after it. */
async function slash(to: Instance, command: string, text: string): Promise<() => string | undefined> {
  const name = `${command.slice(1)}-${++users}`;
  const form = slashCommandBody({
    command,
    text,
    user_id: `UCMD${RUN}${users}`,
    channel_id: `CCMD${RUN}${users}`,
    team_id: 'T0000001',
    response_url: slack.responseUrl(name),
    trigger_id: `t-${name}`,
  });
  const { status } = await postSigned(to.eventsUrl, form, {
    signingSecret: SECRET,
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(status).toBe(200);
  return () => {
    const said = slack.responses.find((r) => r.name === name);
    return said ? JSON.stringify(said.body) : undefined;
  };
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const articleRows = (where: string) =>
  query<{ id: string; url: string | null }>(`SELECT id, url FROM articles WHERE ${where} ORDER BY seq`);

let a: Instance;
let b: Instance;

describe.each<[string, Record<string, string>]>([
  ['PostgreSQL', {}],
  ['PostgreSQL and Redis', { REDIS_URL: REDIS_TEST_URL }],
])('two instances on %s', (_services, extra) => {
  beforeAll(async () => {
    env = extra;
    schema = await freshSchema();
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    web = await startFixtureWebServer({
      '/news/library': { fixture: 'library.html' },
      '/news/ferry-a': { fixture: 'ferry.html' },
      '/news/ferry-b': { fixture: 'ferry.html' },
      '/news/teaser': { fixture: 'teaser.html' },
      '/news/terminal': { fixture: 'terminal-rebuilt.html' },
    });
    // A watches its corpus folder (as by default), so an editor's change there is imported at once.
    [a, b] = await Promise.all([startInstance('A', { CORPUS_WATCH: 'true' }), startInstance('B')]);
  }, 120_000);

  afterAll(async () => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await slack?.close();
    await discord?.close();
    await web?.close();
    await schema?.drop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the editors folder into the store once, though both started at once with a copy each', async () => {
    await slack.waitFor(
      () => [...a.logs(), ...b.logs()].some((l) => l.msg === 'corpus folder imported into the shared store'),
      'one instance imports the folder',
    );
    const rows = await query<{ path: string; removed: boolean; seq: string }>(
      'SELECT path, removed, seq FROM corpus_files ORDER BY path',
    );
    // The articles and facts files (not notes.pdf, which the loader skips), each stored once.
    expect(rows.map((r) => [r.path, r.removed])).toEqual([
      ['broken-dates.md', false],
      ['harbour-bridge.md', false],
      ['school-budget.txt', false],
    ]);
    expect(Math.max(...rows.map((r) => Number(r.seq)))).toBe(3);
    const imports = [...a.logs(), ...b.logs()].filter(
      (l) => l.msg === 'corpus folder imported into the shared store',
    );
    expect(imports).toHaveLength(1);
    for (const to of [a, b]) {
      const answer = await slack.waitFor(
        await slash(to, '/search', 'harbour bridge crack'),
        `${to.name} answers`,
      );
      expect(answer).toMatch(/Harbour bridge closed/);
    }
  });

  it("answers on B from a file an editor changed in A's folder", async () => {
    const file = join(a.corpusDir, 'school-budget.txt');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trim()}\n\nThe budget also pays for a new rowing club boathouse at Westside.\n`,
    );
    const started = Date.now();
    let found: string | undefined;
    while (!found && Date.now() - started < 15_000) {
      const answer = await slack.waitFor(await slash(b, '/search', 'rowing club boathouse'), 'B answers');
      if (/school budget/i.test(answer)) found = answer;
      else await sleep(300);
    }
    expect(found, 'B answers from the edited file').toBeDefined();
    expect(readFileSync(join(b.corpusDir, 'school-budget.txt'), 'utf8')).toMatch(/rowing club boathouse/);
    const rows = await query<{ n: string }>(
      "SELECT count(*) AS n FROM corpus_files WHERE path = 'school-budget.txt'",
    );
    expect(rows[0]?.n).toBe('1');
  });

  it('makes an article ingested on A answerable on B within 5 seconds', async () => {
    const added = await slash(a, '/ingest', `<${web.base}/news/library>`);
    const reply = await slack.waitFor(added, 'A adds the article', 20_000);
    expect(reply).toMatch(/Added “Library opening hours extended”/);
    const addedAt = Date.now();
    let found: string | undefined;
    while (!found && Date.now() - addedAt < 5000) {
      const answer = await slack.waitFor(
        await slash(b, '/search', 'library opening hours evening'),
        'B answers',
      );
      if (/Library opening hours extended/.test(answer)) found = answer;
      else await sleep(200);
    }
    expect(found, 'B finds the article within 5 s').toBeDefined();
    expect(await articleRows("url LIKE '%/news/library'")).toHaveLength(1);
  }, 30_000);

  it('stores the same URL asked on A and B at once, and the same text under two URLs, once', async () => {
    const replies = await Promise.all([
      slash(a, '/ingest', `<${web.base}/news/ferry-a>`),
      slash(b, '/ingest', `<${web.base}/news/ferry-a>`),
      slash(b, '/ingest', `<${web.base}/news/ferry-b>`),
      slash(a, '/ingest', `<${web.base}/news/ferry-b>`),
    ]);
    const said = await Promise.all(replies.map((r) => slack.waitFor(r, 'an ingest reply', 20_000)));
    expect(said.filter((r) => /Added “Night ferry to return in spring”/.test(r))).toHaveLength(1);
    expect(await articleRows("url LIKE '%/news/ferry-%'")).toHaveLength(1);
    // The same URL was fetched by one instance only.
    const fetches = web.requests.filter((r) => r.path === '/news/ferry-a');
    expect(fetches.length).toBeLessThanOrEqual(1);
  }, 30_000);

  it('answers a Slack event once: answered by A, then retried to B', async () => {
    const body = mention(`EvSeveral1-${RUN}`, `1700000900.${RUN}`);
    const posts = () =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === `1700000900.${RUN}`);
    const send = (to: Instance, headers: Record<string, string> = {}) =>
      postSigned(to.eventsUrl, body, { signingSecret: SECRET, contentType: 'application/json', headers });
    expect((await send(a)).status).toBe(200);
    await slack.waitFor(() => posts().length === 1, 'A answers');
    expect((await send(b, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
      200,
    );
    await slack.waitFor(
      () =>
        b.logs().some((l) => l.msg === 'slack: repeated event ignored' && l.eventId === `EvSeveral1-${RUN}`),
      'B drops the retry',
    );
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it('answers a Slack event delivered to both at once only once', async () => {
    const body = mention(`EvSeveral2-${RUN}`, `1700000901.${RUN}`);
    const posts = () =>
      slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === `1700000901.${RUN}`);
    await Promise.all(
      [a, b, a, b].map((to) =>
        postSigned(to.eventsUrl, body, { signingSecret: SECRET, contentType: 'application/json' }),
      ),
    );
    await slack.waitFor(() => posts().length >= 1, 'one answer');
    await sleep(500);
    expect(posts()).toHaveLength(1);
  });

  it('answers a Discord mention that both sessions see once', async () => {
    const before = discord.requests.filter(route.channelMessage(IDS.channel)).length;
    discord.dispatch('MESSAGE_CREATE', guildMessage(`<@${IDS.bot}> who is the mayor?`));
    await discord.waitFor(route.channelMessage(IDS.channel), 10_000);
    await sleep(800);
    expect(discord.requests.filter(route.channelMessage(IDS.channel)).length - before).toBe(1);
  });

  it('answers a Discord interaction that both sessions see once (no second reply to fail with 40060)', async () => {
    const interaction = commandInteraction('help', {});
    interaction.payload.member.user.id = `1400000${RUN}`;
    discord.dispatch('INTERACTION_CREATE', interaction.payload);
    await discord.waitFor(route.callback(interaction.id), 10_000);
    await sleep(800);
    expect(discord.requests.filter(route.callback(interaction.id))).toHaveLength(1);
  });

  it('holds a limit of 5 a minute across both: requests alternating between A and B, 5 answered', async () => {
    for (let i = 0; i < 8; i++) {
      const form = slashCommandBody({
        command: '/sources',
        text: '',
        user_id: `ULIMITED${RUN}`,
        channel_id: 'C0000009',
        team_id: 'T0000001',
        response_url: slack.responseUrl(`limited-${RUN}-${i}`),
        trigger_id: `t${i}`,
      });
      const to = i % 2 === 0 ? a : b;
      const { status } = await postSigned(to.eventsUrl, form, {
        signingSecret: SECRET,
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(status).toBe(200);
    }
    const requests = () =>
      [...a.logs(), ...b.logs()].filter((l) => l.msg === 'request' && l.userId === `ULIMITED${RUN}`);
    await slack.waitFor(() => requests().length === 8, 'all 8 requests handled', 10_000);
    expect(requests().filter((l) => l.throttled === undefined)).toHaveLength(5);
    expect(requests().filter((l) => l.throttled === 'user')).toHaveLength(3);
    // Both instances answered some; "slow down" was said once between them.
    expect(new Set(requests().map((l) => l.pid)).size).toBe(2);
    await sleep(300);
    const said = slack.responses.filter((r) => r.name.startsWith(`limited-${RUN}-`));
    expect(said.filter((r) => /slow down/i.test(JSON.stringify(r.body)))).toHaveLength(1);
    expect(said).toHaveLength(6);
  });

  it('alerts a watched name once, though the article arrives at both instances', async () => {
    const channel = `CWATCH${RUN}`;
    const name = `watch-${RUN}-${++users}`;
    const form = slashCommandBody({
      command: '/watch',
      text: 'Okafr',
      user_id: `UWATCH${RUN}`,
      channel_id: channel,
      team_id: 'T0000001',
      response_url: slack.responseUrl(name),
      trigger_id: `t-${name}`,
    });
    await postSigned(b.eventsUrl, form, {
      signingSecret: SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
    const watched = await slack.waitFor(() => slack.responsesTo(name)[0], 'B watches');
    expect(String(watched.body.text)).toMatch(/^Watching "Jane Okafor" \(you typed "Okafr"\)/);
    // Ingested through A; B gets it from the shared article store. Both see it arrive.
    const added = await slash(a, '/ingest', `<${web.base}/news/terminal>`);
    expect(await slack.waitFor(added, 'A adds the article', 20_000)).toMatch(/Added “Ferry terminal/);
    const alerts = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
    await slack.waitFor(() => alerts().length > 0, 'the watch alert', 20_000);
    // B has it too (so B's alerter has seen it arrive), and neither posted a second time.
    const since = Date.now();
    let onB = false;
    while (!onB && Date.now() - since < 10_000) {
      const answer = await slack.waitFor(
        await slash(b, '/search', 'ferry terminal waiting hall unsafe'),
        'B',
      );
      onB = /Ferry terminal to be rebuilt/.test(answer);
      if (!onB) await sleep(200);
    }
    expect(onB, 'B indexed the article').toBe(true);
    await sleep(3000);
    expect(alerts()).toHaveLength(1);
    expect(String(alerts()[0]?.args.text)).toMatch(
      /^Jane Okafor in a new article: Ferry terminal to be rebuilt before winter[\s\S]*Okafor said the work would start in June/,
    );
  }, 60_000);
});
