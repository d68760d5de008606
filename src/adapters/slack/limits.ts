/**
 * Slack's size limits, and the one way we meet them: trim with an ellipsis. Slack rejects a
 * message with an oversized block (invalid_blocks), so a long answer must shrink rather than fail.
 * Lengths are counted in UTF-16 code units, never less than Slack's own count.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  /** The top-level `text`; Slack truncates at 40,000, but a notification that long helps nobody. */
  fallbackText: 3000,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts text that is already escaped for Slack to at most `max` code units, ending with an ellipsis.
 * Never splits an entity (`&amp;`) or a surrogate pair, so the result is still valid Slack text.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let end = max - ELLIPSIS.length;
  const amp = text.lastIndexOf('&', end - 1);
  if (amp !== -1 && amp >= end - 4) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= end) end = amp;
  }
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
