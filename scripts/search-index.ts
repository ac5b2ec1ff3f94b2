/**
 * The search index: the last step of `npm run build`, after `astro build` has exited
 * (src/lib/search-index.ts says what is indexed and why it runs in its own process).
 *
 *   --outDir DIR   the built site to index (default dist/, as for `astro build --outDir`)
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { skippedParts } from "../src/lib/build-flags.ts";
import { indexSite } from "../src/lib/search-index.ts";

const { values: options } = parseArgs({ options: { outDir: { type: "string", default: "dist" } } });
const started = performance.now();
try {
  const summary = await indexSite(resolve(options.outDir), { plain: skippedParts().has("search-extras") });
  console.log(
    `[search-index] indexed the site for search in ${Math.round(performance.now() - started)} ms (${summary})`,
  );
} catch (error) {
  console.error(`[search-index] ${(error as Error).message}`);
  process.exitCode = 1;
}
