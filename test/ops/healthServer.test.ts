/** The operator's port: liveness, readiness with named checks, and Prometheus metrics. */
import { afterEach, describe, expect, it } from 'vitest';
import { Readiness, type RunningHealthServer, startHealthServer } from '../../src/ops/healthServer.ts';
import { BotMetrics } from '../../src/ops/metrics.ts';
import { memoryLogger } from '../adapters/slack/support.ts';

let server: RunningHealthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string) {
  const response = await fetch(`http://127.0.0.1:${server?.port}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('health server', () => {
  it('is alive at once, ready only when every check passes, and serves metrics', async () => {
    const readiness = new Readiness();
    let corpus = false;
    let slack = true;
    readiness.set('corpus', () => corpus);
    readiness.set('slack', () => slack);
    readiness.set('broken', () => {
      throw new Error('a check that throws counts as not ready');
    });
    const metrics = new BotMetrics({ processMetrics: false });
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      readiness,
      metrics: () => metrics.render(),
      log: memoryLogger().log,
    });

    expect(await get('/healthz')).toMatchObject({ status: 200, body: expect.stringContaining('"ok"') });
    const notReady = await get('/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({
      status: 'not ready',
      checks: { corpus: false, slack: true, broken: false },
    });
    readiness.set('broken', () => true);
    corpus = true;
    expect(await get('/readyz')).toMatchObject({ status: 200 });
    slack = false; // reconnecting
    expect((await get('/readyz')).status).toBe(503);

    metrics.observeAnswer({
      request: { platform: 'slack' },
      command: 'who',
      outcome: 'answer',
      seconds: 0.004,
    });
    metrics.observeAnswer({
      request: { platform: 'slack' },
      command: 'who',
      outcome: 'throttled',
      throttled: 'user',
      seconds: 0,
    });
    metrics.countError('discord');
    metrics.countDigestRun('sent');
    const scraped = await get('/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.body).toContain(
      'newsbot_requests_total{command="who",platform="slack",outcome="answer"} 1',
    );
    expect(scraped.body).toContain('newsbot_answer_seconds_bucket{le="0.005",command="who"} 1');
    expect(scraped.body).toContain('newsbot_answer_seconds_count{command="who"} 1');
    expect(scraped.body).toContain('newsbot_throttled_total{reason="user"} 1');
    expect(scraped.body).toContain('newsbot_throttled_total{reason="busy"} 0');
    expect(scraped.body).toContain('newsbot_errors_total{source="discord"} 1');
    expect(scraped.body).toContain('newsbot_errors_total{source="command"} 0');
    expect(scraped.body).toContain('newsbot_digest_runs_total{result="sent"} 1');

    expect((await get('/nope')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('includes the process metrics by default', async () => {
    const metrics = new BotMetrics();
    const { body } = await metrics.render();
    expect(body).toMatch(/newsbot_process_resident_memory_bytes|newsbot_nodejs_heap_size_used_bytes/);
  });

  it('says clearly when its port is taken', async () => {
    const options = {
      port: 0,
      host: '127.0.0.1',
      readiness: new Readiness(),
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      log: memoryLogger().log,
    };
    server = await startHealthServer(options);
    await expect(startHealthServer({ ...options, port: server.port })).rejects.toThrow(
      `HEALTH_PORT ${server.port} is in use`,
    );
  });
});
