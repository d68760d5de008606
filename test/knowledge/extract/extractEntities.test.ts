import { describe, expect, it } from 'vitest';
import { type ExtractedEntity, extractEntities } from '../../../src/knowledge/extract/extractEntities.ts';
import type { Article } from '../../../src/knowledge/types.ts';
import { comparable } from '../../../src/text/normalizeText.ts';

function article(body: string, id = 'a'): Article {
  return { id, title: 'T', file: `${id}.md`, body, words: body.split(/\s+/).length };
}

function byName(entities: ExtractedEntity[], name: string): ExtractedEntity | undefined {
  return entities.find((e) => e.name === name);
}

describe('extractEntities', () => {
  it('reads titles before a name, appositives and who-clauses as roles', () => {
    const body = [
      'Russian Foreign Minister Sergei Lavrov met Gov. Greg Abbott in Chicago on Monday.',
      'Jane Roe, a Dallas lawyer, said the meeting was private.',
      'Priya Nair, who chairs the finance committee, did not attend.',
    ].join('\n\n');
    const found = extractEntities(article(body));
    expect(byName(found, 'Sergei Lavrov')?.roles.map((r) => r.title)).toEqual(['Russian Foreign Minister']);
    expect(byName(found, 'Greg Abbott')?.roles.map((r) => r.title)).toEqual(['Governor']);
    expect(byName(found, 'Jane Roe')?.roles.map((r) => r.title)).toEqual(['Dallas lawyer']);
    expect(byName(found, 'Priya Nair')?.roles.map((r) => r.title)).toEqual(['chairs the finance committee']);
    expect(byName(found, 'Chicago')?.kind).toBe('place');
  });

  it("reads the roles of the news as titles: a band's frontman", () => {
    const body = 'Glass Harbour frontman Tom Ellery has called for more help for musicians.';
    const found = extractEntities(article(body));
    expect(byName(found, 'Tom Ellery')?.roles.map((r) => r.title)).toEqual(['Glass Harbour frontman']);
    const director = extractEntities(article('South Korean film director Lee Dae-ho won an honorary award.'));
    expect(byName(director, 'Lee Dae-ho')?.roles.map((r) => r.title)).toEqual(['South Korean film director']);
    const attendant = extractEntities(article('A US airline attendant, Nora Vell, was suspended.'));
    expect(byName(attendant, 'Nora Vell')?.roles.map((r) => r.title)).toEqual(['US airline attendant']);
  });

  it('an uncued full name is a person where its first word or its surname is one in the article', () => {
    const body =
      'Yesterday Ozzo Quellbrook was praised. Later Ozzo said he was glad. Nella Quellbrook agreed.';
    const found = extractEntities(article(body));
    expect(byName(found, 'Ozzo Quellbrook')?.kind).toBe('person');
    // With no such cue, two unknown capitalised words stay unread.
    expect(extractEntities(article('Yesterday Ozzo Quellbrook was praised.'))).toEqual([]);
  });

  it('takes the surname before a generation suffix, never the suffix', () => {
    const found = extractEntities(article('The chairman, Thomas B. Carvey Jr., spoke. Carvey said little.'));
    const carvey = found.find((e) => e.name.startsWith('Thomas B. Carvey'));
    expect(carvey?.aliases).toContain('Carvey');
    expect(carvey?.aliases).not.toContain('Jr');
  });

  it('joins later surname-only mentions to the full name, and keeps a title-and-surname person', () => {
    const body = [
      'Mayor Jane Okafor opened the bridge. Okafor said it was safe.',
      'Sen. Okoro voted against the plan. Okoro said it cost too much.',
    ].join('\n\n');
    const found = extractEntities(article(body));
    const okafor = byName(found, 'Jane Okafor');
    expect(okafor).toMatchObject({ kind: 'person', mentions: 2, aliases: ['Okafor'] });
    expect(byName(found, 'Okafor')).toBeUndefined();
    expect(byName(found, 'Okoro')).toMatchObject({ kind: 'person', mentions: 2 });
    expect(byName(found, 'Okoro')?.roles).toEqual([
      { title: 'Senator', source: { article: 'a', excerpt: 'Sen. Okoro' } },
    ]);
  });

  it('tells organisations and places from people, and splits a name run at a given name', () => {
    const body =
      'US ambassador to the United Nations Nikki Haley spoke to the Ellis County Council and NATO about Harbour Street and Port Ellis.';
    const found = extractEntities(article(body));
    expect(byName(found, 'Nikki Haley')?.kind).toBe('person');
    expect(byName(found, 'United Nations')?.kind).toBe('organisation');
    expect(byName(found, 'Ellis County Council')?.kind).toBe('organisation');
    expect(byName(found, 'NATO')?.kind).toBe('organisation');
    expect(byName(found, 'Harbour Street')?.kind).toBe('place');
    expect(byName(found, 'Port Ellis')?.kind).toBe('place');
  });

  it('does not take sentence openers, weekdays, demonyms or lone titles for names', () => {
    const body =
      'Drivers were sent along the detour on Monday. Russian officials said the Secretary of State would not comment. Meanwhile the bridge stayed shut.';
    const names = extractEntities(article(body)).map((e) => e.name);
    expect(names).not.toContain('Drivers');
    expect(names).not.toContain('Monday');
    expect(names).not.toContain('Russian');
    expect(names).not.toContain('Secretary of State');
    expect(names).not.toContain('Meanwhile');
  });

  it('cites excerpts that occur in the article, curly quotes and all', () => {
    const body =
      'The crack was found by Tom Reyes, a structural inspector for Ellis County. “It could fail,” Reyes told the Port Ellis Gazette’s reporters.';
    const found = extractEntities(article(body));
    for (const e of found) {
      for (const ref of [...e.sources, ...e.roles.map((r) => r.source)]) {
        expect(ref.article).toBe('a');
        expect(comparable(body)).toContain(comparable(ref.excerpt));
      }
    }
    expect(byName(found, 'Tom Reyes')?.roles[0]?.source.excerpt).toBe(
      'Tom Reyes, a structural inspector for Ellis County',
    );
  });
});

describe('extractEntities on hostile text', () => {
  it('reads a 200 KB run of capitalised names in linear time (it was quadratic: 33 s)', () => {
    const names = ['John', 'Smith', 'Jones', 'Brown', 'Mary', 'Taylor', 'Wilson', 'Davies'];
    const words: string[] = [];
    for (let i = 0, length = 0; length < 200_000; i++) {
      const word = names[i % names.length] ?? 'John';
      words.push(word);
      length += word.length + 1;
    }
    const body = `${words.join(' ')}. Mayor Jane Okafor closed the bridge.`;
    const started = performance.now();
    const found = extractEntities({ id: 'x', title: 'x', file: 'x.md', body, words: words.length + 6 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found.map((e) => e.name)).toContain('Jane Okafor');
  });
});
