/**
 * What a post's layout needs from its body (src/lib/content/facts.ts `bodyFacts`), kept per file
 * for the whole build. The content check records each post's facts from the tree it has just
 * parsed; the pages then read them without parsing the file again (the parse cache keeps only a
 * few trees; these facts are a few hundred bytes a post).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { Root } from "mdast";
import { bodyFacts, type BodyFacts } from "./facts.ts";
import { parseMdx, readMdx } from "./mdx.ts";

interface Kept {
  mtimeMs: number;
  size: number;
  facts: BodyFacts;
}

// Shared through globalThis, like the parse cache: the content check and the pages load this
// module as two copies in one build.
const CACHE_KEY = Symbol.for("patient-guides.body-facts");
const kept: Map<string, Kept> =
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, Kept>) ?? new Map<string, Kept>();
(globalThis as Record<symbol, unknown>)[CACHE_KEY] = kept;

/**
 * The body facts of a content file, computed once while the file is unchanged; from `tree` when
 * the caller has just parsed the file.
 */
export function fileFacts(absolute: string, tree?: Root): BodyFacts {
  const { mtimeMs, size } = statSync(absolute);
  const hit = kept.get(absolute);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit.facts;
  const facts = bodyFacts(tree ?? readMdx(absolute).tree);
  kept.set(absolute, { mtimeMs, size, facts });
  return facts;
}

/** The body facts of a collection entry: from its file, or from its body when it has none (a test's entry). */
export function entryFacts(entry: { filePath?: string | undefined; body?: string | undefined }): BodyFacts {
  return entry.filePath ? fileFacts(resolve(entry.filePath)) : bodyFacts(parseMdx(entry.body ?? "").tree);
}
