/**
 * A fake Slack on 127.0.0.1 for driving the real Bolt App: the Web API (`POST /api/<method>`),
 * response_url endpoints (`POST /respond/<name>`), and the Socket Mode WebSocket that
 * apps.connections.open points at. It records everything the app sends, so tests assert on
 * Slack-visible effects. Also signs requests the way Slack does, for the HTTP receiver.
 *
 * OAuth: workspaces added with addWorkspace() can be installed (oauth.v2.access exchanges the
 * workspace's code for its bot token) and, with token rotation, refreshed (oauth.v2.access with
 * grant_type=refresh_token issues the next token and refresh token; a used refresh token is refused
 * as Slack does). auth.test answers for each workspace's current token.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  token: string | undefined;
  /** The form fields, with JSON-valued ones (`blocks`) parsed. */
  args: Record<string, unknown>;
}

export interface ResponseUrlPost {
  name: string;
  body: Record<string, unknown>;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/** A workspace the fake can install the app in. */
export interface FakeWorkspace {
  teamId: string;
  teamName?: string;
  /** The code Slack would put in the redirect after the user approves the install. */
  code: string;
  /** The bot token issued at install. */
  token: string;
  botUserId?: string;
  botId?: string;
  /** Token rotation: the refresh token issued at install, and the first token's lifetime in seconds. */
  refreshToken?: string;
  expiresIn?: number;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

/** A fault for the next call to a method: an HTTP status (429 with Retry-After, 500) or a delay. */
export interface HttpFault {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (longer than the client's timeout makes it give up). */
  delayMs?: number;
}

export interface SocketEnvelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: unknown;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const looksJson = /^[[{]/.test(value);
    try {
      args[key] = looksJson ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: SocketAck[] = [];
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly #failures = new Map<string, string[]>();
  readonly #faults = new Map<string, HttpFault[]>();
  #responseDelayMs = 0;
  readonly #sockets = new Set<WebSocket>();
  readonly #workspaces: Array<Required<Omit<FakeWorkspace, 'refreshToken' | 'expiresIn'>> & FakeWorkspace> =
    [];
  #refreshes = 0;
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  #ts = 1_700_000_000;

  private constructor(options: FakeSlackOptions) {
    this.botUserId = options.botUserId ?? 'UBOT0001';
    this.botId = options.botId ?? 'BBOT0001';
    this.teamId = options.teamId ?? 'T0000001';
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) =>
        sendJson(res, 500, { ok: false, error: String(error) }),
      );
    });
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as SocketAck;
        if (typeof message.envelope_id === 'string') this.acks.push(message);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0000001' } }),
      );
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url whose posts are recorded under `name`. */
  responseUrl(name: string): string {
    return `${this.url}/respond/${encodeURIComponent(name)}`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(name: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.name === name);
  }

  /** The next call to `method` answers `{ ok: false, error }`, as Slack does for e.g. channel_not_found. */
  failNext(method: string, error = 'channel_not_found'): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /**
   * The next call to `method` (a Web API method, or `respond/<name>` for a response URL) meets
   * this fault; queued faults apply one per call, in order.
   */
  faultNext(method: string, fault: HttpFault): void {
    this.#faults.set(method, [...(this.#faults.get(method) ?? []), fault]);
  }

  /** Every response-URL post is answered only after this long (an answer still being delivered). */
  delayResponses(ms: number): void {
    this.#responseDelayMs = ms;
  }

  /** A workspace the app can be installed in (see FakeWorkspace). */
  addWorkspace(workspace: FakeWorkspace): void {
    this.#workspaces.push({
      teamName: `Team ${workspace.teamId}`,
      botUserId: `UBOT${workspace.teamId}`,
      botId: `BBOT${workspace.teamId}`,
      ...workspace,
    });
  }

  /** The workspace's token now (after any refreshes). */
  tokenOf(teamId: string): string | undefined {
    return this.#workspaces.find((w) => w.teamId === teamId)?.token;
  }

  /** The oauth.v2.access calls that refreshed a token (grant_type=refresh_token). */
  refreshCalls(): ApiCall[] {
    return this.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');
  }

  #oauthAccess(args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id === undefined || args.client_secret === undefined) {
      return { ok: false, error: 'invalid_client_id' };
    }
    if (args.grant_type === 'refresh_token') {
      const workspace = this.#workspaces.find((w) => w.refreshToken && w.refreshToken === args.refresh_token);
      if (!workspace) return { ok: false, error: 'invalid_refresh_token' };
      this.#refreshes += 1;
      workspace.token = `${workspace.token.replace(/-r\d+$/, '')}-r${this.#refreshes}`;
      workspace.refreshToken = `${workspace.refreshToken?.replace(/-r\d+$/, '')}-r${this.#refreshes}`;
      return {
        ok: true,
        token_type: 'bot',
        access_token: workspace.token,
        refresh_token: workspace.refreshToken,
        // A refreshed token lasts Slack's 12 hours; `expiresIn` is the lifetime of the first one.
        expires_in: 43_200,
        team: { id: workspace.teamId, name: workspace.teamName },
      };
    }
    const workspace = this.#workspaces.find((w) => w.code === args.code);
    if (!workspace) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'A0000001',
      authed_user: { id: 'UINSTALLER' },
      scope: 'app_mentions:read,chat:write,chat:write.public,commands,im:history',
      token_type: 'bot',
      access_token: workspace.token,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
      ...(workspace.refreshToken
        ? { refresh_token: workspace.refreshToken, expires_in: workspace.expiresIn ?? 43_200 }
        : {}),
    };
  }

  /** Cuts every Socket Mode connection, as a network failure would (no close handshake). */
  dropSockets(): void {
    for (const socket of this.#sockets) socket.terminate();
  }

  get socketCount(): number {
    return this.#sockets.size;
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: SocketEnvelope): void {
    if (this.#sockets.size === 0) throw new Error('FakeSlack: no Socket Mode client is connected');
    for (const socket of this.#sockets) socket.send(JSON.stringify(envelope));
  }

  /** Polls until `probe` returns something other than undefined/false, or fails after `timeoutMs`. */
  async waitFor<T>(probe: () => T | undefined | false, what = 'condition', timeoutMs = 3000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`FakeSlack: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const args = parseArgs(req.headers['content-type'], raw);

    if (url.pathname.startsWith('/respond/')) {
      const name = decodeURIComponent(url.pathname.slice('/respond/'.length));
      if (this.#responseDelayMs) await new Promise((resolve) => setTimeout(resolve, this.#responseDelayMs));
      const fault = this.#faults.get(`respond/${name}`)?.shift();
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.status) {
        sendJson(res, fault.status, fault.body ?? { ok: false });
        return;
      }
      this.responses.push({ name, body: args });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }

    const method = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : undefined;
    if (req.method !== 'POST' || !method) {
      sendJson(res, 404, { ok: false, error: 'unknown_method' });
      return;
    }
    const auth = req.headers.authorization;
    this.calls.push({ method, token: auth?.replace(/^Bearer /, ''), args });

    const fault = this.#faults.get(method)?.shift();
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status) {
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(JSON.stringify(fault.body ?? { ok: false, error: 'fault' }));
      return;
    }
    const failure = this.#failures.get(method)?.shift();
    if (failure) {
      sendJson(res, 200, { ok: false, error: failure });
      return;
    }
    switch (method) {
      case 'oauth.v2.access':
        sendJson(res, 200, this.#oauthAccess(args));
        return;
      case 'auth.test': {
        const workspace = this.#workspaces.find((w) => w.token === auth?.replace(/^Bearer /, ''));
        if (workspace) {
          sendJson(res, 200, {
            ok: true,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
            team_id: workspace.teamId,
            user: 'newsbot',
          });
          return;
        }
        sendJson(res, 200, {
          ok: true,
          user_id: this.botUserId,
          bot_id: this.botId,
          team_id: this.teamId,
          user: 'newsbot',
        });
        return;
      }
      case 'apps.connections.open':
        sendJson(res, 200, {
          ok: true,
          url: `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link`,
        });
        return;
      case 'chat.postMessage': {
        this.#ts += 1;
        const ts = `${this.#ts}.000100`;
        sendJson(res, 200, { ok: true, channel: args.channel, ts, message: { text: args.text, ts } });
        return;
      }
      case 'chat.postEphemeral':
        sendJson(res, 200, { ok: true, message_ts: `${this.#ts}.000200` });
        return;
      default:
        sendJson(res, 200, { ok: true });
    }
  }
}

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  signingSecret: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature (to test a bad one). */
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs a body to the app the way Slack does, signed. */
export async function postSigned(
  url: string,
  body: string,
  options: SignedPostOptions,
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.signingSecret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** A slash command as Slack POSTs it: form fields. */
export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactive payload (button click) as Slack POSTs it: one `payload` form field of JSON. */
export function interactiveBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
