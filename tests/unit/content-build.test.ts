/**
 * Full builds of small fixture sites, in isolated project copies: the build stops on bad content
 * with the editor's message; drafts and scheduled posts stay out of the built site, sitemap and
 * feed but show in `astro dev`; a scaffolded post builds and is published everywhere.
 */
import { existsSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { isolatedSite, startDev, type IsolatedSite } from "./isolated-site";
import { brokenLinks } from "../link-check";
import { indexedUrls } from "../search-index";

const sites: IsolatedSite[] = [];
afterAll(() => {
  for (const site of sites) site.remove();
});
const newSite = (from?: string) => {
  const site = isolatedSite(from);
  sites.push(site);
  return site;
};
const read = (site: IsolatedSite, path: string) => readFileSync(join(site.dir, "dist", path), "utf8");

describe("a build with a content mistake", () => {
  test("stops, names the file, line and field, and builds nothing", () => {
    const site = newSite();
    cpSync("tests/fixtures/bad/impossible-date", site.content, { recursive: true });
    const { code, output } = site.build();
    expect(code).not.toBe(0);
    expect(output).toContain("content/articles/impossible-date.mdx:4");
    expect(output).toContain('published: "2025-02-30" is not a real calendar date (that month has 28 days)');
    expect(output).toContain("Fix: ");
    expect(existsSync(join(site.dir, "dist/index.html"))).toBe(false);
  });

  test("a body the build cannot write as HTML stops it with the file and the file's line, even with the check off", () => {
    const site = newSite();
    const lineOf = (text: string, marker: string) => text.slice(0, text.indexOf(marker)).split("\n").length;
    const mistakes = [
      {
        file: "articles/good-article.mdx",
        mistake: "<Callot>\nA typo.\n</Callot>",
        says: "<Callot> is not an editor component",
      },
      // Not MDX at all: the parser's own error, whose line is counted from the body's start.
      {
        file: "guides/good-guide.mdx",
        mistake: "A dose of 3 <4 mg.",
        says: "the file cannot be read as MDX: Unexpected character",
      },
    ];
    const lines = mistakes.map(({ file, mistake }) => {
      const text = readFileSync(join(site.content, file), "utf8").replace(/\n## /, `\n${mistake}\n\n## `);
      writeFileSync(join(site.content, file), text);
      return lineOf(text, mistake);
    });
    const { code, output } = site.run(["astro", "build"], { PG_SKIP: "content-check" });
    expect(code).not.toBe(0);
    mistakes.forEach(({ file, says }, at) => {
      expect(lines[at]).toBeGreaterThan(10); // below the frontmatter
      expect(output).toContain(`content/${file}:${lines[at]}: ${says}`);
    });
    expect(existsSync(join(site.dir, "dist/index.html"))).toBe(false);
  }, 120_000);
});

describe("a good build", () => {
  const site = newSite();
  const draft = readFileSync("tests/fixtures/content/guides/good-guide.mdx", "utf8");
  writeFileSync(
    join(site.content, "guides/draft-guide.mdx"),
    draft.replace("published: 2025-03-01", "published: 2025-03-01\ndraft: true"),
  );
  writeFileSync(
    join(site.content, "guides/future-guide.mdx"),
    draft.replace("published: 2025-03-01", "published: 2099-01-01"),
  );
  writeFileSync(
    join(site.content, "guides/overdue-guide.mdx"),
    draft.replace("published: 2025-03-01", "published: 2025-03-01\nnextReview: 2026-01-01"),
  );
  // The Spanish edition, with the article's translation made before its original's last update.
  cpSync("tests/fixtures/spanish", site.content, { recursive: true });
  const translation = join(site.content, "es/articles/good-article.mdx");
  writeFileSync(
    translation,
    readFileSync(translation, "utf8").replace("translated: 2025-04-02", "translated: 2025-03-20"),
  );
  // A picture in the text, beside the article's hero picture.
  const article = join(site.content, "articles/good-article.mdx");
  writeFileSync(
    article,
    readFileSync(article, "utf8").replace(/\n## /, "\n![Two boxes, the same picture again](./two-boxes.png)\n\n## "),
  );
  const scaffold = site.run(["new", "article", "A brand new test article"]);
  const build = site.build();

  test("succeeds", () => {
    expect(scaffold.code, scaffold.output).toBe(0);
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  test("publishes the scaffolded post in the site, sitemap, feed and search index", () => {
    expect(scaffold.output).toContain("Created content/articles/a-brand-new-test-article.mdx");
    expect(scaffold.output).toContain("http://localhost:4321/articles/a-brand-new-test-article/");
    const html = read(site, "articles/a-brand-new-test-article/index.html");
    expect(html).toContain("<h1");
    expect(html).toContain("A brand new test article");
    expect(read(site, "sitemap-0.xml")).toContain("/articles/a-brand-new-test-article/</loc>");
    expect(read(site, "rss.xml")).toContain("/articles/a-brand-new-test-article/</link>");
    expect(indexedUrls(join(site.dir, "dist"))).toEqual([
      "/articles/a-brand-new-test-article/",
      "/articles/good-article/",
      "/es/articles/good-article/",
      "/es/glossary/",
      "/es/guides/good-guide/",
      "/glossary/",
      "/guides/good-guide/",
      "/guides/overdue-guide/",
    ]);
  });

  test("draws a share image for each published post and the site, none for drafts", () => {
    const png = (path: string) => readFileSync(join(site.dir, "dist", path));
    for (const path of [
      "share/site.png",
      "share/articles/good-article.png",
      "share/articles/a-brand-new-test-article.png",
      "share/guides/good-guide.png",
    ]) {
      const bytes = png(path);
      expect(bytes.subarray(1, 4).toString(), path).toBe("PNG");
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], path).toEqual([1200, 630]);
    }
    for (const id of ["draft-guide", "future-guide"])
      expect(existsSync(join(site.dir, `dist/share/guides/${id}.png`)), id).toBe(false);
  });

  test("a translation made before its original's last update says so on the page; a current one does not", () => {
    expect(build.output).toMatch(
      /content\/es\/articles\/good-article\.mdx.*\n?.*the English original changed on 2025-04-01/,
    );
    const stale = read(site, "es/articles/good-article/index.html");
    expect(stale).toContain('<html lang="es"');
    expect(stale).toMatch(
      /<p class="translation-notice" role="note">La versión en inglés se actualizó el 1 de abril de 2025; esta traducción puede no incluir los cambios\.<\/p>/,
    );
    expect(read(site, "es/guides/good-guide/index.html")).not.toContain('class="translation-notice"');
    expect(read(site, "articles/good-article/index.html")).not.toContain('class="translation-notice"');
  });

  test("warns about a page whose review is overdue, but still builds it", () => {
    expect(build.output).toMatch(/content\/guides\/overdue-guide\.mdx: review was due 2026-01-01/);
    expect(existsSync(join(site.dir, "dist/guides/overdue-guide/index.html"))).toBe(true);
  });

  test("keeps drafts and scheduled posts out of the site, sitemap, feed and search index", () => {
    for (const id of ["draft-guide", "future-guide"]) {
      expect(existsSync(join(site.dir, `dist/guides/${id}/index.html`)), id).toBe(false);
      expect(read(site, "sitemap-0.xml")).not.toContain(`/guides/${id}/`);
      expect(read(site, "rss.xml")).not.toContain(`/guides/${id}/`);
      expect(read(site, "guides/index.html")).not.toContain(`/guides/${id}/`);
      expect(indexedUrls(join(site.dir, "dist"))).not.toContain(`/guides/${id}/`);
    }
  });

  test("serves a picture in the text as an optimized image at fixed size", () => {
    const html = read(site, "articles/good-article/index.html");
    const img = /<img[^>]+alt="Two boxes, the same picture again"[^>]*>/.exec(html)?.[0] ?? "";
    expect(img).toMatch(/src="\/_astro\/two-boxes\.[\w-]+\.webp"/);
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);
    expect(img).not.toContain("__ASTRO_IMAGE_");
  });

  test("serves the hero image in modern formats at fixed size", () => {
    const html = read(site, "articles/good-article/index.html");
    const picture = /<picture[^>]*>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? "";
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    expect(picture).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/);
    expect(picture).toContain('alt="Two rounded boxes side by side, one dark green and one light blue"');
  });

  test("only a page with a hero picture carries its styles", () => {
    expect(read(site, "articles/good-article/index.html")).toContain(".hero-image{");
    expect(read(site, "guides/good-guide/index.html")).not.toContain(".hero-image");
  });
});

describe("npm run dev", () => {
  test("shows drafts, marked as drafts, and explains that search needs a build", async () => {
    const site = newSite();
    const draft = readFileSync("tests/fixtures/content/guides/good-guide.mdx", "utf8");
    writeFileSync(
      join(site.content, "guides/draft-guide.mdx"),
      draft.replace("published: 2025-03-01", "published: 2025-03-01\ndraft: true"),
    );
    const dev = await startDev(site, 4391);
    try {
      const response = await fetch(`${dev.url}/guides/draft-guide/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Draft: this page is not published.");
      // Search needs an index from a build; before one exists the dev server says so.
      const index = await fetch(`${dev.url}/pagefind/pagefind.js`);
      expect(index.status).toBe(404);
      expect(await index.text()).toContain("run `npm run build` once");
    } finally {
      dev.stop();
    }
  }, 90_000);
});

describe("a build under a base path (e.g. GitHub Pages at /patient-guides/)", () => {
  const BASE = "/patient-guides/";
  const SITE = "https://example.github.io";
  const site = newSite("content");
  const build = site.build({ BASE_PATH: BASE, SITE_URL: SITE });

  test("builds, and every internal link and #fragment resolves under the base path", () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(brokenLinks(join(site.dir, "dist"), BASE)).toEqual([]);
  });

  test("canonical URLs, feed, sitemap, share images and redirects carry the base path", () => {
    const article = read(site, "articles/getting-a-second-opinion/index.html");
    expect(article).toContain(`<link rel="canonical" href="${SITE}${BASE}articles/getting-a-second-opinion/">`);
    expect(article).toContain(`content="${SITE}${BASE}share/articles/getting-a-second-opinion.png"`);
    expect(article).toContain(`href="${BASE}guides/medical-records/"`);
    expect(read(site, "rss.xml")).toContain(`<link>${SITE}${BASE}articles/getting-a-second-opinion/</link>`);
    expect(read(site, "sitemap-0.xml")).toContain(`<loc>${SITE}${BASE}guides/insurance/</loc>`);
    expect(read(site, "robots.txt")).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
    expect(read(site, "_redirects")).toContain(
      `${BASE}blog/in-cancer-expertise-is-crucial-tips-on-getting-a-second-opinion/ ${BASE}articles/getting-a-second-opinion/ 301`,
    );
    const oldAddress = read(site, "blog/in-cancer-expertise-is-crucial-tips-on-getting-a-second-opinion/index.html");
    expect(oldAddress).toContain(
      `<meta http-equiv="refresh" content="0;url=${BASE}articles/getting-a-second-opinion/">`,
    );
    expect(oldAddress).toContain(`<link rel="canonical" href="${SITE}${BASE}articles/getting-a-second-opinion/">`);
    expect(read(site, "search/index.html")).toContain(`data-bundle="${BASE}pagefind/"`);
  });
});

describe("a rebuild with the last build's cache (Astro's incremental build, as CI keeps .astro/)", () => {
  const site = newSite();
  const astroBuild = () => {
    const result = site.run(["astro", "build"]);
    expect(result.code, result.output.slice(-3000)).toBe(0);
    return result.output;
  };
  /** The built pages the build copied from its cache instead of rendering. */
  const copied = (output: string) =>
    [...output.matchAll(/(\/\S+\/index\.html) \S*\((?:restored|cached)\)/g)].map(([, path]) => path).sort();
  const article = "articles/good-article/index.html";
  const guide = "guides/good-guide/index.html";
  const first = astroBuild();
  const firstArticle = read(site, article);

  test("with nothing changed, copies every post, topic and author page, the same as it built them", () => {
    expect(copied(first)).toEqual([]);
    const again = astroBuild();
    expect(copied(again)).toEqual([
      "/articles/good-article/index.html",
      "/authors/editorial-team/index.html",
      "/guides/good-guide/index.html",
      "/topics/insurance/index.html",
      "/topics/second-opinions/index.html",
    ]);
    expect(read(site, article)).toBe(firstArticle);
  }, 120_000);

  test("renders a post again when its text changes, and only that post", () => {
    const file = join(site.content, "articles/good-article.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace("reads slides.", "reads the slides."));
    const output = astroBuild();
    expect(read(site, article)).toContain("reads the slides.");
    expect(copied(output)).toContain(`/${guide}`);
    expect(copied(output)).not.toContain(`/${article}`);
  }, 120_000);

  test("renders every page again when another post's frontmatter changes (its title in related pages)", () => {
    const file = join(site.content, "guides/good-guide.mdx");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("title: A correct test guide", "title: A renamed test guide"),
    );
    const output = astroBuild();
    expect(copied(output)).toEqual([]);
    expect(read(site, article)).toContain("A renamed test guide");
    expect(read(site, "topics/second-opinions/index.html")).toContain("A renamed test guide");
  }, 120_000);

  test("shows a glossary definition's new words in the posts that use the term (their bodies are kept HTML)", () => {
    const file = join(site.content, "glossary/pathologist.yaml");
    const definition = /^definition: (.*)$/m.exec(readFileSync(file, "utf8"))![1]!;
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(definition, "A doctor who looks at cells under a microscope, reworded."),
    );
    astroBuild();
    expect(read(site, article)).toContain("A doctor who looks at cells under a microscope, reworded.");
  }, 120_000);

  test("renders every page again when a setting from the environment changes (where problems are reported)", () => {
    const result = site.run(["astro", "build"], { SITE_REPOSITORY: "example/fork" });
    expect(result.code, result.output.slice(-3000)).toBe(0);
    expect(copied(result.output)).toEqual([]);
    expect(read(site, article)).toContain("https://github.com/example/fork/issues/new");
  }, 120_000);

  test("renders the posts' bodies again for a build experiment that changes them (PG_SKIP=mdx-components)", () => {
    expect(read(site, article)).toContain('class="term__button"');
    const result = site.run(["astro", "build"], { PG_SKIP: "mdx-components" });
    expect(result.code, result.output.slice(-3000)).toBe(0);
    expect(read(site, article)).not.toContain('class="term__button"');
  }, 120_000);
});
