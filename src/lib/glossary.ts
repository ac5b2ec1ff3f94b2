/**
 * What the glossary page shows of an entry's aliases. Aliases serve search too (each one is a
 * synonym of the term: src/lib/search-settings.ts), so some are there only for search: the term
 * or another alias typed without its accents ("atencion ambulatoria"), and, on a translated
 * entry, its original's own words ("outpatient care"). Readers are shown the others.
 */
import { foldAccents } from "./search-query.ts";

export interface GlossaryWords {
  term: string;
  aliases: readonly string[];
}

const key = (word: string) => foldAccents(word).toLowerCase();

/** The aliases a reader sees under "Also called", in the entry's order. `original`: the English entry a translation translates. */
export function shownAliases(entry: GlossaryWords, original?: GlossaryWords): string[] {
  const searchOnly = new Set(original ? [original.term, ...original.aliases].map((word) => word.toLowerCase()) : []);
  const seen = new Set([key(entry.term)]);
  return entry.aliases.filter((alias) => {
    if (searchOnly.has(alias.toLowerCase()) || seen.has(key(alias))) return false;
    seen.add(key(alias));
    return true;
  });
}
