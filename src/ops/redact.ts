/**
 * Masks credentials in text that is about to leave the process (log lines, error messages, a
 * digest's failure detail): the secrets the settings hold, by value, and anything shaped like one.
 * Log redaction by key (pino's redact paths) misses a token inside a message or a stack trace;
 * this catches those.
 */
export const REDACTED = '[redacted]';

/** Credentials recognisable by shape, whoever's they are. */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, configuration, legacy workspace.
  [/\bxox[abeposr]-[A-Za-z0-9-]{6,}/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, REDACTED],
  // An Authorization header's value, however it got into the text.
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g, `Bearer ${REDACTED}`],
  // Discord bot tokens (and JWTs, which have the same three-part shape).
  [/\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}\b/g, REDACTED],
  // Discord interaction and webhook tokens sit in the route; they are credentials for 15 minutes.
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/?\s"'\\]+/g, `$1${REDACTED}`],
  // Slack response URLs and incoming webhooks: anyone holding one can post.
  [/(https:\/\/hooks\.slack(?:-gov)?\.com\/)[^\s"'\\]+/g, `$1${REDACTED}`],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Redactor = (text: string) => string;

/**
 * A function that masks every known secret (at least 6 characters; shorter values would mask
 * ordinary words) and every secret-shaped string. Known secrets are also matched as they appear
 * inside JSON strings, escaped.
 */
export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  const known = [
    ...new Set(
      secrets
        .filter((s): s is string => typeof s === 'string' && s.length >= 6)
        .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]),
    ),
  ].sort((a, b) => b.length - a.length);
  const byValue = known.length ? new RegExp(known.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let out = byValue ? text.replace(byValue, REDACTED) : text;
    for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
    return out;
  };
}

/** Masks secret-shaped strings only (no settings at hand). */
export const redactSecretShapes: Redactor = createRedactor();
