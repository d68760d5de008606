/**
 * Start-up against a Slack that is down: the token check (auth.test) that fails with a 500, a
 * timeout or a network error is tried again with back-off, for as long as it takes, instead of
 * exiting; a supervisor restarting the process would only loop, and hammer Slack, through the
 * outage. A refused token is final and ends the start at once.
 */
import type { Logger } from '../../ops/logger.ts';

export interface StartRetryPolicy {
  /** Wait before the second try; doubled for each one after. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_START_RETRY: StartRetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** Slack's answers that retrying cannot change: a token it refuses, a scope it lacks. */
const FINAL_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
]);

export function isFinalStartError(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' && FINAL_ERRORS.has(code);
}

/** Runs `attempt` until it succeeds or fails for good. */
export async function retryStart<T>(
  attempt: () => Promise<T>,
  log: Pick<Logger, 'warn'>,
  policy: StartRetryPolicy = DEFAULT_START_RETRY,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (isFinalStartError(error)) throw error;
      const waitMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
      log.warn(
        { err: error, attempt: tries, retryInMs: waitMs },
        'slack: could not verify the token (Slack unreachable or failing); trying again',
      );
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
