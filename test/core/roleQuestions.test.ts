import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKnowledge } from '../../src/app/openKnowledge.ts';

// Untitled plain texts with roles written as prose, as in essays and older reporting.
const dir = mkdtempSync(join(tmpdir(), 'role-questions-'));
writeFileSync(
  join(dir, 'un.txt'),
  'On January 24 the envoy was met by Colonel Frank Begley, former Police Chief of Farmington, Conn., and now head of U.N. special police. Begley lit a fire.\n',
);
writeFileSync(
  join(dir, 'war.txt'),
  'Richard Peters, Secretary of the Board of War, thought Morgan was too extreme. Peters insisted otherwise.\n',
);
writeFileSync(
  join(dir, 'music.txt'),
  'The music director of the Pittsburgh Symphony Orchestra, William Steinberg, has molded his group. Steinberg began to relax.\n',
);
writeFileSync(
  join(dir, 'unity.txt'),
  'A notable example was the talk on unity by the Catholic Archbishop of Vellport, Dr. Okafor, and the Anglican Bishop of Ostby, Dr. Reyes, on television.\n',
);
const { bot } = openKnowledge(dir);
const ask = (text: string) => bot.answer({ text });

describe('questions about roles written in prose', () => {
  it('finds the person by the role, and leads with the role asked about', () => {
    expect(ask('who is the head of the U.N. special police?').headline).toMatch(
      /^Frank Begley: head of U\.N\. special police/,
    );
    expect(ask('who was the Secretary of the Board of War?').headline).toMatch(
      /^Richard Peters: Secretary of the Board of War/,
    );
  });

  it('reads a holder written with a title after the role: "the Archbishop of Vellport, Dr. Okafor"', () => {
    expect(ask('who was the Catholic Archbishop of Vellport?').headline).toMatch(/^Dr\. Okafor: /);
  });

  it('answers /who with the role, through a misspelt surname', () => {
    expect(ask('/who Steinburg').headline).toMatch(
      /^William Steinberg: music director of the Pittsburgh Symphony Orchestra/,
    );
  });

  it('cites untitled texts by their first sentence', () => {
    const reply = ask('/who Richard Peters');
    expect(reply.citations[0]?.title ?? '').toMatch(/^Richard Peters, Secretary of the Board of War/);
  });
});
