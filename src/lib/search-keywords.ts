/**
 * Words a page should be found by although it may not use them: the editor's `keywords`, plus
 * the other names (aliases) of every glossary term the page marks with <Term>. Pagefind has no
 * synonyms, so these go into the index as a hidden, weighted line.
 */
import { getEntries } from "astro:content";

/** Glossary ids used by `<Term id="...">` in an MDX body. */
export function termIds(body: string): string[] {
  return [...new Set([...body.matchAll(/<Term\s+id=["']([^"']+)["']/g)].map((match) => match[1]!))];
}

export interface SearchKeywords {
  /** The editor's own choice for this page: weighted high. */
  editorial: string[];
  /** Other names of the glossary terms the page explains: weighted low, they are incidental. */
  aliases: string[];
}

export async function searchKeywords(keywords: readonly string[], body: string): Promise<SearchKeywords> {
  const terms = await getEntries(termIds(body).map((id) => ({ collection: "glossary" as const, id })));
  const aliases = terms.filter((term) => term !== undefined).flatMap((term) => term.data.aliases);
  return { editorial: [...new Set(keywords)], aliases: [...new Set(aliases)].filter((alias) => !keywords.includes(alias)) };
}
