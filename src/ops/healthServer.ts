/**
 * The operator's port: GET /healthz (the process is alive and its event loop turns), GET /readyz
 * (200 only when every readiness check passes: corpus loaded, each started adapter connected, not
 * shutting down; 503 otherwise, with the failing checks named) and GET /metrics (Prometheus text).
 * A separate small node:http server, apart from the Slack HTTP receiver's PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodedError } from './errors.ts';
import type { Logger } from './logger.ts';

/** Named readiness checks; all must pass for /readyz to say 200. */
export class Readiness {
  readonly #checks = new Map<string, () => boolean>();

  set(name: string, check: () => boolean): void {
    this.#checks.set(name, check);
  }

  report(): { ready: boolean; checks: Record<string, boolean> } {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of this.#checks) {
      try {
        checks[name] = check();
      } catch {
        checks[name] = false;
      }
    }
    return { ready: Object.values(checks).every(Boolean), checks };
  }
}

export class HealthPortInUseError extends CodedError<'HEALTH_PORT_IN_USE'> {
  constructor(message: string, options?: ErrorOptions) {
    super('HEALTH_PORT_IN_USE', message, options);
  }
}

export interface HealthServerOptions {
  /** 0 picks a free port (see the returned port). */
  port: number;
  /** Address to bind (HEALTH_HOST); all interfaces when not given. */
  host?: string;
  readiness: Readiness;
  metrics: () => Promise<{ contentType: string; body: string }>;
  log: Logger;
}

export interface RunningHealthServer {
  readonly port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json', `${JSON.stringify(body)}\n`);

export async function startHealthServer(options: HealthServerOptions): Promise<RunningHealthServer> {
  const { readiness, metrics, log } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return json(res, 405, { error: 'method not allowed' });
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    switch (path) {
      case '/healthz':
        return json(res, 200, { status: 'ok', uptime_s: Math.round(process.uptime()) });
      case '/readyz': {
        const { ready, checks } = readiness.report();
        return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
      }
      case '/metrics': {
        const { contentType, body } = await metrics();
        return send(res, 200, contentType, body);
      }
      default:
        return json(res, 404, { error: 'not found: try /healthz, /readyz or /metrics' });
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error, path: req.url }, 'health server: request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // Probes are tiny; a client that stalls must not hold a socket open for long.
  server.requestTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new HealthPortInUseError(
              `HEALTH_PORT ${options.port} is in use by another program: choose another port (0 picks a free one).`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'health server error'));
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
