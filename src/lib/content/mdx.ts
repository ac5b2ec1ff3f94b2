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

export interface MdxFile extends MdxSource {
  text: string;
}

interface Cached {
  mtimeMs: number;
  size: number;
  /** Weak: 10,000 syntax trees would not fit in a CI runner's memory; a collected one is parsed again. */
  file: WeakRef<MdxFile>;
}

// Shared through globalThis because the build loads this module twice (once in the config's
// integrations, once bundled into the pages), and both should reuse one parse of a file.
const CACHE_KEY = Symbol.for("patient-guides.mdx-cache");
const cache: Map<string, Cached> =
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, Cached>) ?? new Map<string, Cached>();
(globalThis as Record<symbol, unknown>)[CACHE_KEY] = cache;

/**
 * Reads and parses a content file, once per process while it is unchanged (same modification
 * time and size) and its tree is still in use. Throws like `parseMdx` on a syntax error.
 */
export function readMdx(absolute: string): MdxFile {
  const { mtimeMs, size } = statSync(absolute);
  const cached = cache.get(absolute);
  const hit = cached && cached.mtimeMs === mtimeMs && cached.size === size ? cached.file.deref() : undefined;
  if (hit) return hit;
  const text = readFileSync(absolute, "utf8");
  const file: MdxFile = { text, ...parseMdx(text) };
  cache.set(absolute, { mtimeMs, size, file: new WeakRef(file) });
  return file;
}

/**
 * The data of a content file as plain values (dates stay strings): a post's frontmatter, or a
 * YAML file (author, topic, glossary entry). Undefined when the file cannot be read: for reports
 * that skip such files because the content check names them.
 */
export function readEntryData(absolute: string): Record<string, unknown> | undefined {
  try {
    const yaml = /\.ya?ml$/.test(absolute) ? readFileSync(absolute, "utf8") : readMdx(absolute).frontmatterText;
    const data: unknown = parseYaml(yaml);
    return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}
