/**
 * The search test set (tests/search-queries.yaml): searches as patients type them, each typed
 * into the real /search/ page. Fails when fewer than 90% find their page in the top three; the
 * misses are listed either way (`npm run bench` prints the same figures).
 */
import { expect, test } from "@playwright/test";
import { MIN_TOP3_RATE, formatQuality, loadSearchCases, runSearchCases, summarize } from "../search-quality";

test("at least 90% of the test set's searches find their page in the top three", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const cases = loadSearchCases();
  const quality = summarize(await runSearchCases(page, baseURL!.replace(/\/$/, ""), cases));
  const report = formatQuality(quality).join("\n");
  await testInfo.attach("search-quality.txt", { body: report, contentType: "text/plain" });
  console.log(report);
  expect(quality.total).toBe(cases.length);
  expect(quality.top3 / quality.total, report).toBeGreaterThanOrEqual(MIN_TOP3_RATE);
});

test("the test set covers every kind of search and every article and guide", async () => {
  const cases = loadSearchCases();
  expect(cases.length).toBeGreaterThanOrEqual(60);
  for (const kind of ["exact", "question", "misspelling", "everyday"]) expect(cases.some((search) => search.kind === kind), kind).toBe(true);
  const { publishedIds } = await import("./site");
  const expected = new Set(cases.flatMap((search) => search.expect));
  for (const path of [...publishedIds("articles").map((id) => `/articles/${id}/`), ...publishedIds("guides").map((id) => `/guides/${id}/`)]) {
    expect(expected.has(path), `no search in the test set expects ${path}`).toBe(true);
  }
});
