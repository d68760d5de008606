/**
 * A fake Discord on 127.0.0.1: a REST server (node:http) and a gateway (ws) good enough for the
 * real discord.js Client to log in, receive dispatches and answer them. Every REST call is
 * recorded; tests wait for the one they expect, and can make the next matching call fail.
 * Payload shapes follow Discord's documented ones (see test/fixtures/discord).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

const FIXTURES = new URL('../fixtures/discord/', import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form Discord JSON
export type Json = any;

export function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

const READY = fixture('ready.json');
const GUILD = fixture('guild_create.json');

export const IDS = {
  bot: READY.user.id as string,
  application: READY.application.id as string,
  guild: GUILD.id as string,
  botRole: '1500000000000000001',
  channel: '1300000000000000001',
  listenChannel: '1300000000000000002',
  dmChannel: '1300000000000000003',
  noEmbedChannel: '1300000000000000004',
  user: '1400000000000000001',
  otherBot: '1400000000000000002',
  /** A second server, which lands on shard 0 of 2 where the first lands on shard 1. */
  guild2: '1200000000004194305',
  guild2Channel: '1300000000004194305',
  guild2BotRole: '1500000000004194305',
} as const;

/** The shard that receives a guild's events: (guild_id >> 22) % shard_count, as Discord routes them. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The second server's GUILD_CREATE: the first one's, with its own ids and one channel. */
export function secondGuild(): Json {
  const g = structuredClone(GUILD);
  g.id = IDS.guild2;
  g.name = 'Second Newsroom';
  g.channels = [{ ...g.channels[0], id: IDS.guild2Channel, name: 'second-desk' }];
  g.system_channel_id = null;
  g.rules_channel_id = null;
  g.public_updates_channel_id = null;
  g.roles = [
    { ...g.roles[0], id: IDS.guild2 },
    { ...g.roles[1], id: IDS.guild2BotRole },
  ];
  g.members = g.members.map((m: Json) => ({ ...m, roles: [IDS.guild2BotRole] }));
  return g;
}

const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** A fresh snowflake with the current time in it, as Discord makes them. */
export function snowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | sequence).toString();
}

export interface RecordedRequest {
  method: string;
  /** Path without the query, such as /api/v10/interactions/1/tok/callback. */
  path: string;
  query: URLSearchParams;
  body: Json;
  headers: IncomingMessage['headers'];
}

type Matcher = (req: RecordedRequest) => boolean;

interface Failure {
  match: Matcher;
  status: number;
  body: Json;
  headers?: Record<string, string>;
  delayMs?: number;
}

interface Waiter {
  match: Matcher;
  resolve: (req: RecordedRequest) => void;
}

export interface FakeDiscordOptions {
  /** Put the bot in the guild fixture (READY lists it, GUILD_CREATE follows). Default true. */
  withGuild?: boolean;
  /** Close the gateway with this code on IDENTIFY instead of READY (4004 bad token, 4014 disallowed intents). */
  closeOnIdentify?: number;
  /** Put the bot in the second server too (IDS.guild2), for tests of shards. Default false. */
  withSecondGuild?: boolean;
  /** The shard count /gateway/bot recommends. Default 1. */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency of /gateway/bot: sessions that may identify per 5 s. Default 1. */
  maxConcurrency?: number;
}

/** A gateway session's shard as IDENTIFY named it: [id, count]; [0, 1] without sharding. */
type ShardPair = [number, number];

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Every message the bot posted, as the fake answered it (with its id), oldest first. */
  readonly created: Json[] = [];
  /** The IDENTIFY payloads the gateway received (intents, token). */
  readonly identified: Json[] = [];
  private readonly taken = new Set<RecordedRequest>();
  private readonly waiters: Waiter[] = [];
  private readonly failures: Failure[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** The shard each identified socket runs; events go only to the sockets of their shard. */
  private readonly shardOfSocket = new Map<WebSocket, ShardPair>();
  private seq = 0;

  private constructor(
    private readonly http: Server,
    private readonly gateway: WebSocketServer,
    private readonly options: FakeDiscordOptions & { withGuild: boolean },
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const gateway = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => gateway.once('listening', () => resolve()));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const fake = new FakeDiscord(http, gateway, { ...options, withGuild: options.withGuild ?? true });
    http.on('request', (req, res) => void fake.onRequest(req, res));
    gateway.on('connection', (socket) => fake.onConnection(socket));
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${(this.gateway.address() as AddressInfo).port}`;
  }

  /** The next call for which `match` is true: one already received and not yet taken, or the next to come. */
  waitFor(match: Matcher, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find((r) => !this.taken.has(r) && match(r));
    if (seen) {
      this.taken.add(seen);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (req) => {
          clearTimeout(timer);
          resolve(req);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `fake Discord: no matching request within ${timeoutMs} ms; got ${this.describeRequests()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Answers the next call for which `match` is true with this status and body, once. */
  failNext(
    match: Matcher,
    status: number,
    body: Json = { message: 'Internal Server Error', code: 0 },
    headers?: Record<string, string>,
  ): void {
    this.failures.push({ match, status, body, ...(headers ? { headers } : {}) });
  }

  /** A 429 as Discord sends it: Retry-After in seconds (header) and retry_after (body), once. */
  rateLimitNext(match: Matcher, retryAfterSeconds: number): void {
    this.failNext(
      match,
      429,
      { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    );
  }

  /** Holds the next matching call this long before answering it normally (a slow or hung Discord). */
  delayNext(match: Matcher, delayMs: number): void {
    this.failures.push({ match, status: 0, body: undefined, delayMs });
  }

  /**
   * Ends every gateway connection: with a close code (4000, unknown error, lets the client resume),
   * or without one, as a network failure does.
   */
  dropGateway(code?: number): void {
    for (const socket of this.sockets) {
      if (code === undefined) socket.terminate();
      else socket.close(code, 'dropped by fake Discord');
    }
  }

  /** Gateway sessions resumed (op 6), for asserting a reconnect resumed rather than re-identified. */
  readonly resumed: Json[] = [];

  /**
   * Sends a gateway dispatch (op 0) to the connected clients of its shard, as Discord does: a guild's
   * events to shard (guild_id >> 22) % count, direct messages to shard 0. Unsharded sessions
   * ([0, 1]) all get everything.
   */
  dispatch(t: string, d: Json): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const socket of this.sockets) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      const [id, count] = this.shardOfSocket.get(socket) ?? [0, 1];
      const target = typeof d?.guild_id === 'string' ? shardOf(d.guild_id, count) : 0;
      if (target === id) socket.send(frame);
    }
  }

  /** The shards of the gateway sessions open now (identified and not closed), sorted. */
  liveShards(): ShardPair[] {
    return [...this.shardOfSocket.entries()]
      .filter(([socket]) => socket.readyState === WebSocket.OPEN)
      .map(([, pair]) => pair)
      .sort((a, b) => a[0] - b[0]);
  }

  describeRequests(): string {
    return this.requests.map((r) => `${r.method} ${r.path}`).join(', ') || '(nothing)';
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOfSocket.delete(socket);
    });
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Json };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 6) {
        this.resumed.push(packet.d);
        this.seq += 1;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: this.seq, d: {} }));
      }
      if (packet.op === 2) {
        this.identified.push(packet.d);
        if (this.options.closeOnIdentify) {
          socket.close(this.options.closeOnIdentify, 'closed by fake Discord');
          return;
        }
        const shard: ShardPair = Array.isArray(packet.d?.shard) ? packet.d.shard : [0, 1];
        this.shardOfSocket.set(socket, shard);
        // Each session hears of the servers on its own shard only.
        const guilds = [
          ...(this.options.withGuild ? [GUILD] : []),
          ...(this.options.withSecondGuild ? [secondGuild()] : []),
        ].filter((g) => shardOf(g.id, shard[1]) === shard[0]);
        const ready = {
          ...READY,
          resume_gateway_url: this.gatewayUrl,
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          shard,
        };
        this.seq += 1;
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: this.seq, d: ready }));
        for (const guild of guilds) {
          this.seq += 1;
          socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: this.seq, d: guild }));
        }
      }
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body: raw && String(req.headers['content-type']).includes('json') ? JSON.parse(raw) : raw || undefined,
      headers: req.headers,
    };
    this.requests.push(recorded);

    const failure = this.failures.find((f) => f.match(recorded));
    if (failure) this.failures.splice(this.failures.indexOf(failure), 1);
    if (failure?.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (failure?.status) {
      this.send(res, failure.status, failure.body, failure.headers);
    } else {
      const [status, body] = this.route(recorded);
      this.send(res, status, body);
    }
    const waiter = this.waiters.find((w) => w.match(recorded));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      this.taken.add(recorded);
      waiter.resolve(recorded);
    }
  }

  private send(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
    // A client that gave up (timed out) has closed the socket; there is no one to answer.
    if (res.destroyed || res.socket?.destroyed) return;
    if (status === 204 || body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  private route(req: RecordedRequest): [number, Json] {
    const p = req.path.replace(/^\/api\/v\d+/, '');
    const m = req.method;
    if (m === 'GET' && p === '/gateway/bot') {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.options.recommendedShards ?? 1,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: this.options.maxConcurrency ?? 1,
          },
        },
      ];
    }
    if (m === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) return [204, undefined];
    let match = /^\/channels\/(\d+)\/messages$/.exec(p);
    if (m === 'POST' && match?.[1]) return [200, this.message(match[1], req.body)];
    if (m === 'POST' && /^\/channels\/\d+\/typing$/.test(p)) return [204, undefined];
    match = /^\/webhooks\/(\d+)\/[^/]+\/messages\/@original$/.exec(p);
    if (m === 'PATCH' && match) return [200, this.message(IDS.channel, req.body, match[1])];
    if (m === 'DELETE' && match) return [204, undefined];
    match = /^\/webhooks\/(\d+)\/[^/]+$/.exec(p);
    if (m === 'POST' && match) return [200, this.message(IDS.channel, req.body, match[1])];
    match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p);
    if (m === 'PUT' && match && Array.isArray(req.body)) {
      const [, app, guild] = match;
      return [
        200,
        req.body.map((c: Json) => ({
          ...c,
          id: snowflake(),
          application_id: app,
          version: snowflake(),
          ...(guild ? { guild_id: guild } : {}),
        })),
      ];
    }
    return [404, { message: `fake Discord: no route for ${m} ${p}`, code: 0 }];
  }

  private message(channelId: string, body: Json, webhookId?: string): Json {
    const message = {
      id: snowflake(),
      type: body?.message_reference ? 19 : 0,
      channel_id: channelId,
      author: { ...READY.user },
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      flags: body?.flags ?? 0,
      ...(webhookId ? { webhook_id: webhookId, application_id: webhookId } : {}),
      ...(body?.message_reference
        ? { message_reference: { channel_id: channelId, ...body.message_reference } }
        : {}),
    };
    this.created.push(message);
    return message;
  }
}

/** Paths the adapter answers on. */
export const route = {
  callback: (interactionId: string) => (r: RecordedRequest) =>
    r.method === 'POST' &&
    r.path.startsWith(`/api/v10/interactions/${interactionId}/`) &&
    r.path.endsWith('/callback'),
  channelMessage: (channelId: string) => (r: RecordedRequest) =>
    r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages`,
  editOriginal: (token: string) => (r: RecordedRequest) =>
    r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.application}/${token}/messages/@original`,
};

interface Interaction {
  id: string;
  token: string;
  payload: Json;
}

function baseInteraction(): Interaction {
  const payload = fixture('interaction_command.json');
  const id = snowflake();
  payload.id = id;
  payload.token = `fake-token-${id}`;
  return { id, token: payload.token, payload };
}

/** A slash command, as INTERACTION_CREATE sends it. Options are string options, in the given order. */
export function commandInteraction(name: string, options: Record<string, string> = {}): Interaction {
  const i = baseInteraction();
  i.payload.data = {
    id: '1700000000000000001',
    name,
    type: 1,
    options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })),
  };
  return i;
}

/** Typing in an option with autocomplete: Discord sends the partial value with focused: true. */
export function autocompleteInteraction(name: string, option: string, typed: string): Interaction {
  const i = commandInteraction(name);
  i.payload.type = 4;
  i.payload.data.options = [{ name: option, type: 3, value: typed, focused: true }];
  return i;
}

/** A click on a button with this custom_id, on a message the bot sent earlier. */
export function buttonInteraction(customId: string, messageComponents: Json[] = []): Interaction {
  const i = baseInteraction();
  i.payload.type = 3;
  i.payload.message = {
    id: snowflake(),
    type: 20,
    channel_id: IDS.channel,
    author: { ...READY.user },
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: messageComponents,
    pinned: false,
    flags: 0,
    application_id: IDS.application,
    webhook_id: IDS.application,
  };
  i.payload.data = { custom_id: customId, component_type: 2 };
  return i;
}

/** A guild message; mentions the bot unless told otherwise. */
export function guildMessage(
  content: string,
  options: {
    channelId?: string;
    mentionBot?: boolean;
    authorBot?: boolean;
    mentionRole?: boolean;
    /** In the second server (IDS.guild2, its channel unless channelId says otherwise). */
    secondGuild?: boolean;
  } = {},
): Json {
  const m = fixture('message_create_mention.json');
  m.id = snowflake();
  m.nonce = m.id;
  m.content = content;
  m.channel_id = options.channelId ?? (options.secondGuild ? IDS.guild2Channel : IDS.channel);
  if (options.secondGuild) {
    m.guild_id = IDS.guild2;
    for (const mention of m.mentions) mention.member.roles = [IDS.guild2BotRole];
  }
  m.timestamp = new Date().toISOString();
  if (options.mentionBot === false) m.mentions = [];
  if (options.mentionRole) {
    m.mentions = [];
    m.mention_roles = [IDS.botRole];
  }
  if (options.authorBot) m.author = { ...m.author, id: IDS.otherBot, username: 'otherbot', bot: true };
  return m;
}

export function directMessage(content: string): Json {
  const m = fixture('message_create_dm.json');
  m.id = snowflake();
  m.nonce = m.id;
  m.content = content;
  m.timestamp = new Date().toISOString();
  return m;
}
