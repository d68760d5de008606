import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FetchLimits, SafeFetcher } from '../../src/ingest/safeFetch.ts';
import { type FixtureWebServer, startFixtureWebServer } from '../helpers/fixtureWebServer.ts';

const LOOPBACK: FetchLimits = { allow: ['loopback'], maxBytes: 64 * 1024, timeoutMs: 2000, maxRedirects: 2 };

let server: FixtureWebServer;
let fetchers: SafeFetcher[] = [];
function fetcher(limits: Partial<FetchLimits> = {}): SafeFetcher {
  const f = new SafeFetcher({ ...LOOPBACK, ...limits });
  fetchers.push(f);
  return f;
}

beforeEach(async () => {
  server = await startFixtureWebServer({
    '/page': {
      fixture: 'harbour-bridge.html',
      headers: { etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 10:00:00 GMT' },
    },
    '/hop1': { status: 302, headers: { location: '/hop2' } },
    '/hop2': { status: 301, headers: { location: '/page' } },
    '/hop3': { status: 302, headers: { location: '/hop1' } },
    '/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
    '/to-file': { status: 302, headers: { location: 'file:///etc/passwd' } },
    '/big': { body: 'x'.repeat(200 * 1024) },
    '/big-chunked': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = 'y'.repeat(16 * 1024);
        let sent = 0;
        const more = () => {
          if (res.destroyed) return;
          if (sent++ > 100) {
            res.end();
            return;
          }
          res.write(chunk, () => setImmediate(more));
        };
        more();
      },
    },
    '/slow': { handle: () => undefined },
  });
});

afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  fetchers = [];
  await server.close();
});

describe('SafeFetcher', () => {
  it('fetches a page, following redirects, with its validators', async () => {
    const page = await fetcher().fetch(`${server.base}/hop1`);
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${server.base}/page`);
    expect(page.body).toContain('Harbour Street bridge');
    expect(page.etag).toBe('"v1"');
    expect(page.lastModified).toBe('Tue, 05 Mar 2024 10:00:00 GMT');
  });

  it('refuses loopback addresses when loopback is not allowed, by IP literal and by name, before sending anything', async () => {
    const strict = fetcher({ allow: [] });
    await expect(strict.fetch(`${server.base}/page`)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
      message: expect.stringMatching(/127\.0\.0\.1, a loopback address/),
    });
    const port = new URL(server.base).port;
    await expect(strict.fetch(`http://localhost:${port}/page`)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
      message: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/),
    });
    await expect(strict.fetch(`http://[::ffff:127.0.0.1]:${port}/page`)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(server.requests).toEqual([]);
  });

  it('re-checks every redirect: a hop to a link-local address or another scheme is refused', async () => {
    await expect(fetcher().fetch(`${server.base}/to-metadata`)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
      message: expect.stringMatching(/169\.254\.169\.254, a link-local address/),
    });
    await expect(fetcher().fetch(`${server.base}/to-file`)).rejects.toMatchObject({ code: 'BAD_URL' });
  });

  it('follows at most FETCH_MAX_REDIRECTS redirects', async () => {
    await expect(fetcher().fetch(`${server.base}/hop3`)).rejects.toMatchObject({
      code: 'TOO_MANY_REDIRECTS',
    });
    await expect(fetcher({ maxRedirects: 3 }).fetch(`${server.base}/hop3`)).resolves.toMatchObject({
      status: 200,
    });
  });

  it('refuses a page larger than FETCH_MAX_BYTES, declared or streamed', async () => {
    await expect(fetcher().fetch(`${server.base}/big`)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/larger than 64 KB \(FETCH_MAX_BYTES\)/),
    });
    await expect(fetcher().fetch(`${server.base}/big-chunked`)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('gives up after FETCH_TIMEOUT_MS', async () => {
    await expect(fetcher({ timeoutMs: 300 }).fetch(`${server.base}/slow`)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringMatching(/did not answer within 300 ms/),
    });
  });

  it('reports HTTP errors with their status, and refuses other schemes and bad URLs', async () => {
    await expect(fetcher().fetch(`${server.base}/missing`)).rejects.toMatchObject({
      code: 'HTTP_STATUS',
      status: 404,
    });
    await expect(fetcher().fetch('ftp://example.com/x')).rejects.toMatchObject({ code: 'BAD_URL' });
    await expect(fetcher().fetch('not a url')).rejects.toMatchObject({ code: 'BAD_URL' });
  });

  it('sends the conditional request headers and reports 304 as not modified', async () => {
    server.routes.set('/feed', {
      handle: (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        res.writeHead(200, { etag: '"v1"' });
        res.end('<rss/>');
      },
    });
    const page = await fetcher().fetch(`${server.base}/feed`, { etag: '"v1"', lastModified: 'x' });
    expect(page).toMatchObject({ status: 304, notModified: true, body: '' });
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe('x');
  });
});
