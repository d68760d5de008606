/**
 * Reads a person's role from article text when no curated fact gives one: a title before the
 * name ("Russian Foreign Minister Sergei Lavrov"), an appositive ("Nikki Haley, the US
 * Ambassador to the UN"), or "X is a ...".
 */
import { foldPunctuation } from '../../knowledge/normalizeText.ts';
import type { Passage } from '../../knowledge/types.ts';

export interface TextRole {
  /** The name as the text writes it in full ("Rex Tillerson" for a query "Tillerson"). */
  name: string;
  role: string;
  passage: Passage;
}

const ROLE_WORDS = new Set(
  (
    'secretary minister adviser advisor general ambassador spokesman spokeswoman spokesperson chief director leader ' +
    'president senator sen governor gov judge mayor candidate former prime foreign defence defense national security ' +
    'state deputy head chairman chairwoman chair executive officer commander envoy representative rep congressman ' +
    'congresswoman premier chancellor king queen prince minister attorney justice professor prof dr lawyer analyst ' +
    'associate editor correspondent reporter author founder ceo cfo coo manager captain admiral colonel lieutenant ' +
    'sergeant detective inspector police chief officer inspector-general vice first lady speaker leader economist ' +
    'counterpart councillor councilor councilman councilwoman alderman commissioner superintendent principal ' +
    'teacher student doctor nurse surgeon engineer scientist researcher activist campaigner organiser organizer ' +
    'owner proprietor resident farmer banker investor entrepreneur consultant adviser spokesperson coach player ' +
    'striker goalkeeper manager captain singer actor actress writer novelist poet artist director producer ' +
    'chairperson treasurer clerk secretary-general ombudsman auditor prosecutor defender judge magistrate ' +
    'sheriff marshal pastor priest imam rabbi bishop archbishop pope cardinal general lieutenant-general ' +
    'ambassador-at-large diplomat minister-president chancellor-elect president-elect nominee lawmaker legislator ' +
    'mp mep assemblyman assemblywoman delegate trustee dean provost rector vice-chancellor fellow historian'
  ).split(' '),
);
const CONNECTORS = new Set(['of', 'the', 'to', 'for', 'and', 'on', 'at']);
const NOT_ROLE = new Set(
  'but and yet so then however meanwhile yesterday today on in at by with as when while after before if the a an this that'.split(
    ' ',
  ),
);

function isRoleToken(token: string): boolean {
  const bare = token.replace(/[.,]$/, '');
  if (ROLE_WORDS.has(bare.toLowerCase())) return true;
  // Capitalised qualifiers ("Russian", "US", "UN", "NATO") belong to a title when next to role words.
  return /^[A-Z][\p{L}-]*$|^[A-Z]{2,}$/u.test(bare) && !NOT_ROLE.has(bare.toLowerCase());
}

/** The title written right before the name, if it contains at least one role word. */
function titleBefore(text: string, index: number): string | undefined {
  const before = text.slice(0, index).trimEnd();
  const lastToken = before.split(/\s+/).at(-1) ?? '';
  const abbreviation = /^\p{L}+\.$/u.test(lastToken) && ROLE_WORDS.has(lastToken.slice(0, -1).toLowerCase());
  if (/[,;:.!?"')]$/.test(before) && !abbreviation) return undefined;
  const tokens = before.split(/\s+/).slice(-8);
  const picked: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (/[,;:!?"”)]$/.test(token) && picked.length) break;
    if (isRoleToken(token) || (CONNECTORS.has(token.toLowerCase()) && picked.length)) picked.unshift(token);
    else break;
  }
  while (picked.length && CONNECTORS.has((picked[0] ?? '').toLowerCase())) picked.shift();
  if (!picked.some((t) => ROLE_WORDS.has(t.toLowerCase().replace(/[.,]$/, '')))) return undefined;
  return picked.join(' ');
}

/** ", the US Ambassador to the UN," or " is a Dallas lawyer" or ", who chairs ..." right after the name. */
function roleAfter(text: string, end: number): string | undefined {
  const rest = text.slice(end);
  const who =
    /^,\s+who\s+(?:is|was|has been)?\s*((?:chairs|leads|heads|runs|directs|manages|founded|represents|the|a|an)\b[^,.;:()"]{3,80})/.exec(
      rest,
    );
  if (who?.[1]) return who[1].trim().replace(/^(the|a|an)\s+/i, '');
  const m =
    /^(?:,\s+|\s+(?:is|was|has been)\s+)((?:the|a|an)\s+[^,.;:()"]{3,80}?)(?=[,.;:)]|\s+who\b|\s+said\b|$)/.exec(
      rest,
    );
  const phrase = m?.[1]?.trim();
  if (!phrase) return undefined;
  const words = phrase.split(/\s+/);
  if (!words.some((w) => ROLE_WORDS.has(w.toLowerCase()))) return undefined;
  return phrase.replace(/^(the|a|an)\s+/i, '');
}

/** Finds the full written form of a (possibly partial) name in a text: "Tillerson" -> "Rex Tillerson". */
function fullNameAt(text: string, name: string): { full: string; start: number; end: number } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`((?:[A-Z][\\p{L}'-]+\\s+){0,2})(${escaped})(?![\\p{L}])`, 'gu');
  const m = re.exec(text);
  if (!m) return undefined;
  // Of the capitalised words before the name, keep the last that reads as a given name: not a
  // title ("Minister"), a sentence opener ("But") or an acronym ("US").
  const lead = (m[1] ?? '').split(/\s+/).filter(Boolean);
  const given = lead.filter(
    (w) => !ROLE_WORDS.has(w.toLowerCase()) && !NOT_ROLE.has(w.toLowerCase()) && !/^[A-Z]{2,}$/.test(w),
  );
  const first = lead.length && lead.at(-1) === given.at(-1) ? given.at(-1) : undefined;
  const full = first ? `${first} ${m[2]}` : (m[2] ?? name);
  const start = m.index + m[0].length - full.length;
  return { full, start, end: m.index + m[0].length };
}

/** The fullest written form of a name in the passages: "Okafor" -> "Jane Okafor". */
export function fullNameIn(name: string, passages: readonly Passage[]): string {
  let best = name;
  for (const passage of passages) {
    const full = fullNameAt(foldPunctuation(passage.text), name)?.full;
    if (full && full.length > best.length) best = full;
  }
  return best;
}

export function roleFromText(name: string, passages: readonly Passage[]): TextRole | undefined {
  for (const passage of passages) {
    const text = foldPunctuation(passage.text);
    const at = fullNameAt(text, name);
    if (!at) continue;
    // "Councillor Priya Nair, who chairs the finance committee": both halves say who she is.
    const role = [titleBefore(text, at.start), roleAfter(text, at.end)].filter(Boolean).join('; ');
    if (role) return { name: at.full, role, passage };
  }
  return undefined;
}
