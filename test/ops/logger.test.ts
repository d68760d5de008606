/** No credential reaches a log line: not by key, not inside a message, an error or a stack trace. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/ops/logger.ts';
import { createRedactor, REDACTED, redactSecretShapes } from '../../src/ops/redact.ts';

const SECRETS = {
  slackBot: 'xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx',
  slackApp: 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef',
  signing: '8f14e45fceea167a5a36dedd4bea2543',
  discord: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab',
};

function capture(secrets: string[] = Object.values(SECRETS)) {
  const lines: string[] = [];
  const log = createLogger('debug', { secrets, destination: { write: (line: string) => lines.push(line) } });
  return { log, lines, text: () => lines.join('') };
}

describe('createLogger', () => {
  it("masks the settings' secrets and token shapes wherever they appear in a line", () => {
    const { log, lines, text } = capture();
    log.info({ token: SECRETS.slackBot, config: { botToken: SECRETS.slackBot } }, 'by key');
    log.info(`starting with ${SECRETS.discord} and ${SECRETS.signing}`);
    log.warn({ headers: { Authorization: `Bearer ${SECRETS.slackApp}` } }, 'a header under another name');
    log.error({ err: new Error(`Slack refused ${SECRETS.slackBot} (invalid_auth)`) }, 'an error message');
    const nested = new Error('wrapper', { cause: new Error(`inner ${SECRETS.signing}`) });
    log.error({ err: nested, url: 'https://discord.com/api/v10/webhooks/123/tok-abc-123/messages' }, 'x');
    log.child({ reqId: 'r1' }).info({ detail: `"quoted ${SECRETS.signing}"` }, 'child loggers too');
    // A token no setting knows, shaped like one.
    log.info('someone pasted xoxp-9999999999-8888888888-7777777777-abcdefabcdef in a message');
    expect(lines).toHaveLength(7);
    for (const secret of [...Object.values(SECRETS), 'xoxp-9999999999', 'tok-abc-123']) {
      expect(text()).not.toContain(secret);
    }
    expect(text()).toContain(REDACTED);
    // Still one valid JSON object a line, the rest of the text intact.
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.parse(lines[3] ?? '{}').err.message).toBe(`Slack refused ${REDACTED} (invalid_auth)`);
    expect(JSON.parse(lines[5] ?? '{}')).toMatchObject({ reqId: 'r1', msg: 'child loggers too' });
  });
});

describe('redaction', () => {
  it('masks known values, also as they appear escaped inside JSON', () => {
    const tricky = 'p@ss"word\\with-quotes';
    const redact = createRedactor([tricky, undefined, 'short']);
    expect(redact(JSON.stringify({ v: `x ${tricky} y` }))).toBe(`{"v":"x ${REDACTED} y"}`);
    expect(redact(`plain ${tricky}`)).toBe(`plain ${REDACTED}`);
    // Values under 6 characters would mask ordinary words: they are left to the shapes.
    expect(redact('a short word')).toBe('a short word');
  });

  it('recognises tokens by shape, and leaves ordinary text alone', () => {
    expect(redactSecretShapes('Authorization: Bearer abc.def-ghi_jkl')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
    expect(redactSecretShapes('POST /api/v10/interactions/123/aW50ZXJhY3Rpb24/callback')).toBe(
      `POST /api/v10/interactions/123/${REDACTED}/callback`,
    );
    expect(redactSecretShapes('https://hooks.slack.com/commands/T1/B2/xyz')).toBe(
      `https://hooks.slack.com/${REDACTED}`,
    );
    const ordinary = 'Bot connected to Slack; answered /who Tillerson in 3 ms (v10.2.1, file a.b.c).';
    expect(redactSecretShapes(ordinary)).toBe(ordinary);
  });
});
