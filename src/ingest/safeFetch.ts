/**
 * Fetching a URL someone typed in chat, safely: http and https only; every address the name
 * resolves to, and the address actually connected to, must pass the address policy (so a name
 * that resolves to 127.0.0.1, or re-resolves there later, is refused: DNS rebinding); redirects
 * followed by hand, at most FETCH_MAX_REDIRECTS, each hop checked again; the body read as a
 * stream and abandoned past FETCH_MAX_BYTES; the whole fetch, redirects and body included, within
 * FETCH_TIMEOUT_MS.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { Socket } from 'node:net';
import { Agent, buildConnector, request } from 'undici';
import { CodedError } from '../ops/errors.ts';
import { type AddressClass, checkAddress, ipLiteral } from './addressPolicy.ts';

export interface FetchLimits {
  /** Address classes allowed besides public unicast (FETCH_ALLOW_PRIVATE). */
  allow: readonly AddressClass[];
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export type FetchErrorCode =
  | 'BAD_URL'
  | 'BLOCKED_ADDRESS'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'TOO_MANY_REDIRECTS'
  | 'HTTP_STATUS'
  | 'NETWORK';

export class FetchError extends CodedError<FetchErrorCode> {
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

export interface FetchedPage {
  /** The URL finally read, after redirects. */
  url: string;
  status: number;
  /** 304: the conditional request's copy is still current; body is empty. */
  notModified: boolean;
  contentType: string;
  etag?: string;
  lastModified?: string;
  body: string;
}

export interface FetchOptions {
  accept?: string;
  /** Conditional request: the ETag and Last-Modified of the copy we have. */
  etag?: string;
  lastModified?: string;
}

const USER_AGENT = 'newsroom-knowledge-bot/0.1 (+archive ingest)';

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function charsetOf(contentType: string): string {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(contentType);
  const label = m?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/** Checks a URL before anything is sent: scheme, and the host when it is an IP literal. */
export function checkUrl(raw: string, allow: readonly AddressClass[]): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchError('BAD_URL', `"${raw}" is not a full URL: give one like https://example.com/story`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(
      'BAD_URL',
      `only http and https links can be fetched, not ${url.protocol.slice(0, -1)}`,
    );
  if (url.username || url.password)
    throw new FetchError('BAD_URL', 'links with a user name or password are refused');
  const literal = ipLiteral(url.hostname);
  if (literal) {
    const verdict = checkAddress(literal, allow);
    if (!verdict.ok) throw new FetchError('BLOCKED_ADDRESS', `refused ${verdict.reason}`);
  }
  return url;
}

/** One agent per fetcher: every connection it opens goes through the address policy. */
export class SafeFetcher {
  private readonly agent: Agent;

  constructor(readonly limits: FetchLimits) {
    const allow = limits.allow;
    const lookup = (
      hostname: string,
      options: LookupAllOptions | number | undefined,
      callback: (
        error: NodeJS.ErrnoException | null,
        address: string | LookupAddress[],
        family?: number,
      ) => void,
    ) => {
      const opts = typeof options === 'number' ? { family: options } : (options ?? {});
      dnsLookup(hostname, { ...opts, all: true }, (error, addresses) => {
        if (error) return callback(error, []);
        for (const a of addresses) {
          const verdict = checkAddress(a.address, allow);
          if (!verdict.ok) {
            return callback(
              Object.assign(new FetchError('BLOCKED_ADDRESS', `${hostname} resolves to ${verdict.reason}`), {
                errno: 0,
                syscall: 'lookup',
              }) as unknown as NodeJS.ErrnoException,
              [],
            );
          }
        }
        if ((opts as LookupAllOptions).all) return callback(null, addresses);
        const first = addresses[0];
        if (!first)
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        callback(null, first.address, first.family);
      });
    };
    const base = buildConnector({ lookup, timeout: limits.timeoutMs } as buildConnector.BuildOptions);
    this.agent = new Agent({
      // The address connected to, checked once more: whatever resolved it, this is where bytes go.
      connect: (options, callback) =>
        base(options, (error, socket) => {
          if (error || !socket) return callback(error ?? new Error('no socket'), null);
          const remote = (socket as Socket).remoteAddress;
          const verdict = remote
            ? checkAddress(remote, allow)
            : { ok: false as const, reason: 'unknown peer' };
          if (!verdict.ok) {
            socket.destroy();
            return callback(new FetchError('BLOCKED_ADDRESS', `connected to ${verdict.reason}`), null);
          }
          callback(null, socket);
        }),
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
    } as Agent.Options);
  }

  /** GETs `raw`, following redirects by hand; throws FetchError with a message fit for the user. */
  async fetch(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
    const { limits } = this;
    const signal = AbortSignal.timeout(limits.timeoutMs);
    let url = checkUrl(raw, limits.allow);
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-encoding': 'identity',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal });
      } catch (error) {
        throw this.describe(error, url, signal);
      }
      const status = response.statusCode;
      const location = header(response.headers, 'location');
      if (status >= 300 && status < 400 && status !== 304 && location) {
        await response.body.dump().catch(() => undefined);
        if (hop >= limits.maxRedirects)
          throw new FetchError(
            'TOO_MANY_REDIRECTS',
            `${raw} redirects more than ${limits.maxRedirects} times`,
          );
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError('BAD_URL', `${url.href} redirects to an invalid address`);
        }
        url = checkUrl(next.href, limits.allow);
        continue;
      }
      const contentType = header(response.headers, 'content-type') ?? '';
      const meta = {
        url: url.href,
        status,
        contentType,
        ...(header(response.headers, 'etag') ? { etag: header(response.headers, 'etag') as string } : {}),
        ...(header(response.headers, 'last-modified')
          ? { lastModified: header(response.headers, 'last-modified') as string }
          : {}),
      };
      if (status === 304) {
        await response.body.dump().catch(() => undefined);
        return { ...meta, notModified: true, body: '' };
      }
      if (status < 200 || status >= 300) {
        await response.body.dump().catch(() => undefined);
        throw new FetchError('HTTP_STATUS', `${url.href} answered HTTP ${status}`, { status });
      }
      const declared = Number(header(response.headers, 'content-length'));
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        response.body.destroy();
        throw this.tooLarge(url);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body) {
          size += (chunk as Buffer).length;
          if (size > limits.maxBytes) {
            response.body.destroy();
            throw this.tooLarge(url);
          }
          chunks.push(chunk as Buffer);
        }
      } catch (error) {
        throw this.describe(error, url, signal);
      }
      const body = new TextDecoder(charsetOf(contentType)).decode(Buffer.concat(chunks));
      return { ...meta, notModified: false, body };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private tooLarge(url: URL): FetchError {
    return new FetchError(
      'TOO_LARGE',
      `${url.href} is larger than ${formatBytes(this.limits.maxBytes)} (FETCH_MAX_BYTES)`,
    );
  }

  private describe(error: unknown, url: URL, signal: AbortSignal): FetchError {
    if (error instanceof FetchError) return error;
    const cause = (error as { cause?: unknown })?.cause;
    if (cause instanceof FetchError) return cause;
    const code = (error as { code?: string })?.code;
    if (
      signal.aborted ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    )
      return new FetchError(
        'TIMEOUT',
        `${url.href} did not answer within ${this.limits.timeoutMs} ms (FETCH_TIMEOUT_MS)`,
        { cause: error },
      );
    const message = (error as Error)?.message ?? String(error);
    return new FetchError(
      'NETWORK',
      `could not fetch ${url.href}: ${code ? `${code} ` : ''}${message}`.trim(),
      { cause: error },
    );
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
