/**
 * `npm run search:quality [-- --dist DIR] [--lang en|es]`: the search test sets on the last
 * build, served as the benchmark serves it: top 1, top 3 and every miss, for English
 * (tests/search-queries.yaml typed into /search/) and Spanish (tests/search-queries-es.yaml typed
 * into /es/search/). A quick check while working on search; `npm run bench` reports the English
 * figures with the rest. Exits 1 when a set has fewer than 90% in the top three.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { launchBrowser } from "./bench/browser.ts";
import { startPreview } from "./lib/preview.ts";
import { REPO, cleanUp, cleanUpOnSignals } from "./lib/processes.ts";
import {
  MIN_TOP3_RATE,
  SEARCH_SETS,
  formatQuality,
  loadSearchCases,
  runSearchCases,
  summarize,
  type SearchSetLocale,
} from "../tests/search-quality.ts";

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const dist = resolve(flag("--dist") ?? "dist");
const only = flag("--lang");
const locales = (Object.keys(SEARCH_SETS) as SearchSetLocale[]).filter((locale) => !only || locale === only);
if (locales.length === 0) {
  console.error(`--lang must be one of ${Object.keys(SEARCH_SETS).join(", ")}`);
  process.exit(1);
}
if (!existsSync(`${dist}/pagefind/pagefind.js`)) {
  console.error(`No built site with a search index in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
cleanUpOnSignals();
let exitCode = 0;
try {
  const preview = await startPreview(REPO, dist);
  const browser = await launchBrowser();
  for (const locale of locales) {
    const { file, path } = SEARCH_SETS[locale];
    const context = await browser.newContext();
    try {
      const quality = summarize(
        await runSearchCases(await context.newPage(), preview.url, loadSearchCases(file), path),
      );
      console.log([`${locale} (${path}):`, ...formatQuality(quality)].join("\n"));
      if (quality.top3 < MIN_TOP3_RATE * quality.total) exitCode = 1;
    } finally {
      await context.close();
    }
  }
} finally {
  await cleanUp();
}
process.exit(exitCode);
