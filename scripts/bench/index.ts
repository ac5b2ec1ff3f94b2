/**
 * `npm run bench`: measures the site and prints the figures; not a test (it never fails
 * `npm test`). Two parts:
 *
 * 1. Build scaling: N generated articles (default 1,000; with --scaling also 5 x N and 10 x N) in
 *    a temp copy of the content, built --runs times (medians reported), then search timed on that
 *    build's index.
 * 2. The real site: built with `npm run build`, served by `astro preview`; page weight per page
 *    type, search (bytes, speed, and the hit rate on the search test set), and Lighthouse.
 *
 * Writes bench-results/latest.json (git-ignored) and checks the budgets; exits 1 on a failed
 * budget only with --strict. `--compare` (side by side with Astro's blog example,
 * scripts/bench/compare.ts) and `--profile` (a CPU profile of one build, scripts/bench/profile.ts)
 * run instead of the two parts. Progress goes to stderr, the report to stdout. See USAGE in
 * scripts/bench/options.ts for the options.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright";
import { launchBrowser } from "./browser.ts";
import { SCALING_MAX_RATIO, checkBudgets } from "./budgets.ts";
import { compareWithBlog, formatComparison } from "./compare.ts";
import { runLighthouse } from "./lighthouse.ts";
import { buildRealSite, measureSyntheticSite } from "./measure-build.ts";
import { parseOptions, type BenchOptions } from "./options.ts";
import { measurePageWeights } from "./page-weight.ts";
import { formatProfile, profileBuild } from "./profile.ts";
import { startPreview } from "../lib/preview.ts";
import { REPO, cleanUp, cleanUpOnSignals, tempDir, wasInterrupted } from "../lib/processes.ts";
import { progress } from "./progress.ts";
import { formatReport } from "./report.ts";
import type { BenchResults } from "./results.ts";
import { measureSearch } from "./search-timing.ts";
import { measureSearchQuality } from "./search-quality.ts";

const RESULTS_DIR = join(REPO, "bench-results");
const LOG_DIR = join(RESULTS_DIR, "logs");

/**
 * --scaling builds N, 5 x N and 10 x N pages (1,000, 5,000 and 10,000 by default): how time and
 * memory grow, not only where they end. The verdict compares the first and the last.
 */
const SCALING_FACTORS = [1, 5, 10];

const options = parseOptions(process.argv.slice(2));
cleanUpOnSignals();

let exitCode = 0;
try {
  if (options.compare) {
    const comparison = await compareWithBlog({ ...options, logDir: LOG_DIR });
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = options.edit ? "compare-warm-edit.json" : options.warm ? "compare-warm.json" : "compare.json";
    writeFileSync(join(RESULTS_DIR, file), `${JSON.stringify(comparison, null, 2)}\n`);
    console.log(formatComparison(comparison));
    progress(`written: bench-results/${file} (build logs in bench-results/logs/)`);
  } else if (options.profile) {
    console.log(
      formatProfile(await profileBuild({ ...options, logDir: LOG_DIR, profileDir: join(RESULTS_DIR, "profiles") })),
    );
  } else {
    await runWholeBench();
  }
} catch (error) {
  if (!wasInterrupted()) console.error(`[bench] stopped: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(wasInterrupted() ? 130 : exitCode);

async function runWholeBench(): Promise<void> {
  const results = await runBench(options);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  progress(`written: bench-results/latest.json (build logs in bench-results/logs/)`);
  if (options.strict && results.budgets.some((budget) => budget.status === "FAIL")) exitCode = 1;
}

async function runBench(options: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    options,
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      memoryGiB: totalmem() / 1024 ** 3,
      loadAverageAtStart: loadavg()[0] ?? 0,
    },
    builds: [],
    errors: [],
    budgets: [],
  };
  // One browser for every page-weight and search measurement, started when first needed.
  let browser: Browser | undefined;
  const getBrowser = async () => (browser ??= await launchBrowser());
  /** Runs one measurement; on failure records why and lets the rest of the benchmark go on. */
  const attempt = async <T>(what: string, measure: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await measure();
    } catch (error) {
      if (wasInterrupted()) throw error;
      const message = error instanceof Error ? error.message : String(error);
      progress(`${what} failed: ${message}`);
      results.errors.push({ what, message });
      return undefined;
    }
  };

  if (!options.skipBuild) {
    const counts = options.scaling ? SCALING_FACTORS.map((factor) => options.pages * factor) : [options.pages];
    for (const pages of counts) {
      progress(`== build scaling: ${pages.toLocaleString("en-US")} generated articles`);
      const site = await measureSyntheticSite({
        pages,
        runs: options.runs,
        format: options.format,
        warm: options.warm,
        twins: options.twins,
        without: options.without,
        logDir: LOG_DIR,
      });
      const search = await attempt(`search on ${pages} generated pages`, async () => {
        progress(`  search on the ${pages.toLocaleString("en-US")}-page build...`);
        const preview = await startPreview(site.project, site.dist);
        try {
          return await measureSearch(
            await getBrowser(),
            preview.url,
            `${pages.toLocaleString("en-US")} generated pages`,
          );
        } finally {
          await preview.stop();
        }
      });
      site.remove();
      results.builds.push(search ? { ...site.series, search } : site.series);
    }
    if (options.scaling) results.scaling = compareScaling(results.builds);
  }

  if (!options.onlyBuild) {
    progress("== real site: npm run build");
    const out = tempDir("bench-real-site");
    const dist = join(out.path, "dist");
    const build = await buildRealSite(dist, join(LOG_DIR, "build-real-site.log"), options.without);
    progress(`  built in ${build.seconds.toFixed(1)} s; serving it with astro preview`);
    const preview = await startPreview(REPO, dist);
    try {
      const realSite: NonNullable<BenchResults["realSite"]> = {
        buildSeconds: build.seconds,
        buildCpuSeconds: build.cpuSeconds,
      };
      results.realSite = realSite;
      progress("  page weight per page type...");
      const pages = await attempt("page weight", async () => measurePageWeights(await getBrowser(), preview.url));
      if (pages) realSite.pages = pages;
      progress("  search timing...");
      const search = await attempt("search on the real site", async () =>
        measureSearch(await getBrowser(), preview.url, "real site"),
      );
      if (search) realSite.search = search;
      progress("  search test set (tests/search-queries.yaml)...");
      const quality = await attempt("search test set", async () =>
        measureSearchQuality(await getBrowser(), preview.url),
      );
      if (quality) realSite.searchQuality = quality;
      if (!options.skipLighthouse) {
        progress(`  lighthouse, ${options.runs} run(s) a page (about 13 s each)...`);
        const lighthouse = await attempt("lighthouse", () => runLighthouse(preview.url, options.runs));
        if (lighthouse) realSite.lighthouse = lighthouse;
      }
    } finally {
      await preview.stop();
      out.remove();
    }
  }

  results.finishedAt = new Date().toISOString();
  results.budgets = checkBudgets(results);
  return results;
}

/** How the build grew from the first page count to the last (--scaling). */
function compareScaling(builds: BenchResults["builds"]): NonNullable<BenchResults["scaling"]> {
  const [small, large] = [builds[0], builds.at(-1)];
  const ratio = (pick: (build: (typeof builds)[number]) => number | undefined) => {
    const [from, to] = [small && pick(small), large && pick(large)];
    return from && to ? to / from : undefined;
  };
  const timeRatio = ratio((build) => build.median.seconds);
  return {
    fromPages: small?.pages ?? 0,
    toPages: large?.pages ?? 0,
    timeRatio,
    cpuRatio: ratio((build) => build.median.cpuSeconds),
    linear: timeRatio === undefined ? undefined : timeRatio <= SCALING_MAX_RATIO,
  };
}
