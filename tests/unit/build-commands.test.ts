/** `npm run build`'s two steps (scripts/build.ts) and the heap limit Astro's step gets. */
import { describe, expect, test } from "vitest";
import { ASTRO, ASTRO_BUILD_HEAP_MIB, SEARCH_INDEX_SCRIPT, buildCommands } from "../../scripts/lib/processes.ts";

describe("buildCommands", () => {
  test("astro build with the heap limit, then the search index, both into the same folder", () => {
    expect(buildCommands("out", {})).toEqual({
      astro: [`--max-old-space-size=${ASTRO_BUILD_HEAP_MIB}`, ASTRO, "build", "--outDir", "out"],
      index: [SEARCH_INDEX_SCRIPT, "--outDir", "out"],
    });
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
