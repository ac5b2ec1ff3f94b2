/**
 * The build's content check in a worker thread (src/integrations/content-check-thread.ts) reports
 * what the check does, and the content guard takes a run started early only when it asks the same.
 */
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { inspectInWorker } from "../../src/integrations/content-guard.ts";
import { buildCheckOptions, startEarlyCheck, takeEarlyCheck } from "../../src/integrations/content-check-thread.ts";
import { findContentFiles, keptFacts, postFiles } from "../../src/lib/content/index.ts";
import { inspectContent } from "../../src/lib/validate/index.ts";

test("the worker's report is the check's own, and this thread keeps every post's body facts", async () => {
  const options = { contentDir: "tests/fixtures/content" };
  const fromWorker = await inspectInWorker(options);
  // Taken before this thread checks anything itself: only the worker can have filled them.
  const kept = new Map(keptFacts());
  const { problems, redirects, published, overdue } = inspectContent(options);
  expect(fromWorker).toEqual({ problems, redirects, published, overdue });
  expect(published.length).toBeGreaterThan(0);
  const posts = postFiles(findContentFiles(resolve(options.contentDir)));
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) expect(kept.get(post.absolute)?.facts.words).toBeGreaterThan(0);
});

test("a check started early is taken once, and only for the same options", async () => {
  const options = { contentDir: "tests/fixtures/content", includeUnpublished: false };
  startEarlyCheck(options);
  expect(takeEarlyCheck({ ...options, includeUnpublished: true })).toBeUndefined();
  // Asked otherwise, the early run was let go: the guard starts its own.
  expect(takeEarlyCheck(options)).toBeUndefined();

  startEarlyCheck(options);
  expect(takeEarlyCheck({ contentDir: options.contentDir })).toBeUndefined();

  startEarlyCheck(options);
  const early = takeEarlyCheck({ ...options });
  expect(early).toBeDefined();
  expect(takeEarlyCheck(options)).toBeUndefined();
  const { facts, ...report } = (await early)!;
  expect(report).toEqual(await inspectInWorker(options));
  expect(facts.length).toBeGreaterThan(0);
});

test("the early check and the content guard ask the same of the same content and cache", () => {
  const options = buildCheckOptions("/tmp/astro-cache");
  expect(options).toEqual({
    contentDir: resolve("content"),
    includeUnpublished: false,
    cacheFile: "/tmp/astro-cache/content-check.bin",
  });
  expect(buildCheckOptions("/tmp/astro-cache", true).includeUnpublished).toBe(true);
});
