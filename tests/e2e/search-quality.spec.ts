/**
 * The search test sets: searches as patients type them, each typed into the real search page of
 * its language (tests/search-queries.yaml into /search/, tests/search-queries-es.yaml into
 * /es/search/). Each fails when fewer than 90% find their page in the top three; the misses are
 * listed either way (`npm run search:quality` prints the same figures).
 */
import { expect, test } from "@playwright/test";
import {
  MIN_TOP3_RATE,
  SEARCH_SETS,
  formatQuality,
  loadSearchCases,
  runSearchCases,
  summarize,
} from "../search-quality";
import { builtPages } from "./site";

for (const [locale, { file, path }] of Object.entries(SEARCH_SETS)) {
  test(`${locale}: at least 90% of the test set's searches find their page in the top three on ${path}`, async ({
    page,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const cases = loadSearchCases(file);
    const quality = summarize(await runSearchCases(page, baseURL!.replace(/\/$/, ""), cases, path));
    const report = formatQuality(quality).join("\n");
    await testInfo.attach(`search-quality-${locale}.txt`, { body: report, contentType: "text/plain" });
    console.log(`${locale} (${path}):\n${report}`);
    expect(quality.total).toBe(cases.length);
    expect(quality.top3 / quality.total, report).toBeGreaterThanOrEqual(MIN_TOP3_RATE);
  });
}

test("the English test set covers every kind of search and every article and guide", async () => {
  const cases = loadSearchCases();
  expect(cases.length).toBeGreaterThanOrEqual(60);
  for (const kind of ["exact", "question", "misspelling", "everyday"])
    expect(
      cases.some((search) => search.kind === kind),
      kind,
    ).toBe(true);
  const { publishedIds } = await import("./site");
  const expected = new Set(cases.flatMap((search) => search.expect));
  for (const path of [
    ...publishedIds("articles").map((id) => `/articles/${id}/`),
    ...publishedIds("guides").map((id) => `/guides/${id}/`),
  ]) {
    expect(expected.has(path), `no search in the test set expects ${path}`).toBe(true);
  }
});

test("the Spanish test set covers every kind of search, the issue's exact terms, and every Spanish article and guide", () => {
  const cases = loadSearchCases(SEARCH_SETS.es.file);
  expect(cases.length).toBeGreaterThanOrEqual(20);
  for (const kind of ["exact", "question", "misspelling", "everyday"])
    expect(
      cases.some((search) => search.kind === kind),
      kind,
    ).toBe(true);
  const queries = new Set(cases.map((search) => search.query));
  for (const term of ["radioterapia intraoperatoria", "IORT", "historial médico", "ensayo clínico", "Medicare"])
    expect(queries.has(term), term).toBe(true);
  // Accents typed and not typed.
  expect(queries.has("historial medico") && queries.has("ensayo clinico")).toBe(true);
  for (const search of cases) for (const path of search.expect) expect(path, search.query).toMatch(/^\/es\//);
  const expected = new Set(cases.flatMap((search) => search.expect));
  const spanishPosts = builtPages().filter((path) => /^\/es\/(?:articles|guides)\/[^/]+\/$/.test(path));
  expect(spanishPosts.length).toBeGreaterThan(0);
  for (const path of spanishPosts)
    expect(expected.has(path), `no search in the Spanish test set expects ${path}`).toBe(true);
});
