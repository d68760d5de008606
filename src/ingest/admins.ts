/**
 * Who may add to the archive from chat: ADMIN_USER_IDS, a comma-separated list of
 * platform:user entries ("slack:U0123ABC,discord:123456789012345678"); "platform:*" admits every
 * user of a platform. The console is one person at the keyboard of the bot's own machine, who can
 * write to CORPUS_DIR anyway: it is an admin unless ADMIN_USER_IDS names console users itself.
 */
export interface AdminEntry {
  platform: string;
  /** A user id, or '*' for everyone on the platform. */
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
    const m = /^([a-z]+):(\S+)$/i.exec(entry);
    const platform = m?.[1]?.toLowerCase();
    if (!m || !platform || !(ADMIN_PLATFORMS as readonly string[]).includes(platform)) {
      return {
        ok: false,
        error: `"${entry}" is not platform:user: write e.g. slack:U0123ABC, discord:123456789012345678 or console:*`,
      };
    }
    admins.push({ platform, userId: m[2] as string });
  }
  return { ok: true, admins };
}

export function isAdmin(admins: readonly AdminEntry[], who: { platform?: string; userId?: string }): boolean {
  const platform = who.platform;
  if (!platform) return false;
  const ofPlatform = admins.filter((a) => a.platform === platform);
  if (platform === 'console' && ofPlatform.length === 0) return true;
  return ofPlatform.some((a) => a.userId === '*' || (who.userId !== undefined && a.userId === who.userId));
}
