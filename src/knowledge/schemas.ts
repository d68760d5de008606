/** Schemas for what users write by hand: article front matter and facts files. */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "rex-tillerson"');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2017-04-13')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date (check the day and month)');

export const frontMatterSchema = z.object({
  id: id.optional(),
  title: z.string().min(1, 'give the article a title').optional(),
  author: z.string().min(1).optional(),
  publication: z.string().min(1).optional(),
  published: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  url: z.url('must be a full URL such as https://example.com/story').optional(),
  notes: z.string().optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const sourceSchema = z.object({
  article: id,
  excerpt: z.string().min(8, 'quote at least a few words of the article that support this fact'),
});

const text = z.string().trim().min(1);
const list = z.array(text).default([]);

export const entitySchema = z.object({
  id,
  name: text,
  kind: z.enum(['person', 'organisation', 'place', 'event', 'vessel', 'thing']),
  aliases: list,
  roles: z.array(z.object({ title: text, note: text.optional(), source: sourceSchema })).default([]),
  description: text.optional(),
  sources: z.array(sourceSchema).min(1, 'cite at least one article excerpt that names this entity'),
});

export const eventSchema = z.object({
  id,
  name: text,
  aliases: list,
  summary: text,
  place: id.optional(),
  time: text.optional(),
  date: isoDate.optional(),
  participants: z.array(id).default([]),
  /** Events this one came after, as the text says ("following an earlier poison gas attack"). */
  follows: z.array(id).default([]),
  accounts: z
    .array(z.object({ says: text, participants: z.array(id).default([]), source: sourceSchema }))
    .default([]),
  sources: z.array(sourceSchema).min(1, 'cite at least one article excerpt that reports this event'),
});

export const quoteSchema = z.object({
  id,
  speaker: id,
  text,
  about: list,
  context: text.optional(),
  source: sourceSchema,
});

export const figureSchema = z.object({
  id,
  label: text,
  value: z.union([text, z.number().transform(String)]),
  unit: text.optional(),
  about: list,
  source: sourceSchema,
});

/** The top level of a facts file: each section optional, each item validated on its own. */
export const factsFileSchema = z
  .object({
    entities: z.array(z.unknown()).default([]),
    events: z.array(z.unknown()).default([]),
    quotes: z.array(z.unknown()).default([]),
    figures: z.array(z.unknown()).default([]),
  })
  .strict();
