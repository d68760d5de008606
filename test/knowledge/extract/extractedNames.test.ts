import { describe, expect, it } from 'vitest';
import { nameChoices } from '../../../src/adapters/discord/autocomplete.ts';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { renderText } from '../../../src/render/renderText.ts';

describe('names found in the text (no facts file)', () => {
  const { bot, kb } = openKnowledge('test/fixtures/corpora/riverton');

  it('are entities marked as extracted, with roles whose excerpts cite their article', () => {
    const okoro = kb.entities.get('okoro');
    expect(okoro).toMatchObject({ name: 'Okoro', kind: 'person', origin: 'extracted' });
    expect(okoro?.roles).toEqual([
      { title: 'Senator', source: { article: 'wire-briefs-1', excerpt: 'Sen. Okoro' } },
    ]);
    expect(kb.entities.get('gull-island')?.kind).toBe('place');
  });

  it('are in the name index, typos and all, and offered by autocomplete', () => {
    const lookup = kb.names.lookup('Sorenson', { prefer: ['person'] });
    expect(lookup.status === 'found' && lookup.match.target.name).toBe('Ingrid Sorensen');
    expect(nameChoices(kb.names, 'Del').map((c) => c.value)).toContain('Maria Delgado');
    expect(nameChoices(kb.names, 'oko').map((c) => c.value)).toContain('Okoro');
  });

  it('answer /who with the role, the sentence it comes from, and where the answer comes from', () => {
    const text = renderText(bot.answer({ text: '/who Delgado' }));
    expect(text.split('\n')[0]).toBe('Maria Delgado: Judge [1]');
    expect(text).toMatch(/Judge Maria Delgado ruled that the quarry's permit had been issued lawfully/);
    expect(text).toMatch(/From: the article text/);
    expect(text).toMatch(/\[1\] Court rejects bid to halt quarry/);
  });
});
