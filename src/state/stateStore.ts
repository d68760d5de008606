/**
 * What the bot remembers between restarts: digest subscriptions and the runs of their scheduled
 * slots. An interface, so a server database can stand in for SQLite when several bot instances
 * share the work; every method is async for that reason, though SQLite answers at once.
 *
 * A run is one scheduled slot of one subscription. Its row is the claim: whoever inserts it owns
 * the slot, so two processes sharing the database never both post it.
 *
 *   claimed ──> posting ──> sent
 *      │           │
 *      │           └──> retrying ──> posting ... ──> failed (attempts used up)
 *      └──> skipped (a quiet window, or missed while the bot was down)
 *
 * A claim whose owner went quiet for longer than the lease may be taken over, unless it was in
 * the middle of posting: whether that post arrived is unknown, so it is recorded as failed rather
 * than posted a second time.
 */
import type { ArchiveState } from './archiveState.ts';
import type { WorkspaceInstallations } from './installations.ts';
import type { ThreadContexts } from './threadContexts.ts';
import type { WatchState } from './watchState.ts';

export type Platform = 'slack' | 'discord' | (string & {});

export interface Subscription {
  id: number;
  platform: Platform;
  /**
   * The Slack workspace (team) or Discord server the channel belongs to: whose token posts the
   * digest, and whose uninstall removes it. Unset for subscriptions made before workspaces were kept.
   */
  workspaceId?: string;
  channelId: string;
  /** Normalised schedule as typed: "daily 08:00", "weekly monday 08:00", 'cron "0 8 * * 1-5"'. */
  spec: string;
  cron: string;
  timeZone: string;
  /** Post nothing for a window without new articles (default: post a short "quiet" digest). */
  skipQuiet: boolean;
  /** 'chat': made with /digest subscribe; 'config': declared in DIGEST_SUBSCRIPTIONS. */
  origin: 'chat' | 'config';
  createdBy?: string;
  /** ISO timestamp; slots before it are never owed. */
  createdAt: string;
}

export interface SubscriptionFilter {
  platform?: Platform;
  channelId?: string;
  workspaceId?: string;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt'> & { createdAt: Date };

export type RunStatus = 'claimed' | 'posting' | 'retrying' | 'sent' | 'failed' | 'skipped';

export const FINAL_STATUSES: readonly RunStatus[] = ['sent', 'failed', 'skipped'];

export interface DigestRun {
  subscriptionId: number;
  /** ISO timestamp of the scheduled time. */
  slot: string;
  status: RunStatus;
  /** The scheduler instance that holds (or held) the claim. */
  owner: string;
  /** Post attempts made so far. */
  attempts: number;
  claimedAt: string;
  updatedAt: string;
  /** Why it failed or was skipped, or where it was posted. */
  detail?: string;
}

export type ClaimOutcome =
  /** This owner now holds the slot (newly, or taken over from an owner that went quiet). */
  | 'claimed'
  /** Another owner holds it, or it is finished. */
  | 'taken';

/** A request to claim one scheduled slot of a subscription (see StateStore.claimSlot). */
export interface SlotClaim {
  subscriptionId: number;
  slot: Date;
  owner: string;
  now: Date;
  leaseMs: number;
  status?: 'claimed' | 'skipped';
  detail?: string;
}

/** The outcome of one attempt to post a claimed slot (see StateStore.finishAttempt). */
export interface AttemptOutcome {
  subscriptionId: number;
  slot: Date;
  owner: string;
  now: Date;
  status: 'sent' | 'retrying' | 'failed' | 'skipped';
  detail?: string;
}

export interface StateStore {
  /** What growing the archive remembers (ingested addresses, followed feeds), in the same store. */
  readonly archive: ArchiveState;
  /** Watched names: the watches of each channel and their alerts, in the same store. */
  readonly watches: WatchState;
  /** The conversations' contexts, for follow-up questions (see threadContexts.ts). */
  readonly threads: ThreadContexts;
  /** Chat platform installations, one per workspace (Slack installed by OAuth in many workspaces). */
  readonly installations: WorkspaceInstallations;
  /**
   * Removes everything one workspace stored: its subscriptions (with their runs, so pending digests
   * too) and its installation. For an uninstalled app or revoked tokens.
   */
  forgetWorkspace(
    platform: Platform,
    workspaceId: string,
  ): Promise<{ subscriptions: number; installation: boolean }>;
  /** Adds a subscription; an identical one (same channel, schedule and zone) is returned instead. */
  addSubscription(input: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  /** Removes a subscription and its runs; false if there was none with that id. */
  removeSubscription(id: number): Promise<boolean>;
  /**
   * Subscriptions, all or those of a platform and channel; with `workspaceId`, only that
   * workspace's (and those recorded with no workspace, made before workspaces were kept).
   */
  listSubscriptions(where?: SubscriptionFilter): Promise<Subscription[]>;
  /** Changes whether a quiet window is skipped (config subscriptions follow their declaration). */
  setSkipQuiet(id: number, skipQuiet: boolean): Promise<void>;

  /**
   * Claims a slot for `owner` with `status` ('claimed' to post it, 'skipped' to record it as not
   * posted). Takes over a claim that is not final and has not moved for leaseMs, except one that
   * was posting, which is marked failed instead.
   */
  claimSlot(claim: SlotClaim): Promise<ClaimOutcome>;
  /** Moves an owned claim to posting and counts the attempt; false if the owner lost the claim. */
  startAttempt(run: { subscriptionId: number; slot: Date; owner: string; now: Date }): Promise<boolean>;
  /** Records the outcome of an attempt; false if the owner lost the claim meanwhile. */
  finishAttempt(run: AttemptOutcome): Promise<boolean>;
  /** The run of the latest slot recorded for a subscription, of any status or of these. */
  lastRun(subscriptionId: number, statuses?: readonly RunStatus[]): Promise<DigestRun | undefined>;
  close(): Promise<void>;
}
