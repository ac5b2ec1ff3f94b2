/**
 * The content check keeps each post's findings between builds (src/lib/validate/check-cache.ts).
 * With the cache it reports exactly what a fresh check reports, and it still sees every change
 * that matters: a post's text, the data files a post's check reads, an image beside a post.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { checkCacheKey, openCheckCache } from "../../src/lib/validate/check-cache";
import { inspectContent, startCheck } from "../../src/lib/validate/index";

const NOW = new Date("2026-11-24T12:00:00Z");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the good fixture site, and where its cache goes. */
function site(): { dir: string; cacheFile: string } {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  made.push(dir);
  cpSync("tests/fixtures/content", dir, { recursive: true });
  return { dir, cacheFile: join(dir, "..", `${dir.split("/").pop()}-cache`, "content-check.bin") };
}

const report = (dir: string, cacheFile?: string) => {
  const { problems, redirects, published, overdue } = inspectContent({
    contentDir: dir,
    now: NOW,
    ...(cacheFile ? { cacheFile } : {}),
  });
  return { problems, redirects, published, overdue };
};

/** The check, then the same check again from the cache: both must be what a fresh check says. */
function expectCachedAsFresh(dir: string, cacheFile: string): void {
  const fresh = report(dir);
  expect(report(dir, cacheFile)).toEqual(fresh);
  expect(report(dir, cacheFile)).toEqual(fresh);
}

test("a post whose text is unchanged is taken from the cache, and the report is a fresh check's", () => {
  const { dir, cacheFile } = site();
  const fresh = report(dir);
  expect(report(dir, cacheFile)).toEqual(fresh);
  expect(existsSync(cacheFile)).toBe(true);

  // A finding planted in the cache for the unchanged article is reported: the article was not checked again.
  const article = resolve(dir, "articles/good-article.mdx");
  const key = checkCacheKey(startCheck({ contentDir: dir, now: NOW }).facts, process.cwd());
  const cache = openCheckCache(cacheFile, key);
  const text = readFileSync(article, "utf8");
  const kept = cache.get(article, text);
  expect(kept?.post.data?.title).toBeTruthy();
  const planted = { file: "planted", field: "planted", message: "from the cache", fix: "none" };
  cache.set(article, text, { ...kept!, problems: [...kept!.problems, planted] });
  cache.save();
  expect(report(dir, cacheFile).problems).toContainEqual(planted);
  // Any change to the text, even one that does not matter, checks it again.
  writeFileSync(article, `${text}\n`);
  expect(report(dir, cacheFile).problems).not.toContainEqual(planted);
});

test("a changed post is checked again", () => {
  const { dir, cacheFile } = site();
  expectCachedAsFresh(dir, cacheFile);
  const article = join(dir, "articles/good-article.mdx");
  writeFileSync(article, `${readFileSync(article, "utf8")}\nSee [nowhere](/guides/nowhere/).\n`);
  expect(report(dir, cacheFile).problems.map((problem) => problem.message)).toContain(
    "there is no page at /guides/nowhere/",
  );
  expectCachedAsFresh(dir, cacheFile);
});

test("a change to what a post's check reads elsewhere checks every post again: a glossary entry removed", () => {
  const { dir, cacheFile } = site();
  expectCachedAsFresh(dir, cacheFile);
  rmSync(join(dir, "glossary/pathologist.yaml"));
  const fields = report(dir, cacheFile).problems.map((problem) => problem.field);
  expect(fields.some((field) => field.includes("Term"))).toBe(true);
  expectCachedAsFresh(dir, cacheFile);
});

test("an image beside a post is looked for on every check, cache or not", () => {
  const { dir, cacheFile } = site();
  expectCachedAsFresh(dir, cacheFile);
  const hero = /src:\s*\.\/(\S+)/.exec(readFileSync(join(dir, "articles/good-article.mdx"), "utf8"))?.[1];
  expect(hero).toBeTruthy();
  rmSync(join(dir, "articles", hero!));
  expect(report(dir, cacheFile).problems.map((problem) => problem.field)).toContain("hero.src");
  expectCachedAsFresh(dir, cacheFile);
});

test("a cache file that cannot be read is ignored", () => {
  const { dir, cacheFile } = site();
  expectCachedAsFresh(dir, cacheFile);
  writeFileSync(cacheFile, "not a cache");
  expectCachedAsFresh(dir, cacheFile);
});
