/** `npm run build`'s two steps (scripts/build.ts), and the heap limit and environment Astro's step gets. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  CHECK_IN_WORKER_FROM_FILES,
  MEMORY_FOR_TIME_UP_TO_FILES,
  countContentFiles,
} from "../../src/lib/site-scale.ts";
import {
  ALLOCATOR_HUGE_PAGES,
  ALLOCATOR_PURGE_DELAY_MS,
  ASTRO,
  ASTRO_BUILD_HEAP_MIB,
  EARLY_CHECK,
  SEARCH_INDEX_SCRIPT,
  buildCommands,
} from "../../scripts/lib/processes.ts";

describe("buildCommands", () => {
  test("astro build with the heap limit, then the search index, both into the same folder", () => {
    expect(buildCommands("out", {}, 142)).toEqual({
      astro: [`--max-old-space-size=${ASTRO_BUILD_HEAP_MIB}`, ASTRO, "build", "--outDir", "out"],
      index: [SEARCH_INDEX_SCRIPT, "--outDir", "out"],
      astroEnv: { MIMALLOC_ALLOW_THP: "0", MIMALLOC_PURGE_DELAY: String(ALLOCATOR_PURGE_DELAY_MS) },
    });
  });

  test("astro build gets the caller's environment, and the allocator's delay unless the caller sets one", () => {
    expect(buildCommands(undefined, { PG_SKIP: "" }, 142).astroEnv).toEqual({
      PG_SKIP: "",
      ...ALLOCATOR_HUGE_PAGES,
      MIMALLOC_PURGE_DELAY: String(ALLOCATOR_PURGE_DELAY_MS),
    });
    const own = buildCommands(undefined, { MIMALLOC_PURGE_DELAY: "10", MIMALLOC_ALLOW_THP: "1" }, 142).astroEnv;
    expect([own.MIMALLOC_PURGE_DELAY, own.MIMALLOC_ALLOW_THP]).toEqual(["10", "1"]);
  });

  test("a big site keeps the allocator's default purge delay, which holds less memory; huge pages stay off", () => {
    const small = buildCommands(undefined, {}, MEMORY_FOR_TIME_UP_TO_FILES).astroEnv;
    const big = buildCommands(undefined, {}, MEMORY_FOR_TIME_UP_TO_FILES + 1).astroEnv;
    expect(small.MIMALLOC_PURGE_DELAY).toBe(String(ALLOCATOR_PURGE_DELAY_MS));
    expect(big).toEqual(ALLOCATOR_HUGE_PAGES);
  });

  test("where the content check runs in a worker, Node starts it before Astro loads", () => {
    const files = CHECK_IN_WORKER_FROM_FILES;
    expect(buildCommands(undefined, {}, files).astro).toEqual([
      `--max-old-space-size=${ASTRO_BUILD_HEAP_MIB}`,
      "--import",
      EARLY_CHECK,
      ASTRO,
      "build",
    ]);
    expect(existsSync(EARLY_CHECK)).toBe(true);
    expect(buildCommands(undefined, {}, files - 1).astro).not.toContain("--import");
    expect(buildCommands(undefined, { PG_SKIP: "content-check" }, files).astro).not.toContain("--import");
  });

  test("the files are counted in the content folder the build is given", () => {
    const generated = mkdtempSync(join(tmpdir(), "pg-scale-"));
    try {
      mkdirSync(join(generated, "articles"));
      for (const name of ["a", "b", "c"])
        writeFileSync(join(generated, "articles", `${name}.mdx`), "---\ntitle: x\n---\n");
      expect(countContentFiles(undefined, { CONTENT_DIR: generated })).toBe(3);
      expect(countContentFiles()).toBeGreaterThan(3);
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  });

  test("a limit set in NODE_OPTIONS replaces ours (a bigger site)", () => {
    const { astro } = buildCommands(undefined, { NODE_OPTIONS: "--max-old-space-size=8192" });
    expect(astro).toEqual([ASTRO, "build"]);
  });

  test("other NODE_OPTIONS keep our limit", () => {
    const { astro } = buildCommands(undefined, { NODE_OPTIONS: "--enable-source-maps" });
    expect(astro[0]).toBe(`--max-old-space-size=${ASTRO_BUILD_HEAP_MIB}`);
  });
});
