/**
 * Search as a reader meets it: open /search/ with an empty cache, type a query, and measure
 * (1) every byte fetched until the first results show and (2) the time from the last keystroke
 * to results on screen, read from the page's own `performance.measure("search")`, which starts
 * at each input event and ends when results are rendered. One more search is misspelled: it
 * loads the spelling vocabulary, whose bytes are reported on their own (not in the medians).
 */
import type { Browser } from "playwright";
import { mobileContext, recordLoad, weigh, type Transfer, type Weight } from "./browser.ts";
import { median } from "./stats.ts";

/** Words readers type; each also appears in the generated pages, so both sites have results. */
const QUERIES = ["records", "insurance", "clinical trial", "biopsy", "side effects"];
/** "records" misspelled: the search finds nothing, loads the vocabulary and corrects it. */
const MISSPELLED_QUERY = "recrods";

/** Roughly a quick typist: each keystroke starts a search, as it does for a reader. */
const KEY_DELAY_MS = 100;
const RESULT_TIMEOUT_MS = 20_000;

export interface SearchRun extends Weight {
  query: string;
  /** Last keystroke to results rendered. */
  searchMs: number;
  results: number;
  /** Gzipped bytes by part: the page itself, scripts, and each kind of Pagefind file. */
  parts: Record<SearchPart, number>;
  transfers: Transfer[];
}

type SearchPart = "page" | "scripts" | "wasm" | "index" | "fragments" | "filters" | "vocabulary" | "other";

export interface SearchFigures {
  /** Which site: "real site" or "1,000 generated pages", etc. */
  site: string;
  runs: SearchRun[];
  median: { openAndQueryGzip: number | undefined; searchMs: number | undefined; requests: number | undefined };
  /** The misspelled search: its bytes include the vocabulary (`parts.vocabulary`). */
  misspelled?: SearchRun & { correctedTo: string | undefined };
}

export async function measureSearch(browser: Browser, baseUrl: string, site: string): Promise<SearchFigures> {
  const runs: SearchRun[] = [];
  for (const query of QUERIES) runs.push(await searchOnce(browser, baseUrl, query));
  const misspelled = await searchOnce(browser, baseUrl, MISSPELLED_QUERY);
  return {
    site,
    runs,
    median: {
      openAndQueryGzip: median(runs.map((run) => run.totalGzip)),
      searchMs: median(runs.map((run) => run.searchMs)),
      requests: median(runs.map((run) => run.requests)),
    },
    misspelled,
  };
}

async function searchOnce(
  browser: Browser,
  baseUrl: string,
  query: string,
): Promise<SearchRun & { correctedTo: string | undefined }> {
  const context = await mobileContext(browser);
  try {
    const page = await context.newPage();
    const recorder = recordLoad(page);
    await page.goto(`${baseUrl}/search/`, { waitUntil: "load" });
    // Pagefind starts loading when the page opens; a reader reaches the box after that.
    await page.waitForLoadState("networkidle");
    await page.locator('site-search input[name="q"]').click();
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
    await page.waitForFunction(lastSearchRendered, undefined, { timeout: RESULT_TIMEOUT_MS });
    const { searchMs, results, correctedTo } = await page.evaluate(() => ({
      searchMs: performance.getEntriesByName("search", "measure").at(-1)?.duration ?? Number.NaN,
      results: document.querySelectorAll("#search-results > li").length,
      correctedTo: document.querySelector(".site-search__spelling:not([hidden]) strong")?.textContent ?? undefined,
    }));
    const record = await recorder.finish();
    return {
      query,
      searchMs,
      results,
      correctedTo,
      ...weigh(record),
      parts: splitByPart(record.transfers),
      transfers: record.transfers,
    };
  } finally {
    await context.close();
  }
}

function splitByPart(transfers: Transfer[]): Record<SearchPart, number> {
  const parts: Record<SearchPart, number> = {
    page: 0,
    scripts: 0,
    wasm: 0,
    index: 0,
    fragments: 0,
    filters: 0,
    vocabulary: 0,
    other: 0,
  };
  for (const transfer of transfers) parts[partOf(transfer)] += transfer.gzipBytes;
  return parts;
}

function partOf({ type, path }: Transfer): SearchPart {
  if (type === "html" || type === "css") return "page";
  if (type === "js") return "scripts";
  if (path.includes("/wasm.")) return "wasm";
  if (path.endsWith(".pf_index") || path.endsWith(".pf_meta")) return "index";
  if (path.endsWith(".pf_fragment")) return "fragments";
  if (path.endsWith(".pf_filter")) return "filters";
  if (path.endsWith("/vocabulary.json")) return "vocabulary";
  return "other";
}

/** Runs in the page: true once the search started by the last keystroke has rendered. */
function lastSearchRendered(): boolean {
  const started = performance.getEntriesByName("search-start").at(-1);
  const rendered = performance.getEntriesByName("search-rendered").at(-1);
  return (
    document.querySelector("site-search")?.getAttribute("data-state") === "done" &&
    !!started &&
    !!rendered &&
    rendered.startTime >= started.startTime
  );
}
