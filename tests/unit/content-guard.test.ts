/**
 * The content guard's hook in `astro build` (src/integrations/content-guard.ts): where the site
 * has room (500-5,000 files) Astro reads content and bundles while the check runs, and page
 * generation then fails with the check's list; a bigger site waits for the check in the hook itself.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegrationLogger } from "astro";
import type { Loader, LoaderContext } from "astro/loaders";
import type { Plugin as VitePlugin } from "vite";
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
  const plugins: VitePlugin[] = [];
  const setup = hook({
    command: "build",
    logger,
    config: { base: "/", site: undefined, cacheDir: pathToFileURL(join(site, "cache/")) },
    updateConfig: (update: { vite?: { plugins?: VitePlugin[] } }) => plugins.push(...(update.vite?.plugins ?? [])),
  });
  return { setup, errors, plugins };
}

const loader = afterContentCheck({ name: "read-all", load: async () => undefined } satisfies Loader);
const failingLoader = afterContentCheck({
  name: "schema-error",
  load: async () => {
    throw new Error("articles → date-wrong-format data does not match collection schema.");
  },
} satisfies Loader);

/** The hook Vite runs before Astro's page generation, and the one it runs when bundling fails. */
const gateOf = (plugin: VitePlugin) => ({
  beforePages: (plugin.buildApp as { order: string; handler: () => Promise<void> }).handler,
  order: (plugin.buildApp as { order: string }).order,
  bundlingFailed: plugin.buildEnd as unknown as (error?: Error) => Promise<void>,
});

describe("the content guard in a build", () => {
  test("on a site of 500-5,000 files, Astro reads and bundles while the check runs; no page is generated before it passes", async () => {
    const { setup, errors, plugins } = setUp(1_000);
    await expect(setup).resolves.toBeUndefined();
    // A loader that read its files is done at once; one that Astro's schema failed gives the check's list.
    await expect(loader.load({} as LoaderContext)).resolves.toBeUndefined();
    await expect(failingLoader.load({} as LoaderContext)).rejects.toThrow(/Content check failed: 1 problem/);
    expect(plugins).toHaveLength(1);
    const gate = gateOf(plugins[0]!);
    expect(gate.order).toBe("post");
    await expect(gate.beforePages()).rejects.toThrow(/Content check failed: 1 problem/);
    await expect(gate.bundlingFailed(new Error("an .mdx file does not compile"))).resolves.toBeUndefined();
    expect(errors.join("\n")).toMatch(/date-wrong-format\.mdx:\d+/);
  });

  test("when bundling fails before the check is done, the check's list is printed first", async () => {
    const { setup, errors, plugins } = setUp(1_000);
    await setup;
    expect(errors).toEqual([]);
    await gateOf(plugins[0]!).bundlingFailed(new Error("an .mdx file does not compile"));
    expect(errors.join("\n")).toMatch(/date-wrong-format\.mdx:\d+/);
  });

  test("on a bigger site, the hook waits for the check and stops the build itself", async () => {
    const { setup, errors, plugins } = setUp(6_000);
    await expect(setup).rejects.toThrow(/Content check failed: 1 problem/);
    expect(errors.join("\n")).toMatch(/date-wrong-format\.mdx:\d+/);
    expect(plugins).toEqual([]);
  });
});
