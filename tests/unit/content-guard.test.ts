/**
 * The content guard's hook in `astro build` (src/integrations/content-guard.ts): where the site
 * has room (500-5,000 files) Astro goes on while the check runs, and the content loaders then
 * fail with the check's list; a bigger site waits for the check in the hook itself.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import type { Loader, LoaderContext } from "astro/loaders";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import contentGuard, { checkedContent } from "../../src/integrations/content-guard.ts";
import { afterContentCheck, announceCheck } from "../../src/lib/content/check-verdict.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const savedContentDir = process.env.CONTENT_DIR;
afterEach(() => {
  announceCheck(Promise.resolve());
  if (savedContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = savedContentDir;
});

/** The fixture site with one date an editor got wrong. */
function badSite(): string {
  const dir = mkdtempSync(join(tmpdir(), "guard-"));
  made.push(dir);
  cpSync("tests/fixtures/content", join(dir, "content"), { recursive: true });
  cpSync("tests/fixtures/bad/date-wrong-format", join(dir, "content"), { recursive: true });
  return dir;
}

/** Runs the guard's `astro:config:setup` as `astro build` does, for a site of `files` content files. */
function setUp(files: number) {
  const site = badSite();
  process.env.CONTENT_DIR = join(site, "content");
  const errors: string[] = [];
  const logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (message: string) => errors.push(message),
  } as unknown as AstroIntegrationLogger;
  const guard = contentGuard(checkedContent(), files);
  const hook = guard.hooks["astro:config:setup"] as unknown as (options: unknown) => Promise<void>;
  const setup = hook({
    command: "build",
    logger,
    config: { base: "/", site: undefined, cacheDir: pathToFileURL(join(site, "cache/")) },
    updateConfig: () => undefined,
  });
  return { setup, errors, buildStart: guard.hooks["astro:build:start"] as unknown as () => Promise<void> };
}

const loader = afterContentCheck({ name: "read-all", load: async () => undefined } satisfies Loader);

describe("the content guard in a build", () => {
  test("on a site of 500-5,000 files, Astro goes on while the check runs; the loaders then fail with its list", async () => {
    const { setup, errors, buildStart } = setUp(1_000);
    await expect(setup).resolves.toBeUndefined();
    await expect(loader.load({} as LoaderContext)).rejects.toThrow(/Content check failed: 1 problem/);
    await expect(buildStart()).rejects.toThrow(/Content check failed/);
    expect(errors.join("\n")).toMatch(/date-wrong-format\.mdx:\d+/);
  });

  test("on a bigger site, the hook waits for the check and stops the build itself", async () => {
    const { setup, errors } = setUp(6_000);
    await expect(setup).rejects.toThrow(/Content check failed: 1 problem/);
    expect(errors.join("\n")).toMatch(/date-wrong-format\.mdx:\d+/);
  });
});
