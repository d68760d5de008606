/**
 * The nouns that can head a role phrase: "director" in "music director of the Pittsburgh Symphony
 * Orchestra", "violinist" and "president" in "Hungarian-born violinist and president of ...". A
 * phrase is only read as a role when its head is one of these, which is what keeps "the city's
 * largest employer" or "a brother of Harry" from becoming someone's role. Kinship and generic
 * person nouns (friend, man, child) are left out on purpose: they describe, they are no role.
 */
import { ROLE_WORDS } from './rolePhrases.ts';

/** Role words that only qualify a head ("former", "Foreign", "vice"), never head a phrase. */
const NOT_HEADS = new Set(
  'former presidential prime foreign defence defense national security state vice first sen gov rep prof dr'.split(
    ' ',
  ),
);

const OCCUPATIONS = (
  'conductor violinist pianist cellist organist composer musician soprano tenor baritone painter sculptor ' +
  'architect physician chemist physicist biologist mathematician sociologist psychologist psychiatrist ' +
  'philosopher theologian scholar critic dramatist playwright essayist journalist columnist publisher printer ' +
  'merchant planter clergyman minister preacher missionary evangelist chaplain vicar curate monk friar abbot ' +
  'abbess nun deacon elder soldier major corporal brigadier governor lieutenant-governor politician statesman ' +
  'consul comptroller registrar librarian curator archivist instructor lecturer tutor headmaster headmistress ' +
  'vice-president chairman member partner co-founder cofounder publisher superintendent supervisor foreman ' +
  'inventor designer surveyor pilot navigator explorer biographer translator administrator agent broker ' +
  'financier industrialist manufacturer rancher builder contractor dentist pharmacist astronomer geologist ' +
  'botanist zoologist anthropologist archaeologist linguist pitcher catcher outfielder infielder shortstop ' +
  'quarterback halfback fullback umpire referee jockey trainer athlete champion dancer ballerina ' +
  'choreographer photographer illustrator cartoonist announcer commentator broadcaster solicitor barrister ' +
  'counsel counselor counsellor constable policeman warden emperor empress princess duke duchess earl baron ' +
  'caliph sultan shah czar tsar pharaoh chieftain heir assistant aide steward graduate alumnus alumna ' +
  'specialist expert patron benefactor host hostess owner operator proprietor officeholder official ' +
  'administrator executive moderator spokesman founder-conductor conductor-director attendant stewardess ' +
  'blogger hacker designer programmer developer coordinator strategist negotiator trader dealer broker ' +
  'underwriter actuary accountant regulator supervisor forecaster statistician'
).split(' ');

let roleHeads: Set<string> | undefined;

/** Built on first use: rolePhrases.ts and this file import each other. */
function heads(): ReadonlySet<string> {
  roleHeads ??= new Set([...ROLE_WORDS, ...OCCUPATIONS].filter((w) => !NOT_HEADS.has(w)));
  return roleHeads;
}

/** Whether a written word can head a role: "director", "Secretary", "founder-conductor", "editor's". */
export function isRoleHead(word: string): boolean {
  const key = word.toLowerCase().replace(/'s$/, '').replace(/[.,]$/, '');
  const set = heads();
  if (set.has(key)) return true;
  const dash = key.lastIndexOf('-');
  return dash > 0 && set.has(key.slice(dash + 1));
}
