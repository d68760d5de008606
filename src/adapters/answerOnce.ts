/**
 * How long an instance holds an incoming event while answering it, and how long a finished one is
 * remembered. With several instances (or Slack's retries, or Discord delivering every message to
 * every session) exactly one answers: the event's key is leased (see state/leases.ts) and marked
 * done only once the answer was posted. The lease is short, so that if the holder dies mid-answer
 * Slack's next retry (a minute later) finds it free; the memory is longer than Slack's last retry
 * (five minutes).
 */
export const ANSWER_LEASE = { leaseMs: 30_000, keepMs: 15 * 60_000 } as const;
