/**
 * Reads a built Pagefind index from disk: which records it holds (each fragment is one page, or
 * one glossary entry at /glossary/#its-id), and which pages.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

const PREFIX = "pagefind_dcd";

/** A record as the index holds it: its URL, the text Pagefind indexed, and what it shows and filters on. */
export interface IndexedFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: unknown[];
}

/** Every record as the index holds it. */
export function indexedFragments(dist: string): IndexedFragment[] {
  const dir = join(dist, "pagefind", "fragment");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".pf_fragment"))
    .map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
      if (!text.startsWith(PREFIX)) throw new Error(`${name} is not a Pagefind fragment`);
      return JSON.parse(text.slice(PREFIX.length)) as IndexedFragment;
    });
}

/** Every record's URL: pages, the glossary page, and each glossary entry (/glossary/#id). */
export function indexedRecords(dist: string): string[] {
  return indexedFragments(dist)
    .map(({ url }) => url)
    .sort();
}

/** The pages the index holds (a glossary entry counts as the glossary page). */
export function indexedUrls(dist: string): string[] {
  return [...new Set(indexedRecords(dist).map((url) => url.split("#")[0]!))].sort();
}
