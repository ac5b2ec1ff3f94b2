/**
 * Builds the Pagefind search index over the built HTML: the last step of `npm run build`
 * (`astro build && node scripts/search-index.ts`), in its own process, as Pagefind's own CLI runs
 * after a build. Astro's process has exited by then, so the two never hold memory at the same
 * time (at 10,000 pages Astro held 6.6 GB while Pagefind's backend added 3.5 GB).
 * Only regions marked `data-pagefind-body` are indexed (article and guide bodies), plus the
 * records that are not pages (each glossary entry, and the glossary page: src/lib/search-records.ts).
 * Pagefind keeps one index per language, from each page's `<html lang>` (and each record's
 * `language`), with that language's stemming; a search page loads the index of its own `lang`,
 * so /es/search/ finds Spanish pages only. Then it writes each language's vocabulary for
 * spelling suggestions next to the index (src/lib/search-vocabulary.ts).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { LOCALES, splitLocale, type Locale } from "./i18n.ts";
import { RECORDS_PATH, type SearchRecord } from "./search-records.ts";
import { loadSearchSettings } from "./search-settings.ts";
import { buildVocabulary, vocabularyFile, type IndexedPage } from "./search-vocabulary.ts";
import { SEARCH_BUNDLE_DIR } from "./urls.ts";

/** Fragments (one per page or record) start with this marker once unzipped. */
const FRAGMENT_MARKER = "pagefind_dcd";

export interface IndexOptions {
  /**
   * Pagefind over the built pages as they are, nothing else (the PG_SKIP `search-extras` switch,
   * src/lib/build-flags.ts): what the blog example's `pagefind --site dist` does.
   */
  plain?: boolean;
}

/** Indexes the built site in `site` (a folder); resolves to a one-line summary for the log. */
export async function indexSite(site: string, { plain = false }: IndexOptions = {}): Promise<string> {
  const bundle = join(site, SEARCH_BUNDLE_DIR);
  // No forced language: each page goes to the index of its <html lang>. Pagefind's process
  // starts while this one reads the pages.
  const opening = pagefind.createIndex({});
  opening.catch(() => undefined);
  try {
    const pages = plain ? undefined : bodyPages(site);
    const { index, errors } = await opening;
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    if (!pages) {
      const added = await index.addDirectory({ path: site });
      if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
      await writeIndex(index, bundle);
      return `${added.page_count} pages, plain Pagefind (PG_SKIP=search-extras)`;
    }
    let added: Awaited<ReturnType<typeof index.addDirectory>>;
    try {
      for (const page of pages.labelled) writeFileSync(page.file, indexablePage(page.html));
      added = await index.addDirectory({ path: site });
    } finally {
      for (const page of pages.labelled) writeFileSync(page.file, page.html);
    }
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const records = readRecords(site);
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, at) => {
      if (response.errors.length)
        throw new Error(`Pagefind could not index ${records[at]!.url}: ${response.errors.join("; ")}`);
    });
    // Pagefind writes the index in its own process and reads no page meanwhile: this one takes the
    // indexer's markup out of the readers' pages (once the request has gone out). Each page is read
    // again rather than kept from bodyPages: 10,000 pages of about 36 KB would hold 0.4-0.7 GB here.
    const writing = writeIndex(index, bundle);
    writing.catch(() => undefined);
    await new Promise((next) => setImmediate(next));
    for (const file of pages.files) writeFileSync(file, withoutIndexMarkup(readFileSync(file, "utf8")));
    await writing;
    const entry = JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const unexpected = Object.keys(entry.languages).filter((language) => !LOCALES.includes(language as Locale));
    if (unexpected.length)
      throw new Error(
        `Pagefind found pages in ${unexpected.join(", ")}: every indexed page needs <html lang> set to one of ${LOCALES.join(", ")}.`,
      );
    // Each language's vocabulary from its own pages and records (a page's language is its address's).
    const fragments = new Map<Locale, IndexedPage[]>(LOCALES.map((locale) => [locale, []]));
    for (const fragment of readFragments(bundle)) fragments.get(splitLocale(fragment.url).locale)!.push(fragment);
    return LOCALES.map((locale) => {
      const vocabulary = buildVocabulary(fragments.get(locale)!, new Set(loadSearchSettings(locale).stopWords));
      writeFileSync(join(bundle, vocabularyFile(locale)), JSON.stringify({ words: vocabulary }));
      const ownRecords = records.filter((record) => record.language === locale).length;
      const pages = (entry.languages[locale]?.page_count ?? 0) - ownRecords;
      return `${locale}: ${pages} pages, ${ownRecords} glossary records, ${vocabulary ? vocabulary.split(" ").length : 0} words for spelling`;
    }).join("; ");
  } finally {
    await pagefind.close();
  }
}

async function writeIndex(index: pagefind.PagefindIndex, bundle: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
}

/**
 * The pages Pagefind indexes (those with `data-pagefind-body`; it skips the others), and those of
 * them with a <label> in their body. Pagefind drops every <label> (it takes them for form chrome),
 * but our checklists are content in labels: the records to ask for, the questions to take to a
 * visit. So Pagefind reads those few pages with each label as a <span>, written in place while
 * it reads the site, and they get their labels back before anything else happens. (Copying every
 * page to memory for Pagefind to read instead took 0.3 s at 1,000 pages; 22 of them have labels.)
 */
function bodyPages(site: string): { files: string[]; labelled: Array<{ file: string; html: string }> } {
  const files: string[] = [];
  const labelled: Array<{ file: string; html: string }> = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== SEARCH_BUNDLE_DIR && entry.name !== "_astro") visit(path);
      } else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        const body = html.indexOf(BODY_MARK);
        if (body === -1) continue;
        files.push(path);
        if (html.includes("<label", body)) labelled.push({ file: path, html });
      }
    }
  };
  visit(site);
  return { files, labelled };
}

/** A page as Pagefind should read it: each <label> as a <span>. */
const indexablePage = (html: string): string => html.replace(LABEL_TAG, "<$1span");

const BODY_MARK = "data-pagefind-body";
const LABEL_TAG = /<(\/?)label\b/g;

/**
 * A page as readers get it: without what only the indexer reads (data-pagefind-* attributes, the
 * hidden date for results and the hidden keywords). About 150 bytes gzipped an article.
 */
export function withoutIndexMarkup(html: string): string {
  return html
    .replace(/<span hidden data-pagefind-meta="[^"]*"><\/span>/g, "")
    .replace(/<p hidden data-pagefind-weight="\d+">[^<]*<\/p>/g, "")
    .replace(/ data-pagefind-[a-z-]+(?:="[^"]*")?/g, "");
}

/** The records the build wrote (src/pages/search/records.json.ts); the file is removed once read. */
function readRecords(site: string): SearchRecord[] {
  const file = join(site, RECORDS_PATH);
  if (!existsSync(file)) throw new Error(`${RECORDS_PATH} was not built: the glossary cannot be searched without it.`);
  const records = JSON.parse(readFileSync(file, "utf8")) as SearchRecord[];
  rmSync(file);
  return records;
}

/** Every page and record as Pagefind indexed it: the text the vocabulary is made from. */
function* readFragments(bundle: string): Generator<IndexedPage & { url: string }> {
  const dir = join(bundle, "fragment");
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".pf_fragment")) continue;
    const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
    if (!text.startsWith(FRAGMENT_MARKER)) throw new Error(`${name} is not a Pagefind fragment`);
    yield JSON.parse(text.slice(FRAGMENT_MARKER.length)) as IndexedPage & { url: string };
  }
}
