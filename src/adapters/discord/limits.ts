/**
 * Discord's size limits, and the one way we meet them: trim with an ellipsis. Discord rejects an
 * oversized message outright (HTTP 400), so a long answer must shrink rather than fail.
 * Lengths are counted in UTF-16 code units, which is never less than Discord's own count.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author together, over all embeds. */
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionName: 32,
  optionDescription: 100,
  commandOptions: 25,
} as const;

const ELLIPSIS = '…';
/** A word boundary this close to the cut is worth keeping the text tidy for. */
const WORD_SLACK = 24;

/** Shortens text to at most max units, ending with an ellipsis; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > 0 && cut - space <= WORD_SLACK) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** Discord rejects empty field names and values; a zero-width space stands in. */
export function nonEmpty(text: string): string {
  return text.trim() === '' ? '\u200b' : text;
}
