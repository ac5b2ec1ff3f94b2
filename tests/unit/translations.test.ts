/**
 * The translation status report (`npm run translations`): each English entry with its Spanish
 * counterpart, missing, current or behind, from the same frontmatter dates as the content
 * check's stale-translation warning.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { inspectContent, sitePages, translationStatus } from "../../src/lib/validate/index";

const NOW = new Date("2026-11-24T12:00:00Z");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The fixture site with its Spanish edition. */
function spanishSite(): string {
  const dir = mkdtempSync(join(tmpdir(), "translations-"));
  made.push(dir);
  cpSync("tests/fixtures/content", dir, { recursive: true });
  cpSync("tests/fixtures/spanish", dir, { recursive: true });
  return dir;
}

const states = (dir: string) =>
  Object.fromEntries(
    translationStatus(inspectContent({ contentDir: dir, now: NOW }).entries).map((status) => [
      `${status.original.kind}/${status.original.id}`,
      status.state,
    ]),
  );

describe("translationStatus", () => {
  test("every English entry of the fixture site has a current translation", () => {
    expect(states(spanishSite())).toEqual({
      "articles/good-article": "current",
      "guides/good-guide": "current",
      "authors/editorial-team": "current",
      "topics/insurance": "current",
      "topics/second-opinions": "current",
      "glossary/pathologist": "current",
    });
  });

  test("behind when the original's newest change is after `translated`; missing when there is no translation", () => {
    const dir = spanishSite();
    const article = join(dir, "es/articles/good-article.mdx");
    writeFileSync(
      article,
      readFileSync(article, "utf8")
        .replace("translated: 2025-04-02", "translated: 2025-03-20")
        .replace("published: 2025-04-02", "published: 2025-03-20"),
    );
    rmSync(join(dir, "es/topics/insurance.yaml"));
    const result = states(dir);
    expect(result["articles/good-article"]).toBe("behind");
    expect(result["topics/insurance"]).toBe("missing");
    expect(result["guides/good-guide"]).toBe("current");
  });

  test("pairs a translation by translationOf, not by file name", () => {
    const dir = spanishSite();
    cpSync(join(dir, "es/guides/good-guide.mdx"), join(dir, "es/guides/una-guia.mdx"));
    rmSync(join(dir, "es/guides/good-guide.mdx"));
    const status = translationStatus(inspectContent({ contentDir: dir, now: NOW }).entries).find(
      (entry) => entry.original.id === "good-guide",
    );
    expect(status?.state).toBe("current");
    expect(status?.translation?.file).toMatch(/es\/guides\/una-guia\.mdx$/);
  });
});

describe("sitePages", () => {
  test("lists each page of src/pages with its twin under src/pages/es/, leaving out the site-wide routes", () => {
    const pages = sitePages(process.cwd());
    expect(pages.find((page) => page.page === "about/index.astro")).toEqual({
      page: "about/index.astro",
      translation: "es/about/index.astro",
    });
    expect(pages.map((page) => page.page)).not.toContain("robots.txt.ts");
    expect(pages.some((page) => page.page.startsWith("es/"))).toBe(false);
  });
});

describe("npm run translations", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["scripts/translations.ts", ...args], { encoding: "utf8" });

  test("prints each page, its counterpart and its state, and exits 0 even when translations are missing", () => {
    const dir = spanishSite();
    rmSync(join(dir, "es/guides/good-guide.mdx"));
    const result = run("--content", dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Guides: 0 current, 0 behind, 1 missing \(of 1\)/);
    expect(result.stdout).toMatch(/guides\/good-guide\.mdx\s+-\s+missing/);
    expect(result.stdout).toMatch(
      /articles\/good-article\.mdx\s+\S*es\/articles\/good-article\.mdx\s+current \(translated 2025-04-02\)/,
    );
  });

  test("--check exits 1 when a translation is missing or behind", () => {
    const dir = spanishSite();
    const article = join(dir, "es/articles/good-article.mdx");
    writeFileSync(article, readFileSync(article, "utf8").replace("translated: 2025-04-02", "translated: 2025-03-20"));
    const result = run("--content", dir, "--check", "--only", "behind");
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/behind: English changed 2025-04-01, translated 2025-03-20/);
    expect(result.stdout).not.toMatch(/current \(translated/);
  });
});
