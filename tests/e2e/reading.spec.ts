/**
 * The reader's real setting: a 390 x 844 phone with the large-text setting, a wide screen, and
 * paper. The text of every article and guide starts on the phone's first screen; wide screens
 * show the contents beside the text; the printed questions list is a handout of at most 4 pages.
 */
import { expect, test } from "@playwright/test";
import { builtPages, largeText } from "./site";

/** Every article and guide, in English and in Spanish. */
const posts = builtPages().filter((path) => /^(\/es)?\/(articles|guides)\/[^/]+\/$/.test(path));

for (const path of posts) {
  test(`${path}: on a 390 x 844 phone at 200% text, the first paragraph starts on the first screen, after the dates and review status`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await largeText(page);
    await page.goto(path);
    const top = await page
      .locator(".prose > p")
      .first()
      .evaluate((p) => p.getBoundingClientRect().top);
    expect(top, "top of the first body paragraph").toBeLessThan(844);
    for (const selector of [
      "h1",
      ".article-header__meta a[href*='/authors/']",
      ".article-dates time",
      "#review-status",
    ]) {
      await expect(page.locator(selector).first(), selector).toBeInViewport();
    }
  });
}

test("on a wide screen the contents list sits beside the text and follows the reader", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(posts[0]!);
  const toc = page.locator("nav.toc");
  const text = page.locator(".prose");
  const [tocBox, textBox] = [await toc.boundingBox(), await text.boundingBox()];
  expect(tocBox!.x).toBeGreaterThan(textBox!.x + textBox!.width);
  expect(textBox!.width).toBeLessThanOrEqual(720);
  await expect(toc.getByRole("link").first()).toBeVisible();
  await page.mouse.wheel(0, 3000);
  await expect(toc).toBeInViewport();
});

test("on a phone the contents list is closed, and opens without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(posts[0]!);
  const first = page.locator("nav.toc li a").first();
  await expect(first).toBeHidden();
  await page.locator("nav.toc summary").click();
  await expect(first).toBeVisible();
  await context.close();
});

for (const path of ["/guides/questions-to-ask/", "/es/guides/questions-to-ask/"])
  test(`the printed questions guide (${path}) is a handout: at most 4 pages on A4 and on Letter, with the site, address and phone`, async ({
    page,
  }) => {
    await page.goto(path);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".print-header")).toBeVisible();
    await expect(page.locator(".print-header")).toContainText("800-826-HOPE");
    await expect(page.locator(".print-header")).toContainText(path);
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages, `${format} pages`).toBeGreaterThan(0);
      expect(pages, `${format} pages`).toBeLessThanOrEqual(4);
    }
  });

test("the 404 page has no canonical link to an address that does not exist", async ({ page }) => {
  await page.goto("/404.html");
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
});

const skipLinks = [
  { path: "/articles/getting-a-second-opinion/", main: "Skip to main content", text: "Skip to the article text" },
  {
    path: "/es/articles/getting-a-second-opinion/",
    main: "Saltar al contenido principal",
    text: "Saltar al texto del artículo",
  },
];
for (const { path, main, text } of skipLinks)
  test(`a keyboard user reaches the article text in four key presses: Tab, Tab, Enter, Tab (${path})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: main })).toBeFocused();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: text });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#text")))).toBe(true);
  });
