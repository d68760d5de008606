/** Maps a path inside a parsed YAML document to a line number, so errors can say "facts.yaml:42". */
import { type Document, isNode, isSeq, LineCounter, parseDocument } from 'yaml';

export interface LocatedYaml {
  doc: Document;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Line of item `index` of the top-level list `key`: cheap, unlike lineOf, for every item of a long file. */
  lineOfItem(key: string, index: number): number | undefined;
  /** First syntax error with its line, if the text is not valid YAML. */
  error?: { line: number; message: string };
}

export function parseYamlWithLines(text: string, lineOffset = 0): LocatedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(
        path.slice(0, n).map((p) => (typeof p === 'symbol' ? String(p) : p)),
        true,
      );
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + lineOffset;
    }
    return undefined;
  };
  const lineOfItem = (key: string, index: number): number | undefined => {
    const seq = doc.get(key, true);
    const node = isSeq(seq) ? seq.items[index] : undefined;
    return isNode(node) && node.range ? counter.linePos(node.range[0]).line + lineOffset : undefined;
  };
  const first = doc.errors[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line + lineOffset;
    return {
      doc,
      lineOf,
      lineOfItem,
      error: { line, message: first.message.split('\n')[0] ?? first.message },
    };
  }
  return { doc, lineOf, lineOfItem };
}
