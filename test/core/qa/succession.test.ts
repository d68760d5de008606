/**
 * Who comes next in a role: "X is to be replaced by Y", "Y will take on the role of CEO",
 * "X's successor as publisher is Mr. Y", "Y succeeds X". Texts of their own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledge } from '../../../src/app/openKnowledge.ts';
import { SUCCESSION_ASKED } from '../../../src/core/qa/succession.ts';
import { firstLineOf, makeCorpus, removeCorpora } from '../../knowledge/support.ts';

const dir = makeCorpus({
  'fashion.txt': [
    'Dorne Fashion Chief Stepping Down',
    'Dorne Fashion is parting company with its chief executive Ilse Marren.',
    'Ms Marren is to be replaced by Lena Tobin, presently a non-executive director of the company.',
  ].join('\n\n'),
  'planes.txt': [
    'Kestrel Chief To Leave Company',
    "Paul Teller, who was also Kestrel's president, left the company amid an ongoing restructuring.",
    'Laurent Bodin, part of the family that controls the firm, will take on the role of CEO under a new management structure.',
  ].join('\n\n'),
  'paper.txt': [
    'Changes At The Vellport Times',
    'Mr. Oakes succeeds Charles Merz, editor since 1938, who now becomes editor emeritus.',
    "Mr. Sulzer's successor as publisher is Mr. Orvil E. Dryden, who is president of the Vellport Times Co.",
  ].join('\n\n'),
});
afterAll(removeCorpora);

describe('the next holder of a role', () => {
  const { bot } = openKnowledge(dir);
  const first = firstLineOf(bot);

  it('knows a question about who comes next', () => {
    expect(SUCCESSION_ASKED.test('who is taking over as chief executive of Dorne Fashion')).toBe(true);
    expect(SUCCESSION_ASKED.test("who is Kestrel's new CEO")).toBe(true);
    expect(SUCCESSION_ASKED.test('who will replace Ilse Marren')).toBe(true);
    expect(SUCCESSION_ASKED.test('who is the chief executive of Dorne Fashion')).toBe(false);
  });

  it('"is to be replaced by Lena Tobin": the successor, not the one parting company', () => {
    expect(first('who is taking over as chief executive of Dorne Fashion?')).toMatch(/^Lena Tobin/);
  });

  it('"will take on the role of CEO": the new CEO', () => {
    expect(first("who is Kestrel's new CEO now that Paul Teller has gone?")).toMatch(/^Laurent Bodin/);
  });

  it('a successor in another role is not the one asked for', () => {
    expect(first('who took over from Mr. Sulzer as publisher of the Vellport Times?')).toMatch(
      /^Orvil E\. Dryden/,
    );
  });
});
