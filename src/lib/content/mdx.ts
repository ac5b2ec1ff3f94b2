/**
 * The one place that parses an article or guide. Sätteri, the Rust parser the build itself uses,
 * turns the file into frontmatter text plus an MDX syntax tree with line numbers, so the content
 * check and the build read a file the same way (1,000 files parse in about 0.2 s).
 */
import { readFileSync, statSync } from "node:fs";
import { mdxToMdast } from "satteri";
import type { Root } from "mdast";
import { parse as parseYaml } from "yaml";

export interface MdxSource {
  /** The YAML between the `---` fences, exactly as written ("" when there is none). */
  frontmatterText: string;
  /** Line in the file where the YAML starts (1-based), to point editors at a field. */
  frontmatterLine: number;
  /** Syntax tree of the whole file; positions are file line numbers. */
  tree: Root;
}

/** Parses MDX text. Throws the parser's message ("line:column: reason") on a syntax error. */
export function parseMdx(text: string): MdxSource {
  const tree = mdxToMdast(text) as unknown as Root;
  const yamlNode = tree.children.find((node) => node.type === "yaml");
  return {
    frontmatterText: yamlNode && "value" in yamlNode ? String(yamlNode.value) : "",
    frontmatterLine: yamlNode ? (yamlNode.position?.start.line ?? 1) + 1 : 1,
    tree,
  };
}

/**
 * A syntax error from the parser as editors read it: the line (the parser puts the position at
 * the start of its message, "31:1: Expected a closing tag ... (mdx-jsx:end-tag-mismatch)",
 * counted in the text it was given) and the message, without the parser's rule name.
 */
export function mdxSyntaxError(error: unknown): { line?: number; message: string } {
  const value = error as {
    line?: number;
    place?: { line?: number; start?: { line?: number } };
    reason?: string;
    message?: string;
  };
  const reason = value.reason ?? value.message ?? String(error);
  const position = /^(\d+):\d+:\s*/.exec(reason);
  const line = value.line ?? value.place?.line ?? value.place?.start?.line ?? Number(position?.[1] ?? 0);
  const text = (position ? reason.slice(position[0].length) : reason).replace(/\s*\([\w:-]+\)$/, "");
  return { ...(line ? { line } : {}), message: `the file cannot be read as MDX: ${text.split("\n")[0] ?? ""}` };
}

export interface MdxFile extends MdxSource {
  text: string;
}

interface Cached {
  mtimeMs: number;
  size: number;
  file: MdxFile;
}

/**
 * How many parsed files are kept (a tree is about 80 KB in memory): enough for a dev server's
 * edits; the content check reads each post once. Not WeakRefs: a WeakRef keeps its target alive
 * until the current synchronous job ends, and the content check is one job, so all 10,000 trees
 * stayed in memory.
 */
const CACHE_LIMIT = 128;

// Shared through globalThis because the build loads this module twice (once in the config's
// integrations, once bundled into the pages), and both should reuse one parse of a file.
const CACHE_KEY = Symbol.for("patient-guides.mdx-cache");
const cache: Map<string, Cached> =
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, Cached>) ?? new Map<string, Cached>();
(globalThis as Record<symbol, unknown>)[CACHE_KEY] = cache;

/**
 * Reads and parses a content file, once per process while it is unchanged (same modification
 * time and size) and among the first CACHE_LIMIT files read. Throws like `parseMdx` on a syntax error.
 * `text`: the file's text, when the caller has just read it (the content check, to hash it).
 */
export function readMdx(absolute: string, text?: string): MdxFile {
  const { mtimeMs, size } = statSync(absolute);
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.file;
  text ??= readFileSync(absolute, "utf8");
  const file: MdxFile = { text, ...parseMdx(text) };
  // Scans read files in the same order each time: keeping the first ones (not the latest)
  // means a second scan finds them, where a least-recently-used cache would miss every file.
  if (cached || cache.size < CACHE_LIMIT) cache.set(absolute, { mtimeMs, size, file });
  return file;
}

/**
 * The YAML frontmatter of MDX text without parsing the body: the lines between a `---` line at
 * the very start of the file and the next `---` line, as the parser reads frontmatter. For
 * questions about a post's data (review dates, titles) that need no syntax tree.
 */
export function frontmatterOf(text: string): string {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return "";
  const rest = text.slice(opening[0].length);
  const closing = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  return closing ? rest.slice(0, closing.index).replace(/\r?\n$/, "") : "";
}

/**
 * The data of a content file as plain values (dates stay strings): a post's frontmatter, or a
 * YAML file (author, topic, glossary entry). Undefined when the file cannot be read: for reports
 * that skip such files because the content check names them.
 */
export function readEntryData(absolute: string): Record<string, unknown> | undefined {
  try {
    const text = readFileSync(absolute, "utf8");
    const yaml = /\.ya?ml$/.test(absolute) ? text : frontmatterOf(text);
    const data: unknown = parseYaml(yaml);
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}
