/** Reads a facts file: each entity, event, quote and figure is validated on its own and skipped if bad. */
import type { z } from 'zod';
import { describeIssue } from './loadArticle.ts';
import { entitySchema, eventSchema, factsFileSchema, figureSchema, quoteSchema } from './schemas.ts';
import type { Facts, LoadProblem } from './types.ts';
import { parseYamlWithLines } from './yamlLocation.ts';

export interface FactsResult {
  facts: Facts;
  problems: LoadProblem[];
  /** Line of each fact id, for later error messages (excerpt checks). */
  lines: Map<string, number>;
}

export function emptyFacts(): Facts {
  return { entities: [], events: [], quotes: [], figures: [] };
}

const SECTIONS = {
  entities: entitySchema,
  events: eventSchema,
  quotes: quoteSchema,
  figures: figureSchema,
} as const;

export function loadFacts(file: string, raw: string): FactsResult {
  const facts = emptyFacts();
  const problems: LoadProblem[] = [];
  const lines = new Map<string, number>();
  const parsed = parseYamlWithLines(raw);
  if (parsed.error) {
    problems.push({
      file,
      where: `line ${parsed.error.line}`,
      message: `not valid YAML: ${parsed.error.message}`,
    });
    return { facts, problems, lines };
  }
  const top = factsFileSchema.safeParse(parsed.data ?? {});
  if (!top.success) {
    const [message, where] = describeIssue(top.error, parsed.lineOf);
    problems.push({
      file,
      where,
      message: `${message} (a facts file has the sections entities, events, quotes and figures)`,
    });
    return { facts, problems, lines };
  }

  for (const section of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) {
    const schema: z.ZodType = SECTIONS[section];
    top.data[section].forEach((item, index) => {
      const result = schema.safeParse(item);
      if (!result.success) {
        const [message, where] = describeIssue(result.error, parsed.lineOf, [section, index]);
        problems.push({ file, where, message: `${label(item)}${message}; this fact was skipped` });
        return;
      }
      const line = parsed.lineOfItem(section, index);
      const value = result.data as { id: string };
      // A repeated id keeps the line of its first definition, the one that is kept.
      const key = `${section}:${value.id}`;
      if (line !== undefined && !lines.has(key)) lines.set(key, line);
      (facts[section] as unknown[]).push(value);
    });
  }
  return { facts, problems, lines };
}

function label(item: unknown): string {
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return `${item.id}: `;
  return '';
}
