/**
 * `npm run build`: `astro build`, then the search index over what it built
 * (scripts/search-index.ts). Each is its own Node process, so Astro's memory is given back before
 * Pagefind's starts; Astro's heap limit is ASTRO_BUILD_HEAP_MIB (scripts/lib/processes.ts).
 *
 *   --outDir DIR   where to build (default dist/), passed to both steps
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { ASTRO_BUILD_HEAP_MIB, buildCommands } from "./lib/processes.ts";

const { values: options } = parseArgs({ options: { outDir: { type: "string" } } });
const steps = buildCommands(options.outDir);

for (const [args, env] of [
  [steps.astro, steps.astroEnv],
  [steps.index, process.env],
] as const) {
  const step = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (step.status === 0) continue;
  // V8 aborts when the heap is full; say what to change rather than leave its stack trace alone.
  if (step.signal === "SIGABRT" && args === steps.astro && args[0]?.startsWith("--max-old-space-size"))
    console.error(
      `\n[build] astro build ran out of its ${ASTRO_BUILD_HEAP_MIB} MiB JavaScript heap. For a site this big, ` +
        `give it more: NODE_OPTIONS=--max-old-space-size=${ASTRO_BUILD_HEAP_MIB * 2} npm run build`,
    );
  process.exit(step.status ?? 1);
}
