/**
 * Question-and-answer cases: {"ask", "headline": [regex], "expect": [regex], "forbid": [regex]}.
 * The reply's plain text must match every headline pattern on its first non-empty line, every
 * expect pattern somewhere, and no forbid pattern anywhere (all case-insensitive).
 */
import { z } from 'zod';
import type { Bot } from '../core/bot.ts';
import { renderText } from '../render/renderText.ts';

const regexList = z
  .array(z.string())
  .default([])
  .superRefine((list, ctx) => {
    for (const source of list) {
      try {
        new RegExp(source, 'i');
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `bad regular expression /${source}/: ${(error as Error).message}`,
        });
      }
    }
  });

export const evalCaseSchema = z.object({
  ask: z.string().min(1),
  headline: regexList,
  expect: regexList,
  forbid: regexList,
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema> & { line: number };

export interface EvalResult {
  case: EvalCase;
  passed: boolean;
  failures: string[];
  text: string;
}

export function parseEvalCases(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//') || line.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
    }
    const result = evalCaseSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`${file}:${i + 1}: ${issue?.path.join('.') || 'case'}: ${issue?.message}`);
    }
    cases.push({ ...result.data, line: i + 1 });
  });
  return cases;
}

export function runEvalCase(bot: Bot, c: EvalCase): EvalResult {
  const text = renderText(bot.answer({ text: c.ask, platform: 'console' }));
  const headline = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const failures: string[] = [];
  for (const p of c.headline)
    if (!new RegExp(p, 'i').test(headline)) failures.push(`headline does not match /${p}/`);
  for (const p of c.expect)
    if (!new RegExp(p, 'i').test(text)) failures.push(`reply does not contain /${p}/`);
  for (const p of c.forbid)
    if (new RegExp(p, 'i').test(text)) failures.push(`reply contains forbidden /${p}/`);
  return { case: c, passed: failures.length === 0, failures, text };
}
