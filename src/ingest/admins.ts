/**
 * Who may add to the archive from chat: ADMIN_USER_IDS, a comma-separated list of
 * platform:user entries ("slack:U0123ABC,discord:123456789012345678"); "platform:*" admits every
 * user of a platform. An entry may name the workspace (Slack team) or server first,
 * "slack:T0123:U0456" or "discord:<server>:*", and then holds there only: with the bot installed in
 * many workspaces, an editor of one is not an editor of the others. The console is one person at
 * the keyboard of the bot's own machine, who can write to CORPUS_DIR anyway: it is an admin unless
 * ADMIN_USER_IDS names console users itself.
 */
export interface AdminEntry {
  platform: string;
  /** The workspace or server the entry holds in; unset: every one. */
  workspaceId?: string;
  /** A user id, or '*' for everyone on the platform (or in the workspace). */
  userId: string;
}

export const ADMIN_PLATFORMS = ['slack', 'discord', 'console'] as const;

/** Parses ADMIN_USER_IDS; errors name the entry to fix. */
export function parseAdminList(
  text: string,
): { ok: true; admins: AdminEntry[] } | { ok: false; error: string } {
  const admins: AdminEntry[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = /^([a-z]+):(?:([^\s:*]+):)?([^\s:]+)$/i.exec(entry);
    const platform = m?.[1]?.toLowerCase();
    if (!m || !platform || !(ADMIN_PLATFORMS as readonly string[]).includes(platform)) {
      return {
        ok: false,
        error: `"${entry}" is not platform:user or platform:workspace:user: write e.g. slack:U0123ABC, slack:T0123ABC:U0456DEF, discord:123456789012345678 or console:*`,
      };
    }
    admins.push({ platform, ...(m[2] ? { workspaceId: m[2] } : {}), userId: m[3] as string });
  }
  return { ok: true, admins };
}

export function isAdmin(
  admins: readonly AdminEntry[],
  who: { platform?: string; workspaceId?: string; userId?: string },
): boolean {
  const platform = who.platform;
  if (!platform) return false;
  const ofPlatform = admins.filter((a) => a.platform === platform);
  if (platform === 'console' && ofPlatform.length === 0) return true;
  return ofPlatform.some(
    (a) =>
      (a.workspaceId === undefined || a.workspaceId === who.workspaceId) &&
      (a.userId === '*' || (who.userId !== undefined && a.userId === who.userId)),
  );
}
