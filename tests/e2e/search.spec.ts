import { AXE_TAGS, axeOn } from "../../scripts/lib/axe.ts";
import { expect, test, type Page } from "@playwright/test";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { DIST, builtPages, largeText, publishedIds } from "./site";
import { indexedFragments, indexedRecords, indexedUrls } from "../search-index";
import { SEARCH_SETS, loadSearchCases } from "../search-quality";

/** Types a query into the search page's box, as a reader would, and waits for the results. */
async function searchFor(page: Page, query: string) {
  const box = page.getByRole("searchbox", { name: "Search the guides and articles" });
  await box.fill(query);
  await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
  return page.locator(".search-result__title a");
}

const resultPaths = async (page: Page) =>
  await page
    .locator(".search-result__title a")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Real queries readers type, and the page each must find in the top three. */
const EXPECTED: Array<[string, string]> = [
  ["IORT", "/guides/iort/"],
  ["intraoperative radiation", "/guides/iort/"],
  ["radiation during surgery", "/guides/iort/"],
  ["records", "/guides/medical-records/"],
  ["HIPAA", "/guides/medical-records/"],
  ["medical records", "/guides/medical-records/"],
  ["insurance", "/guides/insurance/"],
  ["Medicare", "/guides/insurance/"],
  ["placebo", "/guides/clinical-trials/"],
  ["clinical trial", "/guides/clinical-trials/"],
  ["pathology", "/guides/pathology-review/"],
  ["misdiagnosis", "/guides/pathology-review/"],
  ["questions to ask", "/guides/questions-to-ask/"],
  ["NCI-designated", "/guides/cancer-centers/"],
  ["second opinion", "/articles/getting-a-second-opinion/"],
];

test.describe("search finds the right page", () => {
  for (const [query, expected] of EXPECTED) {
    test(`"${query}" finds ${expected} in the top three`, async ({ page }) => {
      await page.goto("/search/");
      await searchFor(page, query);
      expect((await resultPaths(page)).slice(0, 3)).toContain(expected);
    });
  }

  // The test set's exact terms (and the list above) through Pagefind's own API, without our
  // query handling: the index itself still ranks the page first among pages (no regression).
  test("exact terms still find their page through Pagefind's own API", async ({ page }) => {
    const exact = [
      ...EXPECTED.map(([query, path]) => ({ query, expect: [path] })),
      ...loadSearchCases().filter((search) => search.kind === "exact"),
    ];
    await page.goto("/search/");
    const found = await page.evaluate(
      async ({ bundle, queries }) => {
        const pagefind = await import(bundle);
        const top: Record<string, string[]> = {};
        for (const query of queries) {
          const response = await pagefind.search(query, { filters: { type: { any: ["Article", "Guide"] } } });
          top[query] = await Promise.all(
            response.results
              .slice(0, 3)
              .map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
          );
        }
        return top;
      },
      { bundle: "/pagefind/pagefind.js", queries: exact.map((search) => search.query) },
    );
    const misses = exact.filter((search) => !search.expect.some((path) => found[search.query]?.includes(path)));
    expect(misses.map((miss) => `${miss.query}: ${found[miss.query]?.join(", ")}`)).toEqual([]);
  });
});

test.describe("search that understands patients", () => {
  test("a question is searched by its meaningful words, and stays as typed in the box and the URL", async ({
    page,
  }) => {
    const question = "how can I get copies of my scans?";
    await page.goto("/search/");
    await searchFor(page, question);
    expect((await resultPaths(page)).slice(0, 3)).toContain("/guides/medical-records/");
    await expect(page.getByRole("searchbox")).toHaveValue(question);
    expect(new URL(page.url()).searchParams.get("q")).toBe(question);
  });

  test("a program the site names differently is not corrected into another one: medicaid is not medicare", async ({
    page,
  }) => {
    await page.goto("/search/?q=medicaid");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.locator(".site-search__spelling")).toBeHidden();
    await expect(page.getByRole("status")).not.toContainText("medicare");
    expect((await resultPaths(page)).slice(0, 3)).toContain("/guides/insurance/");
  });

  test("a misspelled word is corrected, says so, and offers the words as typed", async ({ page }) => {
    await page.goto("/search/?q=pathalogy");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("searchbox")).toHaveValue("pathalogy");
    const notice = page.locator(".site-search__spelling");
    await expect(notice).toHaveText("Showing results for pathology. Search instead for pathalogy.");
    await expect(page.getByRole("status")).toHaveText(/^\d+ results? for “pathology” \(you typed “pathalogy”\)/);
    expect((await resultPaths(page)).slice(0, 3)).toContain("/guides/pathology-review/");

    // The words as typed find nothing: the reader gets the suggestion and every way on.
    await notice.getByRole("link", { name: "pathalogy" }).click();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page).toHaveURL(/\?q=pathalogy&verbatim=1$/);
    const status = page.getByRole("status");
    await expect(status).toHaveText(
      /^No results for “pathalogy”\. Did you mean “pathology”\? .*call us at 800-826-HOPE \(4673\)\./,
    );
    const none = page.locator(".site-search__none");
    await expect(none.getByText("Did you mean pathology?")).toBeVisible();
    await expect(none.getByRole("link", { name: "browse the topics" })).toHaveAttribute("href", "#browse-topics");
    await expect(none.getByRole("link", { name: "A to Z glossary" })).toHaveAttribute("href", "/glossary/");
    await expect(none.getByRole("link", { name: "800-826-HOPE (4673)" })).toHaveAttribute("href", "tel:+18008264673");
    await expect(page.getByRole("heading", { name: "Browse by topic" })).toBeVisible();

    await none.getByRole("link", { name: "pathology" }).click();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("searchbox")).toHaveValue("pathology");
    await expect(none).toBeHidden();
  });

  test("everyday words find the page that uses the formal one (synonyms)", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "sugar pill");
    expect((await resultPaths(page)).slice(0, 3)).toContain("/guides/clinical-trials/");
  });

  test("a glossary entry is a result of its own: the term, its plain meaning, a link to it", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "deductible");
    const entry = page
      .locator(".search-result")
      .filter({ has: page.getByRole("link", { name: "Deductible", exact: true }) });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole("link", { name: "Deductible", exact: true })).toHaveAttribute(
      "href",
      "/glossary/#deductible",
    );
    await expect(entry.locator(".search-result__meta")).toHaveText("Glossary");
    await expect(entry.locator(".search-result__excerpt")).toContainText("The amount you pay");
    // A page that explains it comes first; the definition right after.
    const links = await resultPaths(page);
    expect(links[0]).not.toBe("/glossary/");
    await entry.getByRole("link", { name: "Deductible", exact: true }).click();
    await expect(page).toHaveURL(/\/glossary\/#deductible$/);
    await expect(page.locator("#deductible")).toBeInViewport();
  });

  test("one- and two-letter searches wait for a pause, then run", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "CT");
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
  });

  test("excerpts start where a sentence or clause starts", async ({ page }) => {
    await page.goto("/search/");
    for (const query of ["records", "placebo", "who pays for a second opinion", "video visit", "tumor board"]) {
      await searchFor(page, query);
      for (const excerpt of await page.locator(".search-result__excerpt").allTextContents()) {
        expect(excerpt, `${query}: ${excerpt}`).toMatch(/^(… |[A-Z0-9“"(‘'])/u);
      }
    }
  });

  test("a result's link highlights the words in the page's text, never in its title, breadcrumbs or contents", async ({
    page,
  }) => {
    for (const query of ["IORT", "HIPAA", "placebo", "tumor board", "second opinion from home"]) {
      await page.goto("/search/");
      await searchFor(page, query);
      const href = (await page.locator(".search-result__title a").first().getAttribute("href")) ?? "";
      const directive = href.split(":~:text=")[1];
      if (directive === undefined) {
        // Only a heading matched: the link lands on that section of the text, with nothing to highlight.
        const id = new URL(href, "http://localhost").hash.slice(1);
        expect(id, `${query}: ${href}`).not.toBe("");
        await page.goto(href);
        await expect(page.locator(`article .prose [id="${id}"]`)).toBeInViewport();
        continue;
      }
      const [prefix, text, suffix] = (() => {
        const parts = directive!.split(",").map((part) => decodeURIComponent(part));
        const before = parts[0]?.endsWith("-") ? parts.shift()!.slice(0, -1) : "";
        const after = parts.at(-1)?.startsWith("-") ? parts.pop()!.slice(1) : "";
        return [before, parts[0] ?? "", after];
      })();
      const wanted = [prefix, text, suffix].filter(Boolean).join(" ");
      await page.goto(href);
      const where = await page.evaluate((phrase) => {
        // The text as rendered (what a text fragment matches): closed popovers are not in it.
        const squash = (node: Element | null) => ((node as HTMLElement | null)?.innerText ?? "").replace(/\s+/g, " ");
        return {
          body: squash(document.querySelector("article .prose")).includes(phrase),
          chrome: [".breadcrumbs", ".toc", ".article-header", "header", "footer"].some((selector) =>
            squash(document.querySelector(selector)).includes(phrase),
          ),
        };
      }, wanted);
      expect(where, `${query}: "${wanted}"`).toEqual({ body: true, chrome: false });
    }
  });
});

test.describe("the search page", () => {
  test("runs the query from ?q= and announces the count politely", async ({ page }) => {
    await page.goto("/search/?q=HIPAA");
    await expect(page.getByRole("searchbox")).toHaveValue("HIPAA");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    const status = page.getByRole("status");
    await expect(status).toHaveAttribute("aria-live", "polite");
    await expect(status).toHaveText(/^\d+ results? for “HIPAA”/);
    expect(await resultPaths(page)).toContain("/guides/medical-records/");
    await expect(page.getByText("Search needs JavaScript")).toBeHidden();
    // The tips make room for the results once a search runs, and stay the box's description.
    await expect(page.getByText("Press / to come back to this box")).toBeHidden();
    await expect(page.getByRole("searchbox")).toHaveAccessibleDescription(/Press \/ to come back to this box/);
  });

  test("on a 390 px phone at 200% text the count shows with the results, which stay put when it is read out", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await largeText(page);
    await page.goto("/search/");
    const list = page.locator(".site-search__results");
    // The moment the first result appears: what the count says then and where that result is.
    // The watcher is in place before typing starts (awaited), so it cannot miss the first result.
    type FirstSight = { count: string; spoken: string; top: number };
    await list.evaluate((element) => {
      (window as unknown as { firstSight: Promise<FirstSight> }).firstSight = new Promise<FirstSight>((resolve) => {
        new MutationObserver((_, observer) => {
          const first = element.querySelector("a");
          if (!first) return;
          observer.disconnect();
          resolve({
            count: document.querySelector(".site-search__count")?.textContent ?? "",
            spoken: document.querySelector("site-search [role=status]")?.textContent ?? "",
            top: first.getBoundingClientRect().top,
          });
        }).observe(element, { childList: true });
      });
    });
    await page.getByRole("searchbox").fill("second opinion");
    const shown = await page.evaluate(() => (window as unknown as { firstSight: Promise<FirstSight> }).firstSight);
    expect(shown.count).toMatch(/^\d+ results for “second opinion”\.$/);
    expect(shown.spoken, "the live region waits for typing to pause").toBe("");
    // Listeners also hear how many are shown; on screen the five results and "Show more" say it.
    await expect(page.getByRole("status")).toHaveText(`${shown.count} Showing the best 5.`);
    const top = await list
      .locator("a")
      .first()
      .evaluate((link) => link.getBoundingClientRect().top);
    expect(top, "top of the first result once the count is read out").toBeCloseTo(shown.top, 0);
  });

  for (const [path, query] of [
    ["/search/", "second opinion"],
    ["/es/search/", "segunda opinión"],
  ] as const) {
    test(`${path}: on a 390 x 844 phone at 200% text, a search sent from another page shows its first result on the first screen`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await largeText(page);
      await page.goto(`${path}?q=${encodeURIComponent(query)}`);
      await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
      const first = page.locator(".site-search__results a").first();
      // Its title's first line, not just its top edge, is on the screen.
      const { top, line } = await first.evaluate((link) => ({
        top: link.getBoundingClientRect().top,
        line: Number.parseFloat(getComputedStyle(link).lineHeight),
      }));
      expect(top + line, "bottom of the first result's first line").toBeLessThanOrEqual(844);
      await expect(page.getByRole("searchbox")).toHaveValue(query);
    });
  }

  test("keeps the query in the URL as the reader types, and Back brings the results back", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "insurance");
    await expect(page).toHaveURL(/\/search\/\?q=insurance$/);
    await page.locator(".search-result__title a").first().click();
    await expect(page).toHaveURL(/\/guides\/insurance\//);
    await page.goBack();
    await expect(page.getByRole("searchbox")).toHaveValue("insurance");
    await expect(page.locator(".search-result").first()).toBeVisible();
  });

  test("printed, it shows the words searched and the results, without the controls that do nothing on paper", async ({
    page,
  }) => {
    await page.goto("/search/?q=second+opinion");
    await expect(page.locator(".search-result").first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("searchbox")).toBeVisible();
    await expect(page.getByRole("searchbox")).toHaveValue("second opinion");
    await expect(page.locator(".site-search__count")).toBeVisible();
    await expect(page.locator(".search-result").first()).toBeVisible();
    for (const control of [
      ".site-search__row button",
      ".site-search__tips",
      ".site-search__filters",
      ".site-search__more",
    ])
      await expect(page.locator(control), control).toBeHidden();
  });

  test("shows title, highlighted excerpt and links to matching sections", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "records");
    const first = page.locator(".search-result").first();
    await expect(first.locator("mark").first()).toBeVisible();
    expect(await first.locator(".search-result__title a").getAttribute("href")).toMatch(/\/#[a-z0-9-]+:~:text=/);
    const sections = first.locator(".search-result__sections a");
    expect(await sections.count()).toBeGreaterThan(0);
    expect(await sections.first().getAttribute("href")).toMatch(/\/#[a-z0-9-]+:~:text=/);
  });

  test("landing on a result highlights the searched word on the page, with no search script there", async ({
    page,
  }) => {
    await page.goto("/search/");
    await searchFor(page, "placebo");
    const link = page.locator(".search-result__title a").first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/:~:text=/);
    await link.click();
    await expect(page).toHaveURL(/\/guides\/clinical-trials\//);
    // The browser scrolls to the word (the page now starts compact, so it may be near the top).
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const wordInView = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/placebo/i.test(node.textContent ?? "")) continue;
        const box = node.parentElement!.getBoundingClientRect();
        if (box.top >= 0 && box.bottom <= window.innerHeight) return true;
      }
      return false;
    });
    expect(wordInView).toBe(true);
    // The browser does the highlighting (a text fragment): no Pagefind or search script on the page.
    expect(await page.locator('script[src*="pagefind"], script[src*="SiteSearch"]').count()).toBe(0);
  });

  test("filters narrow the results by type and by topic, and stay in the URL", async ({ page }) => {
    await page.goto("/search/");
    await searchFor(page, "second opinion");
    const all = await page.locator(".search-result").count();
    await page.getByText("Filter by type or topic").click();
    await page.getByRole("group", { name: "Type of page" }).getByRole("checkbox", { name: "Articles" }).check();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.locator(".search-result__meta")).not.toHaveCount(0);
    for (const meta of await page.locator(".search-result__meta").allTextContents()) expect(meta).toMatch(/^Article/);
    expect(await page.locator(".search-result").count()).toBeLessThan(all);
    await expect(page).toHaveURL(/type=Article/);

    await page.getByRole("group", { name: "Type of page" }).getByRole("checkbox", { name: "Articles" }).uncheck();
    await page.getByRole("group", { name: "Topic" }).getByRole("checkbox", { name: "Insurance and costs" }).check();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    const paths = await resultPaths(page);
    expect(paths).toContain("/guides/insurance/");
    expect(paths).not.toContain("/guides/iort/");
    await expect(page).toHaveURL(/topic=Insurance\+and\+costs/);
  });

  test("/ focuses the search box, Escape clears it, arrows move through results", async ({ page }) => {
    await page.goto("/search/");
    const box = page.getByRole("searchbox");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(box).toBeFocused();
    await page.keyboard.type("records");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    const links = page.locator(".site-search__results a");
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(box).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Search" })).toBeFocused();
    await box.focus();
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue("");
    await expect(page.locator(".search-result")).toHaveCount(0);
    await expect(page).toHaveURL(/\/search\/$/);
  });

  test("a query containing HTML shows as text and runs nothing", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const attack = "<img src=x onerror=alert(1)>";
    await page.goto(`/search/?q=${encodeURIComponent(attack)}`);
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("status")).toContainText(attack);
    await searchFor(page, `${attack} records`);
    await expect(page.getByRole("status")).toContainText(attack);
    expect(await page.locator("site-search img, [role=status] img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [state, url] of [
      ["results shown", "/search/?q=records"],
      ["a corrected word", "/search/?q=pathalogy"],
      ["no results", "/search/?q=pathalogy&verbatim=1"],
    ] as const) {
      test(`axe finds nothing on the search page with ${state} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
        const { violations } = await axeOn(page).withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header form goes to the search page, which says why and lists every page", async ({ page }) => {
    await page.goto("/articles/getting-a-second-opinion/");
    const header = page.getByRole("banner");
    await header.getByRole("searchbox", { name: "Search the guides" }).fill("IORT");
    await header.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\/\?q=IORT$/);
    await expect(page.getByText("Search needs JavaScript, which is off in this browser.")).toBeVisible();
    // The keyboard shortcuts need the script, so their hint is not offered either.
    await expect(page.getByText("Press / to come back to this box")).toBeHidden();
    await expect(page.getByText("Try words like")).toBeVisible();
    for (const id of publishedIds("guides")) {
      await expect(page.locator(`.search-browse a[href="/guides/${id}/"]`)).toBeVisible();
    }
    await expect(page.locator('.search-browse a[href="/topics/insurance/"]')).toBeVisible();
  });
});

/** What the search page at `path` can find: every record of the index Pagefind loads for its language. */
async function indexedFrom(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return page.evaluate(async (bundle) => {
    const pagefind = await import(bundle);
    const all = await pagefind.search(null);
    return Promise.all(
      all.results.map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
    );
  }, "/pagefind/pagefind.js");
}

const isSpanish = (url: string) => url.startsWith("/es/");

test("every published article and guide is in the search index of its language, and besides them only the glossary and each of its entries", async ({
  page,
}) => {
  const posts = [
    ...publishedIds("articles").map((id) => `/articles/${id}/`),
    ...publishedIds("guides").map((id) => `/guides/${id}/`),
  ].sort();
  const glossaryIds = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => name.replace(/\.yaml$/, ""));
  const expected = [...posts, "/glossary/", ...glossaryIds("content/glossary").map((id) => `/glossary/#${id}`)].sort();
  const spanishPosts = builtPages().filter((path) => /^\/es\/(?:articles|guides)\/[^/]+\/$/.test(path));
  const expectedSpanish = [
    ...spanishPosts,
    "/es/glossary/",
    ...glossaryIds("content/es/glossary").map((id) => `/es/glossary/#${id}`),
  ].sort();
  expect(spanishPosts.length).toBeGreaterThan(0);

  const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(Object.keys(entry.languages).sort()).toEqual(["en", "es"]);
  expect(entry.languages.en?.page_count).toBe(expected.length);
  expect(entry.languages.es?.page_count).toBe(expectedSpanish.length);

  // Pagefind loads the index of the page's language: /search/ reads the English one, /es/search/ the Spanish one.
  expect([...(await indexedFrom(page, "/search/"))].sort()).toEqual(expected);
  expect([...(await indexedFrom(page, "/es/search/"))].sort()).toEqual(expectedSpanish);
  const records = indexedRecords(DIST);
  expect(records.filter((url) => !isSpanish(url))).toEqual(expected);
  expect(records.filter(isSpanish)).toEqual(expectedSpanish);
  expect(indexedUrls(DIST).filter((url) => !isSpanish(url))).toEqual([...posts, "/glossary/"].sort());
  // The records the build handed to the index are not left in the site.
  expect(existsSync(`${DIST}/search/records.json`)).toBe(false);
});

test("a checklist's items are searchable, though each is a <label> (which Pagefind leaves out), and pages keep their labels", () => {
  const page = readFileSync(`${DIST}/guides/medical-records/index.html`, "utf8");
  const item = /<label for="records-to-request-\d+">([^<]+)<\/label>/.exec(page)?.[1];
  expect(item, "the guide has a checklist").toBeDefined();
  const indexed = indexedFragments(DIST).find(({ url }) => url === "/guides/medical-records/");
  expect(indexed?.content).toContain(item);
  expect(page).not.toContain("data-pagefind-body");
});

test("the spelling vocabulary is small, and the search page loads it only when a word is unknown", async ({ page }) => {
  const vocabulary = JSON.parse(readFileSync(`${DIST}/pagefind/vocabulary.json`, "utf8")) as { words: string };
  const words = vocabulary.words.split(" ");
  for (const word of ["pathology", "oncologist", "mammograms", "hipaa", "medicare", "placebo"])
    expect(words).toContain(word);
  // Titles and glossary terms weigh most: they come first.
  expect(words.indexOf("second")).toBeLessThan(words.indexOf("mammograms"));
  expect(gzipSync(readFileSync(`${DIST}/pagefind/vocabulary.json`)).length).toBeLessThan(8 * 1024);

  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto("/search/");
  await searchFor(page, "insurance");
  expect(fetched.filter((path) => path.endsWith("/vocabulary.json"))).toEqual([]);
  await searchFor(page, "insurence coverag");
  await searchFor(page, "oncolgist");
  await expect(page.locator(".site-search__spelling")).toContainText("Showing results for oncologist.");
  expect(fetched.filter((path) => path.endsWith("/vocabulary.json"))).toEqual(["/pagefind/vocabulary.json"]);
});

test.describe("search in Spanish", () => {
  /** Types a query into the Spanish search page's box and waits for the results. */
  async function buscar(page: Page, query: string) {
    const box = page.getByRole("searchbox", { name: "Buscar en las guías y los artículos" });
    await box.fill(query);
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
  }

  test("/es/search/ finds only Spanish pages, and /search/ only English ones", async ({ page }) => {
    for (const query of ["Medicare", "IORT", "HIPAA", "placebo", "TARGIT", "NCI", "video"]) {
      await page.goto("/es/search/");
      await buscar(page, query);
      const spanish = await resultPaths(page);
      expect(spanish.length, query).toBeGreaterThan(0);
      expect(
        spanish.filter((path) => !isSpanish(path)),
        `/es/search/?q=${query}`,
      ).toEqual([]);

      await page.goto("/search/");
      await searchFor(page, query);
      const english = await resultPaths(page);
      expect(english.length, query).toBeGreaterThan(0);
      expect(english.filter(isSpanish), `/search/?q=${query}`).toEqual([]);
    }
    // A Spanish word is not in the English index, and an English one not in the Spanish.
    await page.goto("/search/?q=laminillas");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    expect(await resultPaths(page)).toEqual([]);
  });

  test("the page speaks Spanish: labels, count, dates, type and the way back without results", async ({ page }) => {
    await page.goto("/es/search/?q=historial");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page).toHaveTitle(/^Buscar/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buscar en las guías y los artículos");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("status")).toHaveText(/^\d+ resultados? para “historial”\./);
    await expect(page.getByRole("list", { name: "Resultados de la búsqueda" })).toBeVisible();
    const meta = (await page.locator(".search-result__meta").allTextContents()).filter((text) => /20\d\d/.test(text));
    expect(meta.length).toBeGreaterThan(0);
    for (const text of meta)
      expect(text).toMatch(/^(Artículo|Guía) · (Actualizado|Publicado) el \d{1,2} de [a-z]+ de 20\d\d/);
    await expect(page.getByRole("button", { name: "Buscar", exact: true })).toBeVisible();

    await page.goto("/es/search/?q=telemedisina&verbatim=1");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("status")).toHaveText(
      /^No hay resultados para “telemedisina”\. ¿Quiso decir “telemedicina”\? .*llámenos al 800-826-HOPE \(4673\)\./,
    );
    const none = page.locator(".site-search__none");
    await expect(none.getByRole("link", { name: "explorar los temas" })).toHaveAttribute("href", "#browse-topics");
    await expect(none.getByRole("link", { name: "glosario de la A a la Z" })).toHaveAttribute("href", "/es/glossary/");
    await expect(page.getByRole("heading", { name: "Explorar por tema" })).toBeVisible();
  });

  test("accents typed or not find the same page, and the page's own spelling is marked", async ({ page }) => {
    const first: Record<string, string | undefined> = {};
    for (const query of [
      "historial médico",
      "historial medico",
      "radioterapia intraoperatoria",
      "radioterapia intraoperatória",
    ]) {
      await page.goto("/es/search/");
      await buscar(page, query);
      first[query] = (await resultPaths(page))[0];
      await expect(page.locator(".site-search__spelling")).toBeHidden();
    }
    expect(first["historial medico"]).toBe("/es/guides/medical-records/");
    expect(first["historial médico"]).toBe(first["historial medico"]);
    expect(first["radioterapia intraoperatória"]).toBe("/es/guides/iort/");
    expect(first["radioterapia intraoperatoria"]).toBe("/es/guides/iort/");
    await page.goto("/es/search/");
    await buscar(page, "historial medico");
    const marked = await page.locator(".search-result").first().locator("mark").allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toContain("médico");
  });

  test("a misspelled word is corrected in Spanish, with the words as typed one click away", async ({ page }) => {
    await page.goto("/es/search/?q=telemedisina");
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.locator(".site-search__spelling")).toHaveText(
      "Se muestran resultados para telemedicina. ¿Prefiere buscar telemedisina?",
    );
    await expect(page.getByRole("status")).toHaveText(
      /^\d+ resultados? para “telemedicina” \(usted escribió “telemedisina”\)/,
    );
    expect((await resultPaths(page)).slice(0, 3)).toContain("/es/guides/second-opinion-without-travel/");
    await page.locator(".site-search__spelling").getByRole("link", { name: "telemedisina" }).click();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page).toHaveURL(/\/es\/search\/\?q=telemedisina&verbatim=1$/);
    await expect(page.locator(".site-search__none").getByText("¿Quiso decir telemedicina?")).toBeVisible();
  });

  test("everyday Spanish words and glossary entries: synonyms, and entries that link to the Spanish glossary", async ({
    page,
  }) => {
    await page.goto("/es/search/");
    await buscar(page, "expediente");
    expect((await resultPaths(page)).slice(0, 3)).toContain("/es/guides/medical-records/");
    await buscar(page, "deducible");
    const entry = page
      .locator(".search-result")
      .filter({ has: page.getByRole("link", { name: "Deducible", exact: true }) });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole("link", { name: "Deducible", exact: true })).toHaveAttribute(
      "href",
      "/es/glossary/#deductible",
    );
    await expect(entry.locator(".search-result__meta")).toHaveText("Glosario");
  });

  test("the type filter uses the Spanish names", async ({ page }) => {
    await page.goto("/es/search/");
    await buscar(page, "segunda opinión");
    await page.getByText("Filtrar por tipo o tema").click();
    await page.getByRole("group", { name: "Tipo de página" }).getByRole("checkbox", { name: "Artículos" }).check();
    await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
    await expect(page.locator(".search-result__meta")).not.toHaveCount(0);
    for (const meta of await page.locator(".search-result__meta").allTextContents()) expect(meta).toMatch(/^Artículo/);
    await expect(page).toHaveURL(/type=Art%C3%ADculo/);
  });

  test("the Spanish vocabulary is its own, and the Spanish page loads it, not the English one", async ({ page }) => {
    const vocabulary = JSON.parse(readFileSync(`${DIST}/pagefind/vocabulary-es.json`, "utf8")) as { words: string };
    const words = vocabulary.words.split(" ");
    for (const word of ["historial", "médico", "laminillas", "patólogo", "medicare"]) expect(words).toContain(word);
    // Stop words are left out, accented or not.
    for (const word of ["cómo", "también", "para"]) expect(words).not.toContain(word);
    expect(gzipSync(readFileSync(`${DIST}/pagefind/vocabulary-es.json`)).length).toBeLessThan(8 * 1024);

    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto("/es/search/");
    await buscar(page, "telemedisina");
    expect(fetched.filter((path) => /\/vocabulary(-es)?\.json$/.test(path))).toEqual(["/pagefind/vocabulary-es.json"]);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [state, url] of [
      ["results shown", "/es/search/?q=historial"],
      ["a corrected word", "/es/search/?q=telemedisina"],
      ["no results", "/es/search/?q=telemedisina&verbatim=1"],
    ] as const) {
      test(`axe finds nothing on the Spanish search page with ${state} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
        const { violations } = await axeOn(page).withTags(AXE_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  }

  test("the Spanish test set's exact terms find their page through Pagefind's own API on /es/search/", async ({
    page,
  }) => {
    const exact = loadSearchCases(SEARCH_SETS.es.file).filter((search) => search.kind === "exact");
    await page.goto("/es/search/");
    const found = await page.evaluate(
      async ({ bundle, queries }) => {
        const pagefind = await import(bundle);
        const top: Record<string, string[]> = {};
        for (const query of queries) {
          const response = await pagefind.search(query);
          top[query] = await Promise.all(
            response.results
              .slice(0, 5)
              .map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
          );
        }
        return top;
      },
      { bundle: "/pagefind/pagefind.js", queries: exact.map((search) => search.query) },
    );
    for (const [query, urls] of Object.entries(found))
      expect(
        urls.filter((url) => !isSpanish(url)),
        query,
      ).toEqual([]);
  });
});
