/**
 * Builds the Pagefind search index over the built HTML: the last step of `npm run build`
 * (`astro build && node scripts/search-index.ts`), which runs Pagefind's own command line over
 * the built site. Astro's process has exited by then, so the two never hold memory at the same
 * time (at 10,000 pages Astro held 6.6 GB while Pagefind's backend added 3.5 GB).
 * Only regions marked `data-pagefind-body` are indexed (article and guide bodies), plus the
 * records that are not pages (each glossary entry, and the glossary page: src/lib/search-records.ts).
 * Pagefind keeps one index per language, from each page's `<html lang>` (and each record's
 * `language`), with that language's stemming; a search page loads the index of its own `lang`,
 * so /es/search/ finds Spanish pages only. Then it writes each language's vocabulary for
 * spelling suggestions next to the index (src/lib/search-vocabulary.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { escapeHtml } from "./html.ts";
import { LOCALES, splitLocale, type Locale } from "./i18n.ts";
import { RECORDS_PATH, type SearchRecord } from "./search-records.ts";
import { buildVocabulary, vocabularyFile, type IndexedPage } from "./search-vocabulary.ts";
import { SEARCH_BUNDLE_DIR } from "./urls.ts";

/**
 * Pagefind's command line (the package's runner, which starts the binary for this platform).
 * Not its Node API: that drives the same binary as a service, which spent about 0.5 CPU-s more
 * making the same index of 1,000 pages (2.7-2.8 s against the command line's 2.1-2.4 s here).
 */
const PAGEFIND_CLI = fileURLToPath(new URL("runner/bin.cjs", import.meta.resolve("pagefind")));

/** Pagefind logs this once it has read every page, before it builds and writes the index. */
const PAGES_READ = "[Reading languages]";

/** Fragments (one per page or record) start with this marker once unzipped. */
const FRAGMENT_MARKER = "pagefind_dcd";

/**
 * Where the records that are not pages are written as pages for Pagefind to read (the command
 * line has no records of its own), from the site root; removed once the index is written.
 */
const RECORD_PAGES_DIR = "_search-records";

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
  if (plain) {
    if (!existsSync(site)) throw new Error(`ENOENT: no site to index at ${site}`);
    await runPagefind(site, bundle);
    const languages = Object.values(readEntry(bundle).languages);
    return `${languages.reduce((sum, language) => sum + language.page_count, 0)} pages, plain Pagefind (PG_SKIP=search-extras)`;
  }
  const pages = bodyPages(site);
  const records = readRecords(site);
  const recordPages = join(site, RECORD_PAGES_DIR);
  let labelsBack = false;
  let loadSearchSettings: typeof import("./search-settings.ts").loadSearchSettings;
  const restoreLabels = () => {
    if (labelsBack) return;
    labelsBack = true;
    for (const page of pages.labelled) writeFileSync(page.file, page.bytes);
  };
  try {
    // A run killed before its clean-up (a cancelled CI job) may have left the folder behind.
    rmSync(recordPages, { recursive: true, force: true });
    mkdirSync(recordPages);
    records.forEach((record, at) => {
      writeFileSync(join(recordPages, `${at}.html`), recordPage(record));
    });
    for (const page of pages.labelled) writeFileSync(page.file, indexablePage(page.bytes));
    // Once Pagefind has read the pages (it builds and writes the index for another second), this
    // process gives the labels back and takes the indexer's markup out of the readers' pages. Each
    // page is read again rather than kept from bodyPages: 10,000 pages of about 36 KB would hold
    // 0.4-0.7 GB here. Meanwhile the search settings' modules (a YAML parser, zod) load: only the
    // vocabulary reads them, so Pagefind need not wait for them to start.
    [, { loadSearchSettings }] = await Promise.all([
      runPagefind(site, bundle, () => {
        restoreLabels();
        for (const file of pages.files) writeFileSync(file, asBytes(withoutIndexMarkup(asText(readFileSync(file)))));
      }),
      import("./search-settings.ts"),
    ]);
  } finally {
    restoreLabels();
    rmSync(recordPages, { recursive: true, force: true });
  }
  const entry = readEntry(bundle);
  const unexpected = Object.keys(entry.languages).filter((language) => !LOCALES.includes(language as Locale));
  if (unexpected.length)
    throw new Error(
      `Pagefind found pages in ${unexpected.join(", ")}: every indexed page needs <html lang> set to one of ${LOCALES.join(", ")}.`,
    );
  // Each record's fragment gets its own address, then each language's vocabulary is made from its
  // own pages and records (a page's language is its address's).
  const fragments = new Map<Locale, IndexedPage[]>(LOCALES.map((locale) => [locale, []]));
  for (const { file, fragment } of readFragments(bundle)) {
    const record = recordAt(fragment.url, records);
    if (record) {
      fragment.url = record.url;
      writeFileSync(file, gzipSync(FRAGMENT_MARKER + JSON.stringify(fragment)));
    }
    fragments.get(splitLocale(fragment.url).locale)!.push(fragment);
  }
  return LOCALES.map((locale) => {
    const vocabulary = buildVocabulary(fragments.get(locale)!, new Set(loadSearchSettings(locale).stopWords));
    writeFileSync(join(bundle, vocabularyFile(locale)), JSON.stringify({ words: vocabulary }));
    const ownRecords = records.filter((record) => record.language === locale).length;
    const pageTotal = (entry.languages[locale]?.page_count ?? 0) - ownRecords;
    return `${locale}: ${pageTotal} pages, ${ownRecords} glossary records, ${vocabulary ? vocabulary.split(" ").length : 0} words for spelling`;
  }).join("; ");
}

/**
 * Runs `pagefind --site site`, writing the index to `bundle`; `onPagesRead` runs once Pagefind
 * has read every page (or when it ends, if its log never says so). Its log is shown only if it fails.
 */
function runPagefind(site: string, bundle: string, onPagesRead?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const pagefind = spawn(process.execPath, [PAGEFIND_CLI, "--site", site, "--output-path", bundle], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    let failure: unknown;
    const pagesRead = () => {
      const next = onPagesRead;
      onPagesRead = undefined;
      try {
        next?.();
      } catch (error) {
        failure ??= error;
        pagefind.kill();
      }
    };
    pagefind.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      log += chunk;
      if (onPagesRead && log.includes(PAGES_READ)) pagesRead();
    });
    pagefind.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      log += chunk;
    });
    pagefind.on("error", reject);
    pagefind.on("close", (code, signal) => {
      if (failure === undefined && code === 0) pagesRead();
      if (failure !== undefined) reject(failure);
      else if (code !== 0)
        reject(new Error(`Pagefind could not index the site (${signal ?? `exit code ${code}`}):\n${log.trim()}`));
      else resolve();
    });
  });
}

/**
 * The pages Pagefind indexes (those with `data-pagefind-body`; it skips the others), and those of
 * them with a <label> in their body. Pagefind drops every <label> (it takes them for form chrome),
 * but our checklists are content in labels: the records to ask for, the questions to take to a
 * visit. So Pagefind reads those few pages with each label as a <span>, written in place while
 * it reads the site, and they get their labels back before anything else happens. (Copying every
 * page to memory for Pagefind to read instead took 0.3 s at 1,000 pages; 22 of them have labels.)
 */
function bodyPages(site: string): { files: string[]; labelled: Array<{ file: string; bytes: Buffer }> } {
  const files: string[] = [];
  const labelled: Array<{ file: string; bytes: Buffer }> = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== SEARCH_BUNDLE_DIR && entry.name !== "_astro") visit(path);
      } else if (entry.name.endsWith(".html")) {
        const bytes = readFileSync(path);
        const body = bytes.indexOf(BODY_MARK);
        if (body === -1) continue;
        files.push(path);
        if (bytes.indexOf("<label", body) !== -1) labelled.push({ file: path, bytes });
      }
    }
  };
  visit(site);
  return { files, labelled };
}

/** A page as Pagefind should read it: each <label> as a <span>. */
const indexablePage = (bytes: Buffer): Buffer => asBytes(asText(bytes).replace(LABEL_TAG, "<$1span"));

/**
 * A page's bytes as a string of one character a byte, and back: what the indexer's markup is
 * found in is ASCII, and the rest is kept byte for byte without decoding UTF-8 (which took half
 * as long again as the search and replace, and made strings of two bytes a character).
 */
const asText = (bytes: Buffer): string => bytes.toString("latin1");
const asBytes = (text: string): Buffer => Buffer.from(text, "latin1");

const BODY_MARK = "data-pagefind-body";
const LABEL_TAG = /<(\/?)label\b/g;

/**
 * A page as readers get it: without what only the indexer reads (data-pagefind-* attributes, the
 * hidden date for results and the hidden keywords). About 150 bytes gzipped an article.
 * Found with indexOf rather than three regular expressions over the whole page: the markup is a
 * few places in 36 KB, and at 1,000 pages the expressions took 0.1 s more.
 */
export function withoutIndexMarkup(html: string): string {
  let kept = "";
  let copied = 0;
  for (let at = html.indexOf(INDEX_MARK); at !== -1; at = html.indexOf(INDEX_MARK, at)) {
    const markup = indexMarkupAt(html, at);
    if (!markup) {
      at += INDEX_MARK.length;
      continue;
    }
    kept += html.slice(copied, markup.start);
    copied = at = markup.end;
  }
  return copied === 0 ? html : kept + html.slice(copied);
}

const INDEX_MARK = "data-pagefind-";
const HIDDEN_META = '<span hidden data-pagefind-meta="';
const HIDDEN_META_END = '"></span>';
const HIDDEN_KEYWORDS = '<p hidden data-pagefind-weight="';

/**
 * The indexer's markup around the INDEX_MARK at `at`, as [start, end): a hidden
 * `<span hidden data-pagefind-meta="..."></span>`, a hidden `<p hidden data-pagefind-weight="N">words</p>`,
 * or else the attribute itself with the space before it (` data-pagefind-name` or ` data-pagefind-name="..."`).
 */
function indexMarkupAt(html: string, at: number): { start: number; end: number } | undefined {
  const spanStart = at - (HIDDEN_META.length - INDEX_MARK.length - 'meta="'.length);
  if (html.startsWith(HIDDEN_META, spanStart)) {
    const quote = html.indexOf('"', spanStart + HIDDEN_META.length);
    if (quote !== -1 && html.startsWith(HIDDEN_META_END, quote))
      return { start: spanStart, end: quote + HIDDEN_META_END.length };
  }
  const pStart = at - (HIDDEN_KEYWORDS.length - INDEX_MARK.length - 'weight="'.length);
  if (html.startsWith(HIDDEN_KEYWORDS, pStart)) {
    let digits = pStart + HIDDEN_KEYWORDS.length;
    while (isDigit(html.charCodeAt(digits))) digits++;
    const textEnd = html.indexOf("<", digits + 2);
    if (
      digits > pStart + HIDDEN_KEYWORDS.length &&
      html.startsWith('">', digits) &&
      textEnd !== -1 &&
      html.startsWith("</p>", textEnd)
    )
      return { start: pStart, end: textEnd + "</p>".length };
  }
  if (html.charCodeAt(at - 1) !== SPACE) return undefined;
  let nameEnd = at + INDEX_MARK.length;
  while (isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === at + INDEX_MARK.length) return undefined;
  if (html.startsWith('="', nameEnd)) {
    const quote = html.indexOf('"', nameEnd + 2);
    if (quote !== -1) return { start: at - 1, end: quote + 1 };
  }
  return { start: at - 1, end: nameEnd };
}

const SPACE = 0x20;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
/** [a-z-] */
const isNameChar = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || code === 0x2d;

/** The records the build wrote (src/pages/search/records.json.ts); the file is removed once read. */
function readRecords(site: string): SearchRecord[] {
  const file = join(site, RECORDS_PATH);
  if (!existsSync(file)) throw new Error(`${RECORDS_PATH} was not built: the glossary cannot be searched without it.`);
  const records = JSON.parse(readFileSync(file, "utf8")) as SearchRecord[];
  rmSync(file);
  return records;
}

/** Every page and record as Pagefind indexed it (the text the vocabulary is made from), with its file. */
function* readFragments(bundle: string): Generator<{ file: string; fragment: IndexedPage & { url: string } }> {
  const dir = join(bundle, "fragment");
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".pf_fragment")) continue;
    const file = join(dir, name);
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    if (!text.startsWith(FRAGMENT_MARKER)) throw new Error(`${name} is not a Pagefind fragment`);
    yield { file, fragment: JSON.parse(text.slice(FRAGMENT_MARKER.length)) as IndexedPage & { url: string } };
  }
}

/** The index's entry file: each language Pagefind indexed, with its page count (records included). */
function readEntry(bundle: string): { languages: Record<string, { page_count: number }> } {
  return JSON.parse(readFileSync(join(bundle, "pagefind-entry.json"), "utf8"));
}

/**
 * A record as a page Pagefind makes the same fragment from as from its Node API's
 * addCustomRecord, but for the address (the page's own, set to the record's once the index is
 * written): the record's text as the indexed body, its language as the page's, and its meta and
 * filters from elements outside the body, so their text is not indexed twice.
 */
function recordPage(record: SearchRecord): string {
  const meta = Object.entries(record.meta).map(
    ([key, value]) => `<span data-pagefind-meta="${escapeHtml(key)}">${escapeHtml(value)}</span>`,
  );
  const filters = Object.entries(record.filters).flatMap(([key, values]) =>
    values.map((value) => `<span data-pagefind-filter="${escapeHtml(key)}">${escapeHtml(value)}</span>`),
  );
  return `<!doctype html><html lang="${escapeHtml(record.language)}"><head><meta charset="utf-8"></head><body>${meta.join("")}${filters.join("")}<main data-pagefind-body><p>${escapeHtml(record.content)}</p></main></body></html>`;
}

/** The record a fragment was made from, by its page's address (/_search-records/N.html), if it is one. */
function recordAt(url: string, records: readonly SearchRecord[]): SearchRecord | undefined {
  const match = RECORD_URL.exec(url);
  return match ? records[Number(match[1])] : undefined;
}

const RECORD_URL = new RegExp(`^/${RECORD_PAGES_DIR}/(\\d+)\\.html$`);
