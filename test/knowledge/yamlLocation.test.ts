import { describe, expect, it } from 'vitest';
import { parseYamlWithLines } from '../../src/knowledge/yamlLocation.ts';

const TEXT = `# comment
entities:
  - id: a
    name: A
  - id: b
    name: B
    sources:
      - article: x
        excerpt: words
`;

describe('parseYamlWithLines', () => {
  it('gives the 1-based line of a path', () => {
    const parsed = parseYamlWithLines(TEXT);
    expect(parsed.error).toBeUndefined();
    expect(parsed.lineOf(['entities'])).toBe(3);
    expect(parsed.lineOf(['entities', 1, 'name'])).toBe(6);
    expect(parsed.lineOf(['entities', 1, 'sources', 0, 'excerpt'])).toBe(9);
  });

  it('falls back to the nearest existing parent for a missing key', () => {
    const parsed = parseYamlWithLines(TEXT);
    expect(parsed.lineOf(['entities', 0, 'kind'])).toBe(3);
    expect(parsed.lineOf(['entities', 7])).toBe(3);
  });

  it('finds top-level list items cheaply, and nothing for missing ones', () => {
    const parsed = parseYamlWithLines(TEXT);
    expect(parsed.lineOfItem('entities', 0)).toBe(3);
    expect(parsed.lineOfItem('entities', 1)).toBe(5);
    expect(parsed.lineOfItem('entities', 2)).toBeUndefined();
    expect(parsed.lineOfItem('events', 0)).toBeUndefined();
  });

  it('adds the line offset (front matter starts on line 2 of its file)', () => {
    const parsed = parseYamlWithLines('title: X\nurl: bad\n', 1);
    expect(parsed.lineOf(['url'])).toBe(3);
  });

  it('reports the first syntax error with its line and a one-line message', () => {
    const parsed = parseYamlWithLines('a: 1\nb: [1, 2\nc: 3\n', 10);
    expect(parsed.error?.line).toBeGreaterThanOrEqual(12);
    expect(parsed.error?.message).not.toContain('\n');
  });

  it('treats duplicate keys as an error', () => {
    const parsed = parseYamlWithLines('a: 1\na: 2\n');
    expect(parsed.error?.line).toBe(2);
  });
});
