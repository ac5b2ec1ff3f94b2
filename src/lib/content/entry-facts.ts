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

/** A file's facts, with the file's modification time and size when they were taken. */
export interface KeptFacts {
  mtimeMs: number;
  size: number;
  facts: BodyFacts;
}

// Shared through globalThis, like the parse cache: the content check and the pages load this
// module as two copies in one build.
const CACHE_KEY = Symbol.for("patient-guides.body-facts");
const kept: Map<string, KeptFacts> =
  ((globalThis as Record<symbol, unknown>)[CACHE_KEY] as Map<string, KeptFacts>) ?? new Map<string, KeptFacts>();
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

/** Every file's kept facts, to hand to another thread (the build's content check runs in a worker). */
export const keptFacts = (): Array<[string, KeptFacts]> => [...kept];

/** Keeps a file's facts found earlier (the content check's cache), valid while the file is unchanged. */
export function keepFileFacts(absolute: string, facts: BodyFacts): void {
  const { mtimeMs, size } = statSync(absolute);
  kept.set(absolute, { mtimeMs, size, facts });
}

/** Keeps facts taken by another thread, so this thread's pages read them instead of parsing again. */
export function keepFacts(entries: Iterable<[string, KeptFacts]>): void {
  for (const [path, facts] of entries) kept.set(path, facts);
}
