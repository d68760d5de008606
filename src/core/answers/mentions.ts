/** Finds passages that mention a name, by index lookup then a literal check of the text. */
import type { Passage } from '../../knowledge/types.ts';
import type { KnowledgeBase } from '../../search/knowledgeBase.ts';
import { comparable } from '../../text/normalizeText.ts';

/**
 * A name written with a capital is mentioned only where the text writes it so: "Masters" (Selena
 * Masters) is not the "soldier-masters" of another story.
 */
function writtenAsName(text: string, name: string): boolean {
  const first = name.split(/\s+/)[0] ?? '';
  if (!/^\p{Lu}/u.test(first)) return true;
  const escaped = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

export function mentionsName(text: string, name: string): boolean {
  const needle = comparable(name);
  if (!needle || !writtenAsName(text, name)) return false;
  const hay = comparable(text);
  let from = 0;
  while (true) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = hay[at - 1];
    const after = hay[at + needle.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
    from = at + 1;
  }
}

/** Passages naming any of the names, in corpus order, at most limit. */
export function passagesMentioning(kb: KnowledgeBase, names: readonly string[], limit = 20): Passage[] {
  const found = new Map<number, Passage>();
  for (const name of names) {
    for (const hit of kb.passageIndex.search(name, { all: true, fuzzy: false, limit: limit * 3 })) {
      if (!found.has(hit.passage.id) && mentionsName(hit.passage.text, name))
        found.set(hit.passage.id, hit.passage);
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id).slice(0, limit);
}
