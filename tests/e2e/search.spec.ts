import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { DIST, publishedIds } from "./site";
import { indexedUrls } from "../search-index";

/** Types a query into the search page's box, as a reader would, and waits for the results. */
async function searchFor(page: Page, query: string) {
  const box = page.getByRole("searchbox", { name: "Search the guides and articles" });
  await box.fill(query);
  await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
  return page.locator(".search-result__title a");
}

const resultPaths = async (page: Page) =>
  (await page.locator(".search-result__title a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));

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
    await expect(page.getByText("Press / to come back to this box")).toBeVisible();
  });

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

  test("landing on a result highlights the searched word on the page, with no search script there", async ({ page }) => {
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
    await page.getByText("Filter results by type or topic").click();
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
    test(`axe finds nothing on the search page with results shown (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/search/?q=records");
      await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
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
    await expect(page.getByText("Try a word like")).toBeVisible();
    for (const id of publishedIds("guides")) {
      await expect(page.locator(`.search-browse a[href="/guides/${id}/"]`)).toBeVisible();
    }
    await expect(page.locator('.search-browse a[href="/topics/insurance/"]')).toBeVisible();
  });
});

test("every published article and guide is in the search index, and nothing else but the glossary", async ({ page }) => {
  const expected = [...publishedIds("articles").map((id) => `/articles/${id}/`), ...publishedIds("guides").map((id) => `/guides/${id}/`)].sort();
  const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, "utf8")) as { languages: Record<string, { page_count: number }> };
  const count = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  expect(count).toBe(expected.length + 1);

  await page.goto("/search/");
  const indexed = await page.evaluate(async (bundle) => {
    const pagefind = await import(bundle);
    const all = await pagefind.search(null, { filters: { type: { any: ["Article", "Guide", "Glossary"] } } });
    return Promise.all(all.results.map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url));
  }, "/pagefind/pagefind.js");
  expect(indexed.filter((url: string) => url !== "/glossary/").sort()).toEqual(expected);
  expect(indexed).toContain("/glossary/");
  expect(indexedUrls(DIST)).toEqual([...expected, "/glossary/"].sort());
});
