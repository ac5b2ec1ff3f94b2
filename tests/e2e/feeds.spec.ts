import { expect, test } from "@playwright/test";
import { SITE_URL, publishedIds } from "./site";

const articleUrl = `${SITE_URL}/articles/getting-a-second-opinion/`;

test("the RSS feed lists every published post with absolute URLs", async ({ request }) => {
  const response = await request.get("/rss.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]);
  expect(links).toContain(articleUrl);
  const expected = [
    ...publishedIds("articles").map((id) => `${SITE_URL}/articles/${id}/`),
    ...publishedIds("guides").map((id) => `${SITE_URL}/guides/${id}/`),
  ];
  expect([...links].sort()).toEqual(expected.sort());
  // Absolute, on the site's own address (SITE_URL in a deploy; the local preview's otherwise).
  for (const link of links) expect(String(link).startsWith(`${SITE_URL}/`), link).toBe(true);
});

test("the sitemap lists the article with an absolute URL, and robots.txt names the sitemap", async ({ request }) => {
  const index = await (await request.get("/sitemap-index.xml")).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  expect(sitemaps.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const sitemap of sitemaps) {
    expect(sitemap.startsWith(SITE_URL)).toBe(true);
    const xml = await (await request.get(new URL(sitemap).pathname)).text();
    urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
  }
  expect(urls).toContain(articleUrl);
  for (const url of urls) expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
  expect(urls.some((url) => url.includes("404"))).toBe(false);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
});

test("an unknown address gets the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("search")).toBeVisible();
});
