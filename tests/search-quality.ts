/**
 * The search test sets run as a reader meets them: each query typed into the real search page of
 * its language (tests/search-queries.yaml into /search/, tests/search-queries-es.yaml into
 * /es/search/), its first results read from the page. Shared by the browser test
 * (tests/e2e/search-quality.spec.ts), `npm run search:quality` and the benchmark
 * (scripts/bench/search-quality.ts), so all score the same way.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright";
import { parse as parseYaml } from "yaml";

export const SEARCH_KINDS = ["exact", "question", "misspelling", "everyday"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchCase {
  kind: SearchKind;
  /** What the reader types. */
  query: string;
  /** Pages (or /glossary/#entry) that answer it; any one of them in the top three is a hit. */
  expect: string[];
}

export interface SearchOutcome extends SearchCase {
  /** Result addresses in order, as compared with `expect` (see resultKey). */
  results: string[];
  /** 1-based position of the first expected result; undefined when it is not shown at all. */
  rank: number | undefined;
}

export interface SearchQuality {
  total: number;
  top1: number;
  top3: number;
  byKind: Record<SearchKind, { total: number; top1: number; top3: number }>;
  /** Searches whose expected page is not in the top three. */
  misses: SearchOutcome[];
}

/** The share of the test set that must have an expected page in the top three. */
export const MIN_TOP3_RATE = 0.9;

/** Each language's test set and the search page it is typed into. */
export const SEARCH_SETS = {
  en: { file: fileURLToPath(new URL("./search-queries.yaml", import.meta.url)), path: "/search/" },
  es: { file: fileURLToPath(new URL("./search-queries-es.yaml", import.meta.url)), path: "/es/search/" },
} as const;
export type SearchSetLocale = keyof typeof SEARCH_SETS;

const QUERIES_FILE = SEARCH_SETS.en.file;

/** Reads and checks the test set; a malformed entry throws with its position and what is wrong. */
export function loadSearchCases(file: string = QUERIES_FILE): SearchCase[] {
  const data: unknown = parseYaml(readFileSync(file, "utf8"));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of searches`);
  return data.map((entry: unknown, index) => {
    const where = `${file}, entry ${index + 1}`;
    if (typeof entry !== "object" || entry === null) throw new Error(`${where}: expected { kind, query, expect }`);
    const { kind, query, expect } = entry as Record<string, unknown>;
    if (!SEARCH_KINDS.includes(kind as SearchKind))
      throw new Error(`${where}: kind must be one of ${SEARCH_KINDS.join(", ")}`);
    if (typeof query !== "string" || !query.trim()) throw new Error(`${where}: query must be text`);
    if (
      !Array.isArray(expect) ||
      expect.length === 0 ||
      !expect.every((path) => typeof path === "string" && path.startsWith("/"))
    ) {
      throw new Error(`${where}: expect must list paths starting with /`);
    }
    return { kind: kind as SearchKind, query, expect: expect as string[] };
  });
}

/**
 * What a result link is compared by: its path, plus its #id on a glossary (/glossary/,
 * /es/glossary/: each entry is an answer of its own). Text fragments (`:~:text=`) and section
 * anchors on pages are ignored.
 */
export function resultKey(href: string): string {
  const url = new URL(href, "http://localhost");
  const id = url.hash.replace(/^#/, "").split(":~:")[0];
  return /^(?:\/[a-z]{2})?\/glossary\/$/.test(url.pathname) && id ? `${url.pathname}#${id}` : url.pathname;
}

export function rankOf(results: readonly string[], expected: readonly string[]): number | undefined {
  const index = results.findIndex((result) => expected.includes(result));
  return index === -1 ? undefined : index + 1;
}

/**
 * Types each query into the search page at `searchPath` (/search/, or /es/search/ for the Spanish
 * set) on `baseUrl` and reads the result links once the search is done.
 */
export async function runSearchCases(
  page: Page,
  baseUrl: string,
  cases: readonly SearchCase[],
  searchPath = "/search/",
): Promise<SearchOutcome[]> {
  await page.goto(`${baseUrl}${searchPath}`);
  await page.waitForFunction(() => customElements.get("site-search") !== undefined);
  const box = page.locator('site-search input[name="q"]');
  const outcomes: SearchOutcome[] = [];
  for (const search of cases) {
    await box.fill(search.query);
    await page.waitForFunction(
      (query) => {
        const element = document.querySelector("site-search");
        return element?.getAttribute("data-state") === "done" && element.querySelector("input")?.value === query;
      },
      search.query,
      { timeout: 15_000 },
    );
    const hrefs = await page
      .locator(".search-result__title a")
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const results = hrefs.map(resultKey);
    outcomes.push({ ...search, results, rank: rankOf(results, search.expect) });
  }
  return outcomes;
}

export function summarize(outcomes: readonly SearchOutcome[]): SearchQuality {
  const byKind = Object.fromEntries(
    SEARCH_KINDS.map((kind) => [kind, { total: 0, top1: 0, top3: 0 }]),
  ) as SearchQuality["byKind"];
  let top1 = 0;
  let top3 = 0;
  for (const outcome of outcomes) {
    const kind = byKind[outcome.kind];
    kind.total++;
    if (outcome.rank === 1) {
      top1++;
      kind.top1++;
    }
    if (outcome.rank !== undefined && outcome.rank <= 3) {
      top3++;
      kind.top3++;
    }
  }
  const misses = outcomes.filter((outcome) => outcome.rank === undefined || outcome.rank > 3);
  return { total: outcomes.length, top1, top3, byKind, misses };
}

const percent = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : "0.0"}%`;

/** The hit rate and every miss, as lines of text. */
export function formatQuality(quality: SearchQuality): string[] {
  const kinds = SEARCH_KINDS.map((kind) => {
    const figures = quality.byKind[kind];
    return `${kind} ${figures.top3}/${figures.total}`;
  });
  return [
    `top 1: ${quality.top1}/${quality.total} (${percent(quality.top1, quality.total)}); top 3: ${quality.top3}/${quality.total} (${percent(quality.top3, quality.total)}); in the top 3 by kind: ${kinds.join(", ")}`,
    ...quality.misses.map(
      (miss) =>
        `  miss (${miss.kind}) "${miss.query}": wanted ${miss.expect.join(" or ")}, ${miss.rank ? `found at ${miss.rank}` : "not shown"}; top 3: ${miss.results.slice(0, 3).join(", ") || "no results"}`,
    ),
  ];
}
