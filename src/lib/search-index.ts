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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
  try {
    // No forced language: each page goes to the index of its <html lang>.
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    if (plain) {
      const added = await index.addDirectory({ path: site });
      if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
      await writeIndex(index, bundle);
      return `${added.page_count} pages, plain Pagefind (PG_SKIP=search-extras)`;
    }
    const source = indexableCopy(site);
    let added: Awaited<ReturnType<typeof index.addDirectory>>;
    try {
      const adding = index.addDirectory({ path: source.path });
      adding.catch(() => undefined);
      // Pagefind reads the copy in its own process; meanwhile this one takes the indexer's markup
      // out of the readers' pages (once the request has gone out).
      await new Promise((next) => setImmediate(next));
      for (const page of source.pages) writeFileSync(page, withoutIndexMarkup(readFileSync(page, "utf8")));
      added = await adding;
    } finally {
      source.remove();
    }
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const records = readRecords(site);
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, at) => {
      if (response.errors.length)
        throw new Error(`Pagefind could not index ${records[at]!.url}: ${response.errors.join("; ")}`);
    });
    await writeIndex(index, bundle);
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
 * The built pages as Pagefind should read them. Pagefind drops every <label> (it takes them for
 * form chrome), but our checklists are content in labels: the records to ask for, the questions
 * to take to a visit. So the pages Pagefind indexes (those with `data-pagefind-body`; it skips
 * the others anyway) are copied, each label read as a <span>, and indexed from the copy. The site
 * itself is not changed. The copy goes to memory (/dev/shm) where there is one: writing a
 * thousand pages there takes a tenth of the time it takes on disk.
 */
function indexableCopy(site: string): { path: string; remove: () => void; pages: string[] } {
  const root = mkdtempSync(join(indexCopyParent(), INDEX_COPY_PREFIX));
  const pages: string[] = [];
  const visit = (dir: string, relativeDir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== SEARCH_BUNDLE_DIR && entry.name !== "_astro") visit(from, join(relativeDir, entry.name));
      } else if (entry.name.endsWith(".html")) {
        const html = readFileSync(from, "utf8");
        if (!html.includes(BODY_MARK)) continue;
        mkdirSync(join(root, relativeDir), { recursive: true });
        writeFileSync(join(root, relativeDir, entry.name), html.replace(LABEL_TAG, "<$1span"));
        pages.push(from);
      }
    }
  };
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    visit(site, "");
  } catch (error) {
    // A missing or unreadable site must not leave an empty folder behind in memory.
    remove();
    throw error;
  }
  // No page marks its body: Pagefind then indexes every page whole, so it reads the site itself.
  if (pages.length === 0) {
    remove();
    return { path: site, remove: () => undefined, pages };
  }
  return { path: root, remove, pages };
}

/** Where the copies for Pagefind go (memory, where the system has it), each in a folder with this prefix. */
export const indexCopyParent = (): string => (existsSync("/dev/shm") ? "/dev/shm" : tmpdir());
export const INDEX_COPY_PREFIX = "patient-guides-search-";

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
