/**
 * Build scaling: builds a copy of the site with N generated articles, several times, and
 * measures each build (time, search-index time, pages per second, peak memory, output size).
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { BUILD_FLAGS_ENV } from "../../src/lib/build-flags.ts";
import { countContentFiles } from "../../src/lib/site-scale.ts";
import { generateSite, type GeneratedSite, type PageFormat } from "./generate.ts";
import { watchMemory, type MemoryPeak, type MemoryWatch } from "./memory.ts";
import {
  REPO,
  buildCommands,
  childEnv,
  runProcess,
  stripAnsi,
  tempDir,
  type RunOptions,
  type RunResult,
} from "../lib/processes.ts";
import { progress } from "./progress.ts";
import { median } from "./stats.ts";

export interface BuildRun {
  run: number;
  /** Wall clock of `astro build` plus the search-index step, each from start to exit. */
  seconds: number;
  /** CPU time of the build and its child processes (Linux; undefined elsewhere). */
  cpuSeconds: number | undefined;
  /** The search-index step's own figure, from its log line. */
  searchIndexSeconds: number | undefined;
  /** Where the time went, read from Astro's own log lines (undefined when a line is missing). */
  phases: BuildPhases;
  /** Pages Astro reports it built (generated articles plus the site's own pages). */
  pagesBuilt: number;
  pagesPerSecond: number;
  /** Peak memory of the build and its child processes; undefined where /proc is missing. */
  memory: MemoryPeak | undefined;
  distBytes: number;
  pagefindBytes: number;
  /** 1-minute load average when the run started: above the CPU count, other work skewed it. */
  loadAverage: number;
  log: string;
}

export interface BuildPhases {
  /** Config, the content check, content sync and types: until Astro starts bundling. */
  setupSeconds: number | undefined;
  /** The editors' content check (content-guard), part of setup. */
  contentCheckSeconds: number | undefined;
  /** Vite/Rolldown bundling of pages and content. */
  bundleSeconds: number | undefined;
  /** Rendering every page to HTML. */
  pagesSeconds: number | undefined;
}

export interface BuildSeries {
  /** Generated articles (the site's own pages come on top). */
  pages: number;
  format: PageFormat;
  warm: boolean;
  words: GeneratedSite["words"];
  runs: BuildRun[];
  median: {
    seconds: number | undefined;
    cpuSeconds: number | undefined;
    searchIndexSeconds: number | undefined;
    phases: BuildPhases;
    pagesPerSecond: number | undefined;
    peakMemoryMiB: number | undefined;
    distBytes: number | undefined;
    pagefindBytes: number | undefined;
  };
}

export interface SyntheticSite {
  series: BuildSeries;
  /** Project copy the site was built from, and the last run's output, for serving it. */
  project: string;
  dist: string;
  remove(): void;
}

export interface ScalingOptions {
  pages: number;
  runs: number;
  format: PageFormat;
  warm: boolean;
  logDir: string;
  /** A Spanish twin of each generated page (see generateSite). */
  twins?: boolean;
  /** Build parts switched off (PG_SKIP, src/lib/build-flags.ts). */
  without?: readonly string[];
}

/** Entries of the repo root that a build does not read, or that would leak state between builds. */
const NOT_COPIED = new Set([
  "node_modules",
  "dist",
  ".astro",
  ".git",
  ".cache",
  "content",
  "test-results",
  "playwright-report",
  "coverage",
  "bench-results",
]);
/** Caches that tools keep inside node_modules. */
const PACKAGE_CACHES = new Set([".vite", ".cache", ".astro"]);

/**
 * Generates the site and builds it `runs` times. Builds run in a throwaway copy of the project
 * because Astro writes `.astro/` (content module map, types) under the project root whatever
 * ASTRO_CACHE_DIR says: building the generated content from the repo root would overwrite the
 * checkout's `.astro/` under anyone else building or testing there at the same time.
 */
export async function measureSyntheticSite({
  pages,
  runs,
  format,
  warm,
  logDir,
  twins = false,
  without = [],
}: ScalingOptions): Promise<SyntheticSite> {
  const workspace = tempDir(`bench-site-${pages}`);
  const project = copyProject(join(workspace.path, "project"));
  progress(
    `generating ${pages.toLocaleString("en-US")} ${format} articles${twins ? " and a Spanish twin of each" : ""}...`,
  );
  const started = performance.now();
  const site = generateSite(join(REPO, "content"), join(workspace.path, "content"), pages, format, { twins });
  progress(
    `  generated in ${((performance.now() - started) / 1000).toFixed(1)} s (${site.words.min}-${site.words.max} words a page, median ${site.words.median})`,
  );

  // Inside the project: the prerender chunks in it import packages from the project's node_modules.
  const dist = join(project, "dist");
  const cacheDir = join(workspace.path, "cache");
  const build = (run: number) =>
    buildOnce({
      project,
      content: site.contentDir,
      cacheDir,
      dist,
      logFile: join(logDir, `build-${pages}-${format}-${run}.log`),
      run,
      without,
    });
  if (warm) {
    progress("  warm-up build to fill the cache (not counted)...");
    await build(0);
  }
  const results: BuildRun[] = [];
  for (let run = 1; run <= runs; run++) {
    clearCaches(project, cacheDir, { warm });
    progress(
      `  build ${run}/${runs} (${warm ? "warm" : "cold"} cache, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs)...`,
    );
    const result = await build(run);
    progress(`    ${describeRun(result)}`);
    results.push(result);
  }
  return { series: summarize(pages, format, warm, site.words, results), project, dist, remove: workspace.remove };
}

/**
 * The project without its content, build output and caches. node_modules is a folder of links
 * to the real packages rather than one link, so that Vite's dependency cache
 * (`<root>/node_modules/.vite`) is this copy's own and never the checkout's.
 */
export function copyProject(to: string): string {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(REPO)) {
    if (!NOT_COPIED.has(entry)) cpSync(join(REPO, entry), join(to, entry), { recursive: true });
  }
  linkPackages(to);
  return to;
}

/** `<project>/node_modules` as a folder of links to this checkout's packages, minus the tools' caches. */
export function linkPackages(project: string): void {
  mkdirSync(join(project, "node_modules"), { recursive: true });
  for (const entry of readdirSync(join(REPO, "node_modules"))) {
    if (!PACKAGE_CACHES.has(entry))
      symlinkSync(join(REPO, "node_modules", entry), join(project, "node_modules", entry));
  }
}

/**
 * Before a build. Cold: no Astro cache and no Vite dependency cache (Astro's content sync
 * pre-bundles with Vite). Warm, as a build in CI: Astro's cache is kept (`actions/cache` keeps it)
 * and Vite's is still emptied (it lives in node_modules, which a fresh `npm install` makes anew).
 */
export function clearCaches(project: string, cacheDir: string, { warm = false } = {}): void {
  if (!warm) rmSync(cacheDir, { recursive: true, force: true });
  rmSync(join(project, "node_modules", ".vite"), { recursive: true, force: true });
}

interface BuildPaths {
  project: string;
  content: string;
  cacheDir: string;
  dist: string;
  logFile: string;
  run: number;
  /** Build parts switched off (PG_SKIP). */
  without?: readonly string[];
}

export async function buildOnce({
  project,
  content,
  cacheDir,
  dist,
  logFile,
  run,
  without = [],
}: BuildPaths): Promise<BuildRun> {
  rmSync(dist, { recursive: true, force: true });
  const loadAverage = loadavg()[0] ?? 0;
  const env = childEnv({ CONTENT_DIR: content, ASTRO_CACHE_DIR: cacheDir, ...skipEnv(without) });
  const { astro, index, seconds, cpuSeconds, memory } = await buildSteps(project, dist, env, logFile);
  const log = stripAnsi(astro.output);
  const pagesBuilt = Number(/(\d+) page\(s\) built in/.exec(log)?.[1] ?? 0);
  const indexMs = /\[search-index\] indexed the site for search in (\d+) ms/.exec(index.output)?.[1];
  return {
    run,
    seconds,
    cpuSeconds,
    searchIndexSeconds: indexMs === undefined ? undefined : Number(indexMs) / 1000,
    phases: readPhases(log),
    pagesBuilt,
    pagesPerSecond: pagesBuilt / seconds,
    memory,
    distBytes: folderBytes(dist),
    pagefindBytes: folderBytes(join(dist, "pagefind")),
    loadAverage,
    log: logFile,
  };
}

/** Runs a Node script to its exit, watching the peak memory of its process tree. */
export async function measuredRun(
  args: string[],
  options: Omit<RunOptions, "onStart">,
): Promise<{ result: RunResult; memory: MemoryPeak | undefined }> {
  let watch: MemoryWatch | undefined;
  const result = await runProcess(process.execPath, args, {
    ...options,
    onStart: (child) => {
      if (child.pid) watch = watchMemory(child.pid);
    },
  });
  return { result, memory: watch?.stop() };
}

/** CPU seconds of commands run one after the other; undefined when one could not be measured. */
export const addedCpu = (values: ReadonlyArray<number | undefined>): number | undefined =>
  values.every((value) => value !== undefined) ? values.reduce((sum, value) => sum + value, 0) : undefined;

/**
 * `npm run build`'s two steps in `project`, into `outDir`: `astro build`, then the search index
 * (its log goes next to `logFile`). Stops with the log's tail when a step fails. Time and CPU are
 * the two steps' sums; memory the larger of their peaks, since they never run at once. `nodeFlags`
 * go to both Node processes (the profile's --cpu-prof).
 */
export async function buildSteps(
  project: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  nodeFlags: readonly string[] = [],
): Promise<{
  astro: RunResult;
  index: RunResult;
  seconds: number;
  cpuSeconds: number | undefined;
  memory: MemoryPeak | undefined;
}> {
  const steps = buildCommands(outDir, env, countContentFiles(project, env));
  const astro = await measuredRun([...nodeFlags, ...steps.astro], { cwd: project, env: steps.astroEnv, logFile });
  failUnlessBuilt(astro.result, logFile);
  const indexLog = `${logFile}.search-index`;
  const index = await measuredRun([...nodeFlags, ...steps.index], {
    cwd: project,
    env,
    logFile: indexLog,
  });
  failUnlessBuilt(index.result, indexLog);
  const peaks = [astro.memory, index.memory];
  return {
    astro: astro.result,
    index: index.result,
    seconds: astro.result.seconds + index.result.seconds,
    cpuSeconds: addedCpu([astro.result.cpuSeconds, index.result.cpuSeconds]),
    memory: peaks.every((peak) => peak !== undefined)
      ? peaks.reduce((larger, peak) => (peak.peakMiB > larger.peakMiB ? peak : larger))
      : undefined,
  };
}

/** Durations Astro and the site's integrations print, found after the line that starts each phase. */
export function readPhases(log: string): BuildPhases {
  const after = (marker: string, pattern: RegExp) => {
    const start = log.indexOf(marker);
    const text = start === -1 ? undefined : pattern.exec(log.slice(start))?.[1];
    return text === undefined ? undefined : parseDuration(text);
  };
  const contentCheckMs = /content check passed(?: with \d+ warnings?)? \((\d+) ms\)/.exec(log)?.[1];
  return {
    setupSeconds: after("Collecting build info", /✓ Completed in (.+?)\.$/m),
    contentCheckSeconds: contentCheckMs === undefined ? undefined : Number(contentCheckMs) / 1000,
    bundleSeconds: after("Building static entrypoints", /\[vite\] ✓ built in (.+?)\s*$/m),
    pagesSeconds: after("generating static routes", /✓ Completed in (.+?)\.$/m),
  };
}

/** The median of each phase over several builds. */
export function medianPhases(phases: readonly BuildPhases[]): BuildPhases {
  const of = (pick: (phase: BuildPhases) => number | undefined) => median(phases.map(pick));
  return {
    setupSeconds: of((phase) => phase.setupSeconds),
    contentCheckSeconds: of((phase) => phase.contentCheckSeconds),
    bundleSeconds: of((phase) => phase.bundleSeconds),
    pagesSeconds: of((phase) => phase.pagesSeconds),
  };
}

/** Astro's durations: "166ms", "29.35s" or "1m 26s". */
function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/.exec(text.trim());
  if (!match) return undefined;
  const [, minutes = "0", amount = "0", unit] = match;
  return Number(minutes) * 60 + Number(amount) / (unit === "ms" ? 1000 : 1);
}

/** The real site, built as `npm run build` builds it (its two steps), into `outDir`. */
export async function buildRealSite(
  outDir: string,
  logFile: string,
  without: readonly string[] = [],
): Promise<RunResult> {
  const { astro, index, seconds, cpuSeconds } = await buildSteps(REPO, outDir, childEnv(skipEnv(without)), logFile);
  return { code: 0, output: astro.output + index.output, seconds, cpuSeconds };
}

/** PG_SKIP for the build when parts are switched off (src/lib/build-flags.ts); nothing otherwise. */
export const skipEnv = (without: readonly string[]): Record<string, string> =>
  without.length ? { [BUILD_FLAGS_ENV]: without.join(",") } : {};

export function failUnlessBuilt(result: RunResult, logFile: string): void {
  if (result.code === 0) return;
  const tail = stripAnsi(result.output).trim().split("\n").slice(-30).join("\n");
  throw new Error(`The build failed (exit ${result.code}). Last lines of ${logFile}:\n${tail}`);
}

/** Total size of the files under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  } catch {
    return 0;
  }
}

function summarize(
  pages: number,
  format: PageFormat,
  warm: boolean,
  words: GeneratedSite["words"],
  runs: BuildRun[],
): BuildSeries {
  const of = (pick: (run: BuildRun) => number | undefined) => median(runs.map(pick));
  return {
    pages,
    format,
    warm,
    words,
    runs,
    median: {
      seconds: of((run) => run.seconds),
      cpuSeconds: of((run) => run.cpuSeconds),
      searchIndexSeconds: of((run) => run.searchIndexSeconds),
      phases: medianPhases(runs.map((run) => run.phases)),
      pagesPerSecond: of((run) => run.pagesPerSecond),
      peakMemoryMiB: of((run) => run.memory?.peakMiB),
      distBytes: of((run) => run.distBytes),
      pagefindBytes: of((run) => run.pagefindBytes),
    },
  };
}

function describeRun(run: BuildRun): string {
  const memory = run.memory ? `${Math.round(run.memory.peakMiB)} MiB peak` : "memory n/a";
  const cpu = run.cpuSeconds === undefined ? "" : ` (${run.cpuSeconds.toFixed(1)} s CPU)`;
  const index = run.searchIndexSeconds === undefined ? "" : `, search index ${run.searchIndexSeconds.toFixed(1)} s`;
  return `${run.seconds.toFixed(1)} s${cpu}${index}, ${run.pagesBuilt} pages (${run.pagesPerSecond.toFixed(0)}/s), ${memory}`;
}
