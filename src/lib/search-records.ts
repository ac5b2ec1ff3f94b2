/**
 * Search records that are not whole pages: each glossary entry is a result of its own (the term
 * as its title, its plain meaning as its text, linking to the entry on the glossary page), and
 * the glossary page itself is one more, in each language: Spanish entries link to
 * /es/glossary/#id and go to the Spanish index. The build writes them to RECORDS_PATH
 * (src/pages/search/records.json.ts); the search index gives each to Pagefind as a page of its
 * own and then sets its fragment's address to the record's (src/lib/search-index.ts), and
 * removes the file.
 */
import { shownAliases, type GlossaryWords } from "./glossary.ts";
import { localePath, type Locale } from "./i18n.ts";
import { glossaryPath } from "./urls.ts";

/** Where the build writes the records of every language, from the site root. */
export const RECORDS_PATH = "/search/records.json";

/** One record: what Pagefind's addCustomRecord takes, and what the search index makes a page of. */
export interface SearchRecord {
  /** Site path without the base path: Pagefind adds the base as it does for pages. */
  url: string;
  content: string;
  /** The index the record goes to (Pagefind keeps one per language). */
  language: Locale;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface GlossaryEntry {
  id: string;
  data: { term: string; definition: string; aliases: readonly string[] };
}

/** The glossary's words in the records' language (the `glossary` section of its dictionary). */
export interface GlossaryText {
  /** The glossary's name: the page's title, and the `type` (filter and meta) of its records. */
  title: string;
  description: string;
  lead: string;
  aToZ: string;
  alsoCalled: string;
}

/**
 * A record per glossary entry (term, plain meaning, the other names readers use), and one for the
 * glossary page. `originals`: the English entries of a translated glossary, by id, whose words a
 * translation lists for search only (src/lib/glossary.ts); they find the entry as synonyms.
 */
export function glossaryRecords(
  entries: readonly GlossaryEntry[],
  locale: Locale,
  text: GlossaryText,
  originals: ReadonlyMap<string, GlossaryWords> = new Map(),
): SearchRecord[] {
  const record = (url: string, title: string, body: string): SearchRecord => ({
    url: localePath(url, locale),
    content: `${title}. ${body}`,
    language: locale,
    meta: { title, type: text.title },
    filters: { type: [text.title] },
  });
  return [
    record(glossaryPath(), text.title, `${text.description} ${text.lead} ${text.aToZ}`),
    ...entries.map(({ id, data }) => {
      const aliases = shownAliases(data, originals.get(id));
      return record(
        glossaryPath(id),
        data.term,
        `${data.definition}${aliases.length ? ` ${text.alsoCalled} ${aliases.join(", ")}.` : ""}`,
      );
    }),
  ];
}
