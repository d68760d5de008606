/**
 * A web server on 127.0.0.1 for fetch tests: serves fixture pages and feeds by path, with
 * "{{BASE}}" in a body replaced by the server's own origin, and records every request.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  /** A fixture file under test/fixtures/ingest/, or the body itself. */
  fixture?: string;
  body?: string;
  /** Full control. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface FixtureWebServer {
  base: string;
  routes: Map<string, Route>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');
}

export async function startFixtureWebServer(routes: Record<string, Route> = {}): Promise<FixtureWebServer> {
  const table = new Map(Object.entries(routes));
  const requests: FixtureWebServer['requests'] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (route.handle) return route.handle(req, res);
    const raw = route.fixture ? fixture(route.fixture) : (route.body ?? '');
    const body = raw.replaceAll('{{BASE}}', base);
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    routes: table,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
