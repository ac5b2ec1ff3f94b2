/**
 * Lines of a YAML document's fields, to point an editor at the field a problem is about. The
 * table is made once from the parsed document, which can then be dropped: a post's problems are
 * found in passes over every post, and each post's YAML syntax tree held until the last pass was
 * about 120 MB at 10,000 pages.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";

export type FieldPath = readonly (string | number)[];

const SEPARATOR = "\u0000";
const keyOf = (path: FieldPath) => path.join(SEPARATOR);

/**
 * Each written field's line (1-based, in the YAML text), as plain data: the content check's cache
 * keeps it with a post's findings (src/lib/validate/check-cache.ts).
 */
export type FieldLineTable = Map<string, number>;

/** The line of the field at `path` in a table, or of its nearest parent that is written. */
export function lineInTable(table: FieldLineTable, path: FieldPath): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const line = table.get(keyOf(path.slice(0, depth)));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The field lines of a YAML text, from its syntax tree (the `yaml` package keeps each node's place). */
export function yamlFieldLines(text: string): FieldLineTable {
  const lineCounter = new LineCounter();
  return fieldLineTable(parseDocument(text, { lineCounter }), lineCounter);
}

export function fieldLineTable(doc: Document, lineCounter: LineCounter): FieldLineTable {
  const lines: FieldLineTable = new Map();
  const record = (node: unknown, key: string) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    // The first occurrence wins, as Document.getIn finds it.
    if (range && !lines.has(key)) lines.set(key, lineCounter.linePos(range[0]).line);
  };
  const walk = (node: unknown, key: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = key ? key + SEPARATOR + name : name;
        record(pair.value, child);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = key ? key + SEPARATOR + index : String(index);
        record(item, child);
        walk(item, child);
      });
    }
  };
  walk(doc.contents, "");
  return lines;
}
