import { describe, expect, it } from 'vitest';
import {
  buildSlashCommands,
  findCommand,
  slashName,
  slashRequestText,
} from '../../../src/adapters/discord/commandDefinitions.ts';
import { COMMANDS } from '../../../src/app/commands.ts';
import type { CommandDefinition } from '../../../src/core/commands/types.ts';

describe('buildSlashCommands', () => {
  const json = buildSlashCommands(COMMANDS);

  it('registers every command in the registry, under the same names', () => {
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const name of ['who', 'what', 'search', 'timeline', 'sources'])
      expect(json.map((c) => c.name)).toContain(name);
  });

  it('maps every argument to a string option, with autocomplete exactly where names are completed', () => {
    for (const command of COMMANDS) {
      const registered = json.find((c) => c.name === command.name);
      const options = registered?.options ?? [];
      expect(options.map((o) => o.name).sort()).toEqual(command.args.map((a) => a.name).sort());
      for (const arg of command.args) {
        const option = options.find((o) => o.name === arg.name);
        expect(option).toMatchObject({ type: 3, required: arg.required });
        expect(option && 'autocomplete' in option ? option.autocomplete : false).toBe(
          Boolean(arg.completeNames),
        );
      }
    }
    const who = json.find((c) => c.name === 'who');
    expect(who?.options).toEqual([
      { type: 3, name: 'name', description: 'A person or organisation', required: true, autocomplete: true },
    ]);
  });

  it('meets Discord rules: names, description lengths, required options first', () => {
    for (const c of json) {
      expect(c.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const required = (c.options ?? []).map((o) => Boolean('required' in o && o.required));
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of c.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('cleans names and trims descriptions the core might not keep short', () => {
    const odd: CommandDefinition = {
      name: 'Who Is',
      summary: 'x'.repeat(300),
      args: [
        { name: 'Topic', description: '', required: false },
        { name: 'name', description: 'n', required: true },
      ],
      examples: [],
      run: () => {
        throw new Error('not called');
      },
    };
    const [c] = buildSlashCommands([odd]);
    expect(c?.name).toBe('who-is');
    expect(c?.description).toHaveLength(100);
    expect(c?.options?.map((o) => o.name)).toEqual(['name', 'topic']);
    expect(c?.options?.[1]?.description).toBe('Topic');
    expect(slashName('!!!')).toBe('command');
  });
});

describe('slashRequestText', () => {
  it('joins option values in the registry order', () => {
    const quote = findCommand(COMMANDS, 'quote');
    const values: Record<string, string> = { topic: 'NATO', person: 'Medvedev' };
    expect(slashRequestText(quote, 'quote', (n) => values[n] ?? null)).toBe('/quote Medvedev NATO');
    expect(slashRequestText(findCommand(COMMANDS, 'timeline'), 'timeline', () => null)).toBe('/timeline');
    expect(slashRequestText(undefined, 'gone', () => null)).toBe('/gone');
  });
});
