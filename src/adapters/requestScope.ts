/** One incoming request as the adapters see it: a short id, and a logger that stamps it on every line. */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../ops/logger.ts';

export interface RequestScope {
  reqId: string;
  log: Logger;
}

/** A short random id for one incoming request, carried by its log lines. */
export function newRequestId(): string {
  return randomBytes(6).toString('hex');
}

export function newRequestScope(log: Logger): RequestScope {
  const reqId = newRequestId();
  return { reqId, log: log.child({ reqId }) };
}
