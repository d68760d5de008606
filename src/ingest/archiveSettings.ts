/**
 * The settings of growing the archive (merged into the bot's settings schema): who may /ingest,
 * which feeds to follow and how often, and the limits on every fetch.
 */
import { z } from 'zod';
import { ADDRESS_CLASSES, type AddressClass } from './addressPolicy.ts';
import { parseAdminList } from './admins.ts';

function count(what: string, min: number) {
  return z.coerce
    .number(`must be a number of ${what}`)
    .int(`must be a whole number of ${what}`)
    .min(min, `must be at least ${min}`);
}

function list(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export const archiveSettings = {
  /** Who may /ingest: platform:user entries, e.g. "slack:U0123ABC,discord:1234,console:*". */
  ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const parsed = parseAdminList(text);
      if (parsed.ok) return parsed.admins;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
  /** RSS or Atom feeds to follow, comma- or space-separated http(s) URLs. */
  FEEDS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const feeds = list(text);
      for (const feed of feeds) {
        let ok = false;
        try {
          ok = /^https?:$/.test(new URL(feed).protocol);
        } catch {
          ok = false;
        }
        if (!ok) {
          ctx.addIssue({
            code: 'custom',
            message: `"${feed}" is not an http(s) URL such as https://example.com/feed.xml`,
          });
          return z.NEVER;
        }
      }
      return [...new Set(feeds)];
    }),
  /** Minutes between two polls of the feeds. */
  FEED_POLL_MINUTES: count('minutes', 1).default(15),
  /** Address ranges fetches may reach besides the public internet: loopback, private, link-local, or all. */
  FETCH_ALLOW_PRIVATE: z
    .string()
    .default('')
    .transform((text, ctx): AddressClass[] => {
      const out = new Set<AddressClass>();
      for (const word of list(text.toLowerCase())) {
        if (word === 'all' || word === 'true') for (const c of ADDRESS_CLASSES) out.add(c);
        else if (word === 'false' || word === 'none') continue;
        else if ((ADDRESS_CLASSES as readonly string[]).includes(word)) out.add(word as AddressClass);
        else {
          ctx.addIssue({
            code: 'custom',
            message: `"${word}" is not an address range: use loopback, private, link-local, all or none`,
          });
          return z.NEVER;
        }
      }
      return [...out];
    }),
  /** Largest page or feed fetched, in bytes. */
  FETCH_MAX_BYTES: count('bytes', 1024).default(5 * 1024 * 1024),
  /** Longest one fetch may take, redirects and body included. */
  FETCH_TIMEOUT_MS: count('milliseconds', 100).default(15_000),
  /** Redirects followed per fetch (each one checked again). */
  FETCH_MAX_REDIRECTS: count('redirects', 0).default(5),
};
