/**
 * Search records that are not whole pages: each glossary entry is a result of its own (the term
 * as its title, its plain meaning as its text, linking to the entry on the glossary page), and
 * the glossary page itself is one more. The build writes them to RECORDS_PATH
 * (src/pages/search/records.json.ts) and the search index adds them with Pagefind's
 * addCustomRecord (src/integrations/search-index.ts), then removes the file.
 */
import { glossaryPath } from "./urls.ts";

/** The `type` (filter and meta) of glossary records: results show it, filters can use it. */
export const GLOSSARY_TYPE = "Glossary";

/** Where the build writes the records, from the site root. */
export const RECORDS_PATH = "/search/records.json";

/** The glossary page's own title and summary: the page shows them, its search record too. */
export const GLOSSARY_PAGE = {
  title: "Glossary",
  description: "Plain meanings of the medical words used in our articles and guides.",
  lead: "Medical words used on this site, in plain language. Each links to where you can check it.",
} as const;

/** One record for Pagefind's addCustomRecord (without the language, which the index sets). */
export interface SearchRecord {
  /** Site path without the base path: Pagefind adds the base as it does for pages. */
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface GlossaryEntry {
  id: string;
  data: { term: string; definition: string; aliases: readonly string[] };
}

/** A record per glossary entry (term, plain meaning, other names), and one for the glossary page. */
export function glossaryRecords(entries: readonly GlossaryEntry[]): SearchRecord[] {
  const record = (url: string, title: string, text: string): SearchRecord => ({
    url,
    content: `${title}. ${text}`,
    meta: { title, type: GLOSSARY_TYPE },
    filters: { type: [GLOSSARY_TYPE] },
  });
  return [
    record(glossaryPath(), GLOSSARY_PAGE.title, `${GLOSSARY_PAGE.description} ${GLOSSARY_PAGE.lead} A to Z.`),
    ...entries.map(({ id, data }) =>
      record(glossaryPath(id), data.term, `${data.definition}${data.aliases.length ? ` Also called: ${data.aliases.join(", ")}.` : ""}`),
    ),
  ];
}
