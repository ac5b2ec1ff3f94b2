/**
 * The Spanish edition, as the built site serves it: every page says its language, pairs of pages
 * point to each other (hreflang, the language switcher, the sitemap), Spanish pages speak Spanish
 * in every interface word and date, and each language has its own feed.
 */
import { expect, test } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString as textOf } from "hast-util-to-string";
import type { Element, Root } from "hast";
import { DIST, SITE_URL, builtPages } from "./site";

const pages = builtPages();
const spanish = pages.filter((path) => path.startsWith("/es/"));
const fileOf = (path: string) => join(DIST, path.endsWith("/") ? `${path}index.html` : path);
const trees = new Map<string, Root>();
const tree = (path: string): Root => {
  let found = trees.get(path);
  if (!found) trees.set(path, (found = fromHtml(readFileSync(fileOf(path), "utf8"))));
  return found;
};
const prop = (element: Element | undefined, name: string) => (element ? String(element.properties[name] ?? "") : "");
const alternatesOf = (path: string) =>
  Object.fromEntries(
    selectAll('link[rel="alternate"][hreflang]', tree(path)).map((link) => [
      prop(link, "hrefLang"),
      prop(link, "href"),
    ]),
  );
/** Site path of an absolute URL of this site. */
const pathOf = (url: string) => new URL(url).pathname;

test("there is a Spanish page for every English article, guide, topic and fixed page", () => {
  const english = pages.filter(
    (path) =>
      !path.startsWith("/es/") &&
      /^\/(articles|guides|topics|authors)\/|^\/(about|privacy|glossary|search)\/|^\/$/.test(path),
  );
  const missing = english.filter((path) => !pages.includes(`/es${path}`));
  expect(missing).toEqual([]);
  expect(spanish.length).toBeGreaterThanOrEqual(30);
});

test("every page declares its language: es under /es/, en elsewhere", () => {
  const wrong = pages
    .map((path) => ({ path, lang: prop(select("html", tree(path)) ?? undefined, "lang") }))
    .filter(({ path, lang }) => lang !== (path.startsWith("/es/") ? "es" : "en"));
  expect(wrong).toEqual([]);
});

test("hreflang alternates are absolute, name the page itself, default to English and are reciprocal", () => {
  const problems: string[] = [];
  let paired = 0;
  for (const path of pages) {
    const alternates = alternatesOf(path);
    if (Object.keys(alternates).length === 0) continue;
    paired += 1;
    const self = path.startsWith("/es/") ? "es" : "en";
    for (const [lang, href] of Object.entries(alternates)) {
      if (!href.startsWith(`${SITE_URL}/`)) problems.push(`${path}: ${lang} is not absolute: ${href}`);
    }
    if (pathOf(alternates[self] ?? SITE_URL) !== path)
      problems.push(`${path}: its own ${self} alternate is ${alternates[self]}`);
    if (alternates["x-default"] !== alternates.en)
      problems.push(`${path}: x-default ${alternates["x-default"]} is not the English page ${alternates.en}`);
    for (const lang of ["en", "es"]) {
      const other = alternates[lang];
      if (!other) {
        problems.push(`${path}: no ${lang} alternate`);
        continue;
      }
      const back = alternatesOf(pathOf(other));
      if (JSON.stringify(back) !== JSON.stringify(alternates))
        problems.push(`${path}: ${pathOf(other)} lists other alternates: ${JSON.stringify(back)}`);
    }
  }
  expect(problems).toEqual([]);
  expect(paired).toBeGreaterThan(50);
});

test("the language switcher on every page leads to a built page in the other language, named in that language", () => {
  const problems: string[] = [];
  for (const path of pages) {
    const link = select(".language-switcher a", tree(path));
    if (!link) {
      problems.push(`${path}: no language switcher`);
      continue;
    }
    const target = prop(link, "href");
    const targetLang = path.startsWith("/es/") ? "en" : "es";
    if (prop(link, "lang") !== targetLang || prop(link, "hrefLang") !== targetLang)
      problems.push(`${path}: switcher is not marked ${targetLang}`);
    if (!pages.includes(target)) problems.push(`${path}: switcher goes to ${target}, which is not a page`);
    const alternate = alternatesOf(path)[targetLang];
    if (alternate && pathOf(alternate) !== target)
      problems.push(`${path}: switcher goes to ${target}, hreflang says ${alternate}`);
    if (!alternate && target !== (targetLang === "es" ? "/es/" : "/"))
      problems.push(`${path}: no counterpart, but the switcher does not go home`);
  }
  expect(problems).toEqual([]);
});

test("Spanish pages show no English interface text, and dates in Spanish", () => {
  const english = [
    "Skip to main content",
    "On this page",
    "Back to top",
    "Changes to this page",
    "First published",
    "Last updated",
    "Not yet reviewed",
    "Where else to get help",
    "Report a problem",
    "Related pages",
    "min read",
    "Medical note",
    "About this site",
    "Search the guides",
    "Key points",
    "Next steps",
    "Back to text",
  ];
  const months = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
  const problems: string[] = [];
  for (const path of spanish) {
    const text = textOf(select("body", tree(path))!).replace(/\s+/g, " ");
    for (const phrase of english) if (text.includes(phrase)) problems.push(`${path}: "${phrase}"`);
    const dates = selectAll("time", tree(path)).map((time) => textOf(time));
    for (const date of dates)
      if (months.test(date) || !/^(\d{1,2} de )?[a-z]+ de \d{4}$/.test(date)) problems.push(`${path}: date "${date}"`);
  }
  expect(problems).toEqual([]);
});

test("a Spanish guide: Open Graph locale, structured data language, Spanish share card and English-only sources marked", () => {
  const page = tree("/es/guides/insurance/");
  expect(prop(select('meta[property="og:locale"]', page) ?? undefined, "content")).toBe("es_US");
  expect(prop(select('meta[property="og:locale:alternate"]', page) ?? undefined, "content")).toBe("en_US");
  const image = prop(select('meta[property="og:image"]', page) ?? undefined, "content");
  expect(image).toBe(`${SITE_URL}/share/es/guides/insurance.png`);
  expect(existsSync(join(DIST, "share/es/guides/insurance.png"))).toBe(true);
  const data = selectAll('script[type="application/ld+json"]', page).map(
    (script) => JSON.parse(textOf(script)) as Record<string, unknown>,
  );
  expect(data.find((item) => item["@type"] === "MedicalWebPage")?.inLanguage).toBe("es");
  const marked = selectAll(".sources li", page).filter((item) => textOf(item).includes("(en inglés)"));
  expect(marked.length).toBeGreaterThan(0);
  for (const item of marked) expect(prop(select("a", item) ?? undefined, "hrefLang")).toBe("en");
});

test("the sitemap pairs each page with its translation", () => {
  const sitemap = readFileSync(join(DIST, "sitemap-0.xml"), "utf8");
  expect(sitemap).toContain(`<loc>${SITE_URL}/es/guides/insurance/</loc>`);
  expect(sitemap).toMatch(/<xhtml:link rel="alternate" hreflang="es" href="[^"]*\/es\/guides\/insurance\/"\/>/);
  expect(sitemap).not.toContain("/404/");
});

test("each language has its own feed, with only its own pages", () => {
  const english = readFileSync(join(DIST, "rss.xml"), "utf8");
  const spanishFeed = readFileSync(join(DIST, "es/rss.xml"), "utf8");
  expect(spanishFeed).toContain("<language>es</language>");
  expect(english).toContain("<language>en</language>");
  const links = (xml: string) => [...xml.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((match) => match[1]!);
  expect(links(spanishFeed).length).toBeGreaterThan(5);
  expect(links(spanishFeed).every((link) => link.startsWith(`${SITE_URL}/es/`))).toBe(true);
  expect(links(english).some((link) => link.includes("/es/"))).toBe(false);
});

test("a missing Spanish address gets the Spanish 'page not found'", async ({ page }) => {
  expect(existsSync(join(DIST, "es/404.html"))).toBe(true);
  const html = readFileSync(join(DIST, "es/404.html"), "utf8");
  expect(html).toContain('<html lang="es"');
  expect(html).toContain("No encontramos la página");
  await page.goto("/es/404.html");
  await expect(page.locator(".language-switcher a")).toHaveAttribute("href", "/");
});
