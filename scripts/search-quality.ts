/**
 * `npm run search:quality [-- --dist DIR]`: the search test set (tests/search-queries.yaml) on the
 * last build, served as the benchmark serves it: top 1, top 3 and every miss. A quick check while
 * working on search; `npm run bench` reports the same figures with the rest.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { launchBrowser } from "./bench/browser.ts";
import { startPreview } from "./bench/preview.ts";
import { REPO, cleanUp, cleanUpOnSignals } from "./bench/processes.ts";
import { measureSearchQuality } from "./bench/search-quality.ts";
import { MIN_TOP3_RATE, formatQuality } from "../tests/search-quality.ts";

const distFlag = process.argv.indexOf("--dist");
const dist = resolve(distFlag === -1 ? "dist" : (process.argv[distFlag + 1] ?? "dist"));
if (!existsSync(`${dist}/pagefind/pagefind.js`)) {
  console.error(`No built site with a search index in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
cleanUpOnSignals();
let exitCode = 0;
try {
  const preview = await startPreview(REPO, dist);
  const quality = await measureSearchQuality(await launchBrowser(), preview.url);
  console.log(formatQuality(quality).join("\n"));
  if (quality.top3 < MIN_TOP3_RATE * quality.total) exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
