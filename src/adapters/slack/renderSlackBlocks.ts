/**
 * Renders a Reply as Block Kit: a header with the headline, sections of cited lines, fields, a
 * context block listing the sources, and suggestion buttons. Every piece of text goes through
 * escapeSlack and is trimmed to Slack's limits; the plain-text rendering becomes the fallback
 * `text` that notifications and screen readers use.
 */
import type { types } from '@slack/bolt';
import type { Citation, Reply, ReplyField, Suggestion } from '../../core/reply.ts';
import { renderText } from '../../render/renderText.ts';
import { escapeAndFit, escapeSlack, safeLinkUrl } from './escapeSlack.ts';
import { SLACK_LIMITS, truncateEscaped } from './limits.ts';

type Block = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Suggestion buttons are `suggest_0`, `suggest_1`…: unique within their block, one listener for all. */
export const SUGGESTION_ACTION_PREFIX = 'suggest_';
export const SUGGESTION_ACTION_PATTERN = /^suggest_\d+$/;

function marks(cites: readonly number[]): string {
  return cites.length ? ` ${cites.map((c) => `[${c + 1}]`).join('')}` : '';
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** The headline as a header block when it fits (150 characters), else as a bold section. */
function headlineBlock(reply: Reply): Block {
  const headline = `${reply.headline}${marks(reply.headlineCites)}`;
  const escaped = escapeSlack(headline);
  if (escaped.length <= SLACK_LIMITS.headerText && !headline.includes('\n')) {
    return { type: 'header', text: plain(escaped) };
  }
  const bold = escapeSlack(reply.headline.replace(/\s+/g, ' ').replace(/\*/g, '∗'));
  const cites = marks(reply.headlineCites);
  return {
    type: 'section',
    text: mrkdwn(`*${truncateEscaped(bold, SLACK_LIMITS.sectionText - cites.length - 2)}*${cites}`),
  };
}

/** Lines as bullets, packed into as few sections as fit, `maxBlocks` at most. */
function lineBlocks(reply: Reply, maxBlocks: number): Block[] {
  if (maxBlocks <= 0 || reply.lines.length === 0) return [];
  const bullets = reply.lines.map((line) => {
    const cites = marks(line.cites);
    return `• ${truncateEscaped(escapeSlack(line.text), SLACK_LIMITS.sectionText - cites.length - 2)}${cites}`;
  });
  const texts: string[] = [];
  let current = '';
  for (const bullet of bullets) {
    if (current && current.length + 1 + bullet.length > SLACK_LIMITS.sectionText) {
      texts.push(current);
      current = bullet;
    } else {
      current = current ? `${current}\n${bullet}` : bullet;
    }
  }
  if (current) texts.push(current);
  if (texts.length > maxBlocks) {
    const kept = texts.slice(0, maxBlocks);
    const last = kept.length - 1;
    kept[last] = truncateEscaped(`${kept[last]}\n…`, SLACK_LIMITS.sectionText);
    return kept.map((t) => ({ type: 'section', text: mrkdwn(t) }));
  }
  return texts.map((t) => ({ type: 'section', text: mrkdwn(t) }));
}

function fieldText(field: ReplyField): string {
  const label = `*${escapeSlack(field.label.replace(/\*/g, '∗'))}*\n`;
  return truncateEscaped(`${label}${escapeSlack(field.value)}`, SLACK_LIMITS.fieldText);
}

/** Fields in sections of ten, `maxBlocks` sections at most. */
function fieldBlocks(fields: readonly ReplyField[], maxBlocks: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length && blocks.length < maxBlocks; i += SLACK_LIMITS.fields) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + SLACK_LIMITS.fields).map((f) => mrkdwn(fieldText(f))),
    });
  }
  return blocks;
}

/** `[1] Title — Publication, 2017-04-13`, the title linked when the article has a web address. */
export function citationText(citation: Citation, index: number): string {
  const details = [citation.publication, citation.published].filter(Boolean).join(', ');
  const tail = details ? ` — ${escapeSlack(details)}` : '';
  const prefix = `[${index + 1}] `;
  const url = safeLinkUrl(citation.url);
  const room = SLACK_LIMITS.contextText - prefix.length - tail.length - (url ? url.length + 3 : 0);
  const title = truncateEscaped(escapeSlack(citation.title), Math.max(room, 20));
  return truncateEscaped(`${prefix}${url ? `<${url}|${title}>` : title}${tail}`, SLACK_LIMITS.contextText);
}

/** Sources in context blocks of ten elements, `maxBlocks` blocks at most. */
function citationBlocks(citations: readonly Citation[], maxBlocks: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < citations.length && blocks.length < maxBlocks; i += SLACK_LIMITS.contextElements) {
    const elements = citations
      .slice(i, i + SLACK_LIMITS.contextElements)
      .map((c, j) => mrkdwn(citationText(c, i + j)));
    blocks.push({ type: 'context', elements });
  }
  return blocks;
}

/** Buttons for suggestions whose question fits in a button value; the value is what gets asked. */
function suggestionButtons(suggestions: readonly Suggestion[]): Button[] {
  return suggestions
    .filter((s) => s.ask.trim() !== '' && s.ask.length <= SLACK_LIMITS.buttonValue)
    .slice(0, SLACK_LIMITS.buttonsPerActions)
    .map((s, i) => ({
      type: 'button',
      action_id: `${SUGGESTION_ACTION_PREFIX}${i}`,
      text: plain(escapeAndFit(s.label.trim() || s.ask, SLACK_LIMITS.buttonText)),
      value: s.ask,
    }));
}

/** Blocks in reading order, within Slack's 50: the lines give way first, then fields and sources. */
export function renderSlackBlocks(reply: Reply): Block[] {
  const buttons = suggestionButtons(reply.suggestions);
  const actions: Block[] = buttons.length
    ? [{ type: 'actions', block_id: 'suggestions', elements: buttons }]
    : [];
  let room = SLACK_LIMITS.blocks - 1 - actions.length;
  const citations = citationBlocks(reply.citations, Math.min(room, 2));
  room -= citations.length;
  const fields = fieldBlocks(reply.fields, Math.min(room, 2));
  room -= fields.length;
  return [headlineBlock(reply), ...lineBlocks(reply, room), ...fields, ...citations, ...actions];
}

/** The fallback `text`: the plain rendering, escaped and trimmed. */
export function renderSlackFallback(reply: Reply): string {
  return escapeAndFit(renderText(reply), SLACK_LIMITS.fallbackText);
}

export function renderSlackMessage(reply: Reply): SlackMessage {
  return { text: renderSlackFallback(reply), blocks: renderSlackBlocks(reply) };
}
