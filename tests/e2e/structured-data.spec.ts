/**
 * What search engines and link previews read, on every built page: JSON-LD parses; each article
 * and guide is a MedicalWebPage whose dates, author and review match its frontmatter exactly;
 * nested pages carry a BreadcrumbList; sharing tags point at a real share image.
 */
import { expect, test } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { DIST, SITE_URL, builtPages, publishedIds, sourcePost } from "./site";

const html = (path: string) => readFileSync(`${DIST}${path.endsWith("/") ? `${path}index.html` : path}`, "utf8");
const jsonLd = (page: string) =>
  [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
const meta = (page: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`)
    .exec(page)?.[1]
    ?.replaceAll("&amp;", "&");
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

const posts = [
  ...publishedIds("articles").map((id) => ["articles", id] as const),
  ...publishedIds("guides").map((id) => ["guides", id] as const),
];

for (const [collection, id] of posts) {
  test(`MedicalWebPage matches the frontmatter: ${collection}/${id}`, () => {
    const { path, data } = sourcePost(collection, id);
    const page = html(path);
    const [medical, ...more] = jsonLd(page).filter((block) => block["@type"] === "MedicalWebPage");
    expect(more).toHaveLength(0);
    expect(medical).toBeDefined();
    const frontmatter = data as Record<string, unknown>;
    const author = parseYaml(readFileSync(`content/authors/${String(frontmatter.author)}.yaml`, "utf8")) as {
      name: string;
    };
    expect(medical!.headline).toBe(frontmatter.title);
    expect(medical!.url).toBe(`${SITE_URL}${path}`);
    expect(medical!.datePublished).toBe(day(frontmatter.published));
    expect(medical!.dateModified).toBe(day(frontmatter.updated ?? frontmatter.published));
    expect((medical!.author as { name: string }).name).toBe(author.name);
    expect((medical!.publisher as { name: string }).name).toBe("City of Hope");
    if (frontmatter.reviewed) expect(medical!.lastReviewed).toBe(day(frontmatter.reviewed));
    else {
      expect(medical).not.toHaveProperty("lastReviewed");
      expect(medical).not.toHaveProperty("reviewedBy");
    }
    expect(medical!.image).toBe(meta(page, "og:image"));
    expect(meta(page, "og:type")).toBe("article");
    expect(meta(page, "article:published_time")).toBe(day(frontmatter.published));
  });
}

test("every page: JSON-LD parses, sharing tags are complete, and the share image exists", () => {
  for (const path of builtPages()) {
    const page = html(path);
    const blocks = jsonLd(page);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1];
    // The same page in any language: "/es/guides/x/" is "/guides/x/".
    const bare = path.replace(/^\/es\//, "/");
    const home = path.startsWith("/es/") ? `${SITE_URL}/es/` : `${SITE_URL}/`;
    // The 404 page is kept out of search and has no address of its own (reading.spec.ts).
    if (bare === "/404.html") continue;
    expect(canonical, path).toMatch(new RegExp(`^${SITE_URL}/`));
    for (const key of [
      "og:title",
      "og:description",
      "og:url",
      "og:image",
      "og:image:alt",
      "twitter:card",
      "twitter:image:alt",
    ]) {
      expect(meta(page, key), `${path} ${key}`).toBeTruthy();
    }
    expect(meta(page, "og:url"), path).toBe(canonical);
    const image = meta(page, "og:image")!;
    expect(image.startsWith(`${SITE_URL}/share/`), path).toBe(true);
    expect(existsSync(`${DIST}${new URL(image).pathname}`), `${path}: ${image}`).toBe(true);

    const crumbs = blocks.find((block) => block["@type"] === "BreadcrumbList");
    if (bare === "/" || bare === "/search/") continue;
    expect(crumbs, `${path} has a BreadcrumbList`).toBeDefined();
    const items = crumbs!.itemListElement as Array<{ position: number; item: string; name: string }>;
    expect(items.map((item) => item.position)).toEqual(items.map((_, index) => index + 1));
    expect(items[0]!.item).toBe(home);
    expect(items.at(-1)!.item).toBe(canonical);
  }
});
