/** Renders a Reply as plain text: the console's output and every platform's fallback text. */
import type { Citation, Reply } from '../core/reply.ts';

function marks(cites: readonly number[]): string {
  return cites.length ? ` ${cites.map((c) => `[${c + 1}]`).join('')}` : '';
}

export function formatCitation(c: Citation): string {
  const parts = [c.publication, c.published].filter(Boolean).join(', ');
  return `${c.title}${parts ? ` (${parts})` : ''}${c.url ? ` ${c.url}` : ''}`;
}

export function renderText(reply: Reply): string {
  const out: string[] = [`${reply.headline}${marks(reply.headlineCites)}`];
  for (const line of reply.lines) out.push(`• ${line.text}${marks(line.cites)}`);
  if (reply.fields.length) {
    out.push('');
    for (const f of reply.fields) out.push(`${f.label}: ${f.value}`);
  }
  if (reply.citations.length) {
    out.push('', 'Sources:');
    for (const [i, c] of reply.citations.entries()) out.push(`[${i + 1}] ${formatCitation(c)}`);
  }
  if (reply.suggestions.length) {
    out.push(
      '',
      `${reply.kind === 'ambiguous' ? 'Did you mean' : 'Try'}: ${reply.suggestions.map((s) => s.ask).join('  |  ')}`,
    );
  }
  return out.join('\n');
}
