/** Shared pieces of the digest tests: knowledge bases with chosen "added" times, temp dirs, a recording delivery. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../src/core/reply.ts';
import type { DeliveryTarget, DigestDelivery } from '../../src/digest/digestScheduler.ts';
import { loadCorpus } from '../../src/knowledge/loadCorpus.ts';
import type { Corpus } from '../../src/knowledge/types.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/search/knowledgeBase.ts';

let shipped: Corpus | undefined;

/** The shipped corpus, with every article's addedAt set (or removed, for undefined). */
export function shippedKnowledge(addedAt: Record<string, string | undefined> = {}): KnowledgeBase {
  shipped ??= loadCorpus('corpus');
  const articles = shipped.articles.map((a) => {
    const { addedAt: _ignored, ...rest } = a;
    const when = a.id in addedAt ? addedAt[a.id] : undefined;
    return when ? { ...rest, addedAt: when } : rest;
  });
  return buildKnowledgeBase({ ...shipped, articles });
}

/** Both shipped articles published 12 and 13 April 2017 and added long before. */
export function aprilKnowledge(): KnowledgeBase {
  return shippedKnowledge({
    'us-russia-where-next': '2017-01-01T00:00:00.000Z',
    'us-russia-deep-freeze': '2017-01-01T00:00:00.000Z',
  });
}

const dirs: string[] = [];

export function tempDir(prefix = 'digest-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Posted {
  target: DeliveryTarget;
  reply: Reply;
}

/** A delivery that records what it posted; `fail` decides per call whether (and how) it throws. */
export class RecordingDelivery implements DigestDelivery {
  readonly posted: Posted[] = [];
  calls = 0;

  constructor(
    private readonly fail: (call: number, target: DeliveryTarget) => Error | undefined = () => undefined,
  ) {}

  async post(target: DeliveryTarget, reply: Reply): Promise<void> {
    this.calls++;
    const error = this.fail(this.calls, target);
    if (error) throw error;
    this.posted.push({ target, reply });
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
