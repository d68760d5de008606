import { describe, expect, it } from 'vitest';
import { type ExtractedEntity, extractEntities } from '../../../src/knowledge/extract/extractEntities.ts';
import type { Article } from '../../../src/knowledge/types.ts';

function extract(body: string): ExtractedEntity[] {
  return extractEntities({
    id: 'a',
    title: 'T',
    file: 'a.txt',
    body,
    words: body.split(/\s+/).length,
  } as Article);
}

function roles(found: ExtractedEntity[], name: string): string[] | undefined {
  return found.find((e) => e.name === name)?.roles.map((r) => r.title);
}

describe('roles the extractor reads from prose', () => {
  it('gives a role written before the name to the person, citing text of the article', () => {
    const body =
      'The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has molded his group. Steinberg began to relax.';
    const found = extract(body);
    const person = found.find((e) => e.name === 'William Steinberg');
    expect(person?.roles.map((r) => r.title)).toEqual([
      'music director of the Pittsburgh Symphony Orchestra',
    ]);
    for (const role of person?.roles ?? []) expect(body).toContain(role.source.excerpt);
  });

  it('reads "chief executive", two words that qualify titles, as a title of its own', () => {
    expect(
      roles(extract('Party chief executive Lord Rennard said the appointment was welcome.'), 'Lord Rennard'),
    ).toEqual(['Party chief executive']);
  });

  it('never makes an entity of a role phrase: the name is what the role is "of"', () => {
    const found = extract(
      'Ada Lowe, Governor of the State of Rhode Island, signed it. Reich Minister of the Interior Karl Brandt agreed.',
    );
    const names = found.map((e) => e.name);
    expect(names.some((n) => /^Governor|^of\b|Minister of/.test(n))).toBe(false);
    expect(found.find((e) => e.name === 'State of Rhode Island')?.kind).toBe('place');
    expect(roles(found, 'Ada Lowe')).toEqual(['Governor of the State of Rhode Island']);
  });

  it('reads a bare title and "NAME of the ORG" together, the role with an object first', () => {
    const found = extract(
      'Editor Foss stated his view. In contrast, Samuel S. Foss of the Woonsocket Patriot condemned the trial.',
    );
    expect(roles(found, 'Samuel S. Foss')).toEqual(['Editor of the Woonsocket Patriot']);
    const place = extract('Samuel S. Foss of the United States condemned it. Editor Foss agreed.');
    expect(roles(place, 'Samuel S. Foss')).toEqual(['Editor']);
  });

  it('keeps separate roles apart, so each can be found by its own words', () => {
    const found = extract(
      'On January 24 he met Colonel Frank Begley, former Police Chief of Farmington, Conn., and now head of U.N. special police.',
    );
    expect(roles(found, 'Frank Begley')).toEqual([
      'former Police Chief of Farmington, Conn.',
      'head of U.N. special police',
      'Colonel',
    ]);
  });

  it('gives no role to a place named before an appositive that describes someone else', () => {
    const found = extract(
      'Marshall Formby of Plainview, former chairman of the Texas Highway Commission, spoke.',
    );
    expect(roles(found, 'Plainview') ?? []).toEqual([]);
  });
});
