/** Maps a path inside a parsed YAML document to a line number, so errors can say "facts.yaml:42". */
import { type Document, isNode, isSeq, LineCounter, parseDocument, visit } from 'yaml';

export interface LocatedYaml {
  doc: Document;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Line of item `index` of the top-level list `key`: cheap, unlike lineOf, for every item of a long file. */
  lineOfItem(key: string, index: number): number | undefined;
  /** First syntax error with its line, if the text is not valid YAML. */
  error?: { line: number; message: string };
  /** The document as plain data (undefined when there is an error). */
  data?: unknown;
}

/**
 * The document as plain data, or the reason it has none. Aliases are resolved only here, and
 * the yaml library throws for an alias without an anchor or too many aliases (a "billion laughs"
 * bomb): one bad file must be a problem reported with its line, never an exception.
 */
function toData(
  doc: Document,
  lineAt: (offset: number) => number,
): { data: unknown } | { error: { line: number; message: string } } {
  try {
    return { data: doc.toJS() };
  } catch (error) {
    let line: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (
          line === undefined &&
          node.range &&
          (node.resolve(doc) === undefined || /alias count/i.test(String(error)))
        )
          line = lineAt(node.range[0]);
        return line === undefined ? undefined : visit.BREAK;
      },
    });
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    return { error: { line: line ?? 1, message } };
  }
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
  const converted = toData(doc, (offset) => counter.linePos(offset).line + lineOffset);
  if ('error' in converted) return { doc, lineOf, lineOfItem, error: converted.error };
  return { doc, lineOf, lineOfItem, data: converted.data };
}
