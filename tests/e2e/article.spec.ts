import { expect, test } from "@playwright/test";
import { displayUrl } from "../../src/lib/urls.ts";
import { formatDate } from "../../src/lib/dates.ts";
import { sourcePost } from "./site";

const article = sourcePost("articles", "getting-a-second-opinion");

test.describe("the second-opinion article", () => {
  test("shows title, byline, honest dates and review status at the top, and the credit and changes at the end", async ({
    page,
  }) => {
    await page.goto(article.path);
    await expect(page).toHaveTitle(`${article.data.title} | Patient Guides`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.data.title);
    const header = page.locator(".article-header");
    await expect(header).toContainText("By Patient Guides editorial team");
    await expect(header.locator(".article-dates > span")).toHaveText([
      "First published June 16, 2014",
      `Last updated ${formatDate(new Date(`${String(article.data.updated)}T00:00:00Z`))}`,
      "Not yet reviewed by a clinician",
    ]);
    await expect(header).not.toContainText("Reviewed by");
    const record = page.locator(".page-record");
    await expect(record.getByRole("heading", { name: "Changes to this page" })).toBeVisible();
    await expect(record.locator("li")).toHaveCount((article.data.changes as unknown[]).length);
    await expect(record).toContainText(
      "Adapted from “In cancer, expertise is crucial: Tips on getting a second opinion” by Vicky Hoffman, first published June 16, 2014.",
    );
    await expect(record).toContainText("Next review due: November 2027.");
  });

  test("renders every section in order, each listed in the table of contents", async ({ page }) => {
    await page.goto(article.path);
    expect(article.sections.length).toBeGreaterThanOrEqual(5);
    const bodyHeadings = page.locator(".prose > h2");
    await expect(bodyHeadings).toHaveText(article.sections);
    const toc = page.getByRole("navigation", { name: "On this page" });
    for (const section of article.sections) {
      const link = toc.getByRole("link", { name: section, exact: true });
      const target = await link.getAttribute("href");
      expect(target).toMatch(/^#/);
      await expect(page.locator(target!)).toHaveText(section);
    }
  });

  test("lists every source with its link, and every citation points to one", async ({ page }) => {
    await page.goto(article.path);
    const items = page.locator("#sources + p + ol > li");
    await expect(items).toHaveCount(article.data.sources.length);
    for (const [index, source] of article.data.sources.entries()) {
      const item = items.nth(index);
      await expect(item).toHaveId(`source-${source.id}`);
      // The link shows the short site name (cancer.gov), not the whole address.
      await expect(item.getByRole("link", { name: displayUrl(source.url), exact: true })).toHaveAttribute(
        "href",
        source.url,
      );
    }
    const citations = page.locator("sup.cite a");
    expect(await citations.count()).toBeGreaterThan(5);
    for (const href of await citations.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      await expect(page.locator(href!)).toHaveCount(1);
    }
  });

  test("ends with the phone call to action and a plain link to the top", async ({ page }) => {
    await page.goto(article.path);
    const call = page.getByRole("complementary", { name: "Call City of Hope" });
    // Plain text with ordinary hyphens, so find-in-page and copying match it.
    await expect(call.getByRole("link", { name: "800-826-HOPE (4673)", exact: true })).toHaveAttribute(
      "href",
      "tel:+18008264673",
    );
    await expect(page.getByRole("link", { name: "Back to top" })).toHaveAttribute("href", "#top");
    await expect(page.locator("#top")).toHaveCount(1);
  });

  test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
    await page.goto(article.path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.keyboard.press("Tab");
    const focusedInMain = await page.evaluate(() => document.activeElement?.closest("main") !== null);
    expect(focusedInMain).toBe(true);
  });

  test("related pages come from shared topics", async ({ page }) => {
    await page.goto(article.path);
    const related = page.getByRole("region", { name: "Related pages" });
    await expect(related.getByRole("link").first()).toBeVisible();
    expect(await related.getByRole("link").count()).toBeGreaterThanOrEqual(2);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the article reads in full and the page ships no script", async ({ page }) => {
    const response = await page.goto(article.path);
    const html = await response!.text();
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.data.title);
    await expect(page.locator(".prose > h2")).toHaveText(article.sections);
    await expect(page.locator("#sources")).toBeVisible();
  });
});
