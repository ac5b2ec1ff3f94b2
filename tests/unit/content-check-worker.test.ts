/** The build's content check in a worker thread (src/integrations/content-guard.ts) reports what the check does. */
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { inspectInWorker } from "../../src/integrations/content-guard.ts";
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
