/**
 * The search test set (tests/search-queries.yaml) on a served build: how often the page that
 * answers a reader's search is first, and in the top three, and which searches miss.
 */
import type { Browser } from "playwright";
import { loadSearchCases, runSearchCases, summarize, type SearchQuality } from "../../tests/search-quality.ts";

export type { SearchQuality };

export async function measureSearchQuality(browser: Browser, baseUrl: string): Promise<SearchQuality> {
  const context = await browser.newContext();
  try {
    return summarize(await runSearchCases(await context.newPage(), baseUrl, loadSearchCases()));
  } finally {
    await context.close();
  }
}
