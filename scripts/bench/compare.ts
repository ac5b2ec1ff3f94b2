/**
 * `npm run bench -- --compare`: this site side by side with Astro's blog example (the anchor in
 * ../shared/bench-anchors/astro-blog, pinned to our versions of Astro, MDX and Pagefind) on the
 * same generated pages, in one run. Each round builds, interleaved so that drifts in machine load
 * hit every site alike: the blog with .md bodies, the blog with the same bodies as .mdx, ours
 * with .md, ours with .mdx. Every build is clean (no Astro or Vite cache) and includes the
 * search index. With --warm, each of the four keeps Astro's cache instead, after one warm-up build
 * that is not counted: what a pull request's build costs in CI, where `actions/cache` keeps only
 * that folder (ours: the content store and the drawn share images; the blog: its content store).
 * Vite's dependency cache, in node_modules, is emptied either way, as a fresh `npm install` has it.
 * With --warm --edit, one generated article's text also changes before each counted build, in
 * both sites (a sentence added to its body): a pull request that fixes one article.
 * Builds: the blog's `npm run build` is `astro build && pagefind --site dist`, run here as
 * those two commands (without npm around them), and ours is `astro build && node
 * scripts/search-index.ts`, also run as its two commands. CPU is the
 * whole process tree's (children reaped, Pagefind's backend included), memory the peak total
 * resident memory of the tree (scripts/bench/memory.ts). Absolute times are noisy on a shared
 * machine; the ratios are the figures that count.
 */
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ASTRO, REPO, childEnv, stripAnsi, tempDir } from "../lib/processes.ts";
import { formatCount } from "./format.ts";
import { generateSite, type PageFormat } from "./generate.ts";
import { findContentFiles, loadedFiles } from "../../src/lib/content/index.ts";
import {
  addedCpu,
  buildOnce,
  clearCaches,
  copyProject,
  failUnlessBuilt,
  folderBytes,
  linkPackages,
  measuredRun,
  medianPhases,
  readPhases,
  type BuildPhases,
  type BuildRun,
} from "./measure-build.ts";
import { progress } from "./progress.ts";
import { median } from "./stats.ts";

export const ANCHOR = join(REPO, "../shared/bench-anchors/astro-blog");
const PAGEFIND_CLI = join(REPO, "node_modules/pagefind/lib/runner/bin.cjs");

export type SiteName = "blog" | "ours";

export interface CompareBuild {
  run: number;
  /** Build plus search index, wall clock. */
  seconds: number;
  cpuSeconds: number | undefined;
  peakMiB: number | undefined;
  pagesBuilt: number;
  pagesPerSecond: number;
  searchIndexSeconds: number | undefined;
  /** Where the build's time went, from Astro's log (the search index is its own step). */
  phases: BuildPhases;
  distBytes: number;
  log: string;
}

export interface CompareSeries {
  site: SiteName;
  format: PageFormat;
  label: string;
  builds: CompareBuild[];
  median: {
    seconds: number | undefined;
    cpuSeconds: number | undefined;
    peakMiB: number | undefined;
    pagesBuilt: number | undefined;
    pagesPerSecond: number | undefined;
    searchIndexSeconds: number | undefined;
    phases: BuildPhases;
  };
}

export interface CompareRatio {
  label: string;
  /** Ours (or the first) divided by the reference: below 1 is better, except pages/s. */
  seconds: number | undefined;
  cpuSeconds: number | undefined;
  peakMiB: number | undefined;
  pagesPerSecond: number | undefined;
  searchIndexSeconds: number | undefined;
}

export interface Comparison {
  startedAt: string;
  pages: number;
  runs: number;
  /** Caches kept between builds (after a warm-up build each), instead of clean builds. */
  warm: boolean;
  /** With `warm`: one article's text changed before each counted build. */
  edit: boolean;
  without: readonly string[];
  /** What is not the same between the sites' inputs. */
  differences: string[];
  series: CompareSeries[];
  ratios: CompareRatio[];
}

export interface CompareOptions {
  pages: number;
  runs: number;
  warm: boolean;
  edit: boolean;
  logDir: string;
  without: readonly string[];
}

/** The order of each round, and how each series is named. */
const ORDER: ReadonlyArray<{ site: SiteName; format: PageFormat; label: string }> = [
  { site: "blog", format: "md", label: "blog example, .md" },
  { site: "blog", format: "mdx", label: "blog example, .mdx" },
  { site: "ours", format: "md", label: "ours, .md" },
  { site: "ours", format: "mdx", label: "ours, .mdx" },
];

const RATIOS: ReadonlyArray<{ label: string; of: string; to: string }> = [
  { label: "ours .md  / blog .md", of: "ours:md", to: "blog:md" },
  { label: "ours .mdx / blog .mdx", of: "ours:mdx", to: "blog:mdx" },
  { label: "ours .mdx / blog .md", of: "ours:mdx", to: "blog:md" },
  { label: "blog .mdx / blog .md (MDX's own cost)", of: "blog:mdx", to: "blog:md" },
];

export async function compareWithBlog({
  pages,
  runs,
  warm,
  edit,
  logDir,
  without,
}: CompareOptions): Promise<Comparison> {
  if (!existsSync(join(ANCHOR, "package.json")))
    throw new Error(`The blog example is not at ${ANCHOR} (see ../shared/bench-anchors/README.md).`);
  const startedAt = new Date().toISOString();
  const workspace = tempDir(`bench-compare-${pages}`);
  try {
    const ours = copyProject(join(workspace.path, "ours"));
    // One cache per format, so that a warm .md build does not reuse the .mdx build's store.
    const cacheDirs = { md: join(workspace.path, "ours-cache-md"), mdx: join(workspace.path, "ours-cache-mdx") };
    // Inside the project: the prerender chunks in it import packages from the project's node_modules.
    const dist = join(ours, "dist");
    const contents = {} as Record<PageFormat, string>;
    const blogs = {} as Record<PageFormat, string>;
    // The article --edit changes in each format: our file and the blog's copy of it.
    const edited = {} as Record<PageFormat, Record<SiteName, string>>;
    const articlesOf = (contentDir: string) => loadedFiles(findContentFiles(contentDir), "articles", "en");
    const realArticles = new Set(articlesOf(join(REPO, "content")).map((file) => file.path));
    for (const format of ["md", "mdx"] as const) {
      progress(`generating ${formatCount(pages)} ${format} articles...`);
      const site = generateSite(join(REPO, "content"), join(workspace.path, `content-${format}`), pages, format);
      contents[format] = site.contentDir;
      const generated = articlesOf(site.contentDir)
        .filter((file) => !realArticles.has(file.path))
        .map((file) => file.absolute);
      blogs[format] = blogProject(join(workspace.path, `blog-${format}`), generated, format);
      const first = generated[0]!;
      edited[format] = {
        ours: first,
        blog: join(blogs[format], "src/content/blog", first.slice(first.lastIndexOf("/") + 1)),
      };
    }

    const buildOne = (site: SiteName, format: PageFormat, run: number) => {
      if (edit && run > 0) addSentence(edited[format][site], `This sentence was added for build ${run}.`);
      const logFile = join(
        logDir,
        `compare-${pages}-${site}-${format}-${run}${warm ? "-warm" : ""}${edit ? "-edit" : ""}.log`,
      );
      return site === "blog"
        ? buildBlog(blogs[format], logFile, run, warm)
        : buildOurs(
            { project: ours, content: contents[format], cacheDir: cacheDirs[format], dist, logFile, run, without },
            warm,
          );
    };
    if (warm) {
      for (const { site, format, label } of ORDER) {
        progress(`warm-up build (not counted): ${label}...`);
        await buildOne(site, format, 0);
      }
    }
    const builds = new Map<string, CompareBuild[]>(ORDER.map(({ site, format }) => [`${site}:${format}`, []]));
    for (let run = 1; run <= runs; run++) {
      for (const { site, format, label } of ORDER) {
        progress(`round ${run}/${runs}: ${label} (load average ${loadavg()[0]?.toFixed(1)})...`);
        const build = await buildOne(site, format, run);
        progress(`  ${describe(build)}`);
        builds.get(`${site}:${format}`)!.push(build);
      }
    }
    const series = ORDER.map(({ site, format, label }) =>
      summarize(site, format, label, builds.get(`${site}:${format}`)!),
    );
    const find = (key: string) => series.find((entry) => `${entry.site}:${entry.format}` === key)!;
    return {
      startedAt,
      pages,
      runs,
      warm,
      edit,
      without,
      differences: DIFFERENCES,
      series,
      ratios: RATIOS.map(({ label, of, to }) => ratio(label, find(of), find(to))),
    };
  } finally {
    workspace.remove();
  }
}

const DIFFERENCES = [
  "Same generated articles for both sites (our generator, scripts/bench/generate.ts); each site also builds its own pages (ours: the real content, topics, glossary, Spanish edition; the blog: its 5 sample posts, home, about, blog index, RSS).",
  "The blog gets each article's title, description and date (pubDate) as frontmatter; ours its full frontmatter (sources, topics, review dates).",
  ".md: the same bodies for both (our generator's plain-Markdown rendering: no components, no citation markers).",
  ".mdx: the blog gets our .mdx bodies with each component replaced by its children (<Term>word</Term> -> word; <KeyFacts>, <NextSteps>, <Callout>, <CallUs> -> their Markdown inside; <Cite /> removed), so it renders the same text without what our components add (Callout titles, the KeyFacts and NextSteps headings, CallUs's phone line, citation links, glossary popovers).",
  "Search: the blog indexes <article data-pagefind-body> with `pagefind --site dist`; ours runs `node scripts/search-index.ts` after `astro build`, indexing its article and guide bodies plus glossary records.",
];

/** A copy of the blog example with the generated articles as its posts (its node_modules: links to ours). */
function blogProject(to: string, articles: string[], format: PageFormat): string {
  cpSync(ANCHOR, to, { recursive: true });
  makeWritable(to);
  linkPackages(to);
  // The anchor's versions are ours (its README): check that its image library resolves from the links.
  createRequire(join(to, "package.json")).resolve("sharp");
  const posts = join(to, "src/content/blog");
  for (const file of articles) {
    const text = readFileSync(file, "utf8");
    const end = text.indexOf("\n---", 4);
    const frontmatter = parseYaml(text.slice(4, end)) as { title: string; description: string; published: string };
    const body = text.slice(text.indexOf("\n", end + 1) + 1);
    const name = file.slice(file.lastIndexOf("/") + 1);
    writeFileSync(
      join(posts, name),
      [
        "---",
        `title: ${JSON.stringify(frontmatter.title)}`,
        `description: ${JSON.stringify(frontmatter.description)}`,
        `pubDate: ${String(frontmatter.published).slice(0, 10)}`,
        "---",
        format === "mdx" ? withoutComponents(body) : body,
      ].join("\n"),
    );
  }
  return to;
}

/**
 * The generated MDX body with each component replaced by its children: the blog has none of our
 * components. The generator writes every component on its own tags (scripts/bench/generate.ts).
 */
export function withoutComponents(body: string): string {
  return body.replace(/<Cite\b[^>]*\/>/g, "").replace(/<\/?[A-Z][A-Za-z]*(?:\s[^>]*)?>\n?/g, "");
}

/** A new paragraph before the article's first section heading (ours must end with its next steps). */
function addSentence(file: string, sentence: string): void {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf("\n## ");
  if (at === -1) throw new Error(`${file} has no section heading to add a sentence before`);
  writeFileSync(file, `${text.slice(0, at)}\n${sentence}\n${text.slice(at)}`);
}

/** The anchor files are read-only; the copy must take posts and build output. */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    chmodSync(path, entry.isDirectory() ? 0o755 : 0o644);
  }
}

/**
 * The blog's `npm run build` (astro build && pagefind --site dist), each command measured: clean,
 * or with the caches of its earlier builds when warm.
 */
async function buildBlog(project: string, logFile: string, run: number, warm: boolean): Promise<CompareBuild> {
  for (const cache of ["dist", "node_modules/.vite", ...(warm ? [] : [".astro", "node_modules/.astro"])])
    rmSync(join(project, cache), { recursive: true, force: true });
  const astro = await measuredRun([ASTRO, "build"], { cwd: project, env: childEnv(), logFile });
  failUnlessBuilt(astro.result, logFile);
  const pagefind = await measuredRun([PAGEFIND_CLI, "--site", "dist"], {
    cwd: project,
    env: childEnv(),
    logFile: `${logFile}.pagefind`,
  });
  failUnlessBuilt(pagefind.result, `${logFile}.pagefind`);
  const seconds = astro.result.seconds + pagefind.result.seconds;
  const pagesBuilt = pagesIn(astro.result.output);
  const cpu = [astro.result.cpuSeconds, pagefind.result.cpuSeconds];
  const peaks = [astro.memory?.peakMiB, pagefind.memory?.peakMiB];
  return {
    run,
    seconds,
    cpuSeconds: addedCpu(cpu),
    // The two commands run one after the other: the tree's peak is the larger of theirs.
    peakMiB: peaks.every((value) => value !== undefined) ? Math.max(...peaks) : undefined,
    pagesBuilt,
    pagesPerSecond: pagesBuilt / seconds,
    searchIndexSeconds: pagefind.result.seconds,
    phases: readPhases(stripAnsi(astro.result.output)),
    distBytes: folderBytes(join(project, "dist")),
    log: logFile,
  };
}

async function buildOurs(paths: Parameters<typeof buildOnce>[0], warm: boolean): Promise<CompareBuild> {
  clearCaches(paths.project, paths.cacheDir, { warm });
  const build: BuildRun = await buildOnce(paths);
  return {
    run: build.run,
    seconds: build.seconds,
    cpuSeconds: build.cpuSeconds,
    peakMiB: build.memory?.peakMiB,
    pagesBuilt: build.pagesBuilt,
    pagesPerSecond: build.pagesPerSecond,
    searchIndexSeconds: build.searchIndexSeconds,
    phases: build.phases,
    distBytes: build.distBytes,
    log: build.log,
  };
}

const pagesIn = (output: string) => Number(/(\d+) page\(s\) built in/.exec(stripAnsi(output))?.[1] ?? 0);

function summarize(site: SiteName, format: PageFormat, label: string, builds: CompareBuild[]): CompareSeries {
  const of = (pick: (build: CompareBuild) => number | undefined) => median(builds.map(pick));
  return {
    site,
    format,
    label,
    builds,
    median: {
      seconds: of((build) => build.seconds),
      cpuSeconds: of((build) => build.cpuSeconds),
      peakMiB: of((build) => build.peakMiB),
      pagesBuilt: of((build) => build.pagesBuilt),
      pagesPerSecond: of((build) => build.pagesPerSecond),
      searchIndexSeconds: of((build) => build.searchIndexSeconds),
      phases: medianPhases(builds.map((build) => build.phases)),
    },
  };
}

function ratio(label: string, of: CompareSeries, to: CompareSeries): CompareRatio {
  const divide = (pick: (series: CompareSeries) => number | undefined) => {
    const [top, bottom] = [pick(of), pick(to)];
    return top !== undefined && bottom ? top / bottom : undefined;
  };
  return {
    label,
    seconds: divide((series) => series.median.seconds),
    cpuSeconds: divide((series) => series.median.cpuSeconds),
    peakMiB: divide((series) => series.median.peakMiB),
    pagesPerSecond: divide((series) => series.median.pagesPerSecond),
    searchIndexSeconds: divide((series) => series.median.searchIndexSeconds),
  };
}

function describe(build: CompareBuild): string {
  const cpu = build.cpuSeconds === undefined ? "" : ` (${build.cpuSeconds.toFixed(1)} s CPU)`;
  const memory = build.peakMiB === undefined ? "memory n/a" : `${Math.round(build.peakMiB)} MiB peak`;
  const index = build.searchIndexSeconds === undefined ? "" : `, search index ${build.searchIndexSeconds.toFixed(1)} s`;
  return `${build.seconds.toFixed(1)} s${cpu}${index}, ${build.pagesBuilt} pages, ${memory}`;
}

/** The comparison as text: one row per site and format, then the ratios. */
export function formatComparison(comparison: Comparison): string {
  const seconds = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(1)} s`);
  const mib = (value: number | undefined) => (value === undefined ? "n/a" : `${formatCount(Math.round(value))} MiB`);
  const times = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)}x`);
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
    return [header, ...rows].map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}`);
  };
  const lines = [
    `== COMPARISON WITH ASTRO'S BLOG EXAMPLE: ${formatCount(comparison.pages)} generated articles, ${comparison.runs} interleaved round(s) of ${comparison.warm ? `warm builds (caches kept after a warm-up build each${comparison.edit ? "; one article's text changed before each" : ""})` : "clean builds"}, medians`,
    ...(comparison.without.length ? [`Ours built with PG_SKIP=${comparison.without.join(",")}`] : []),
    ...table(
      ["site", "build + search index", "CPU (tree)", "peak RSS (tree)", "pages built", "pages/s", "search index"],
      comparison.series.map((series) => [
        series.label,
        seconds(series.median.seconds),
        seconds(series.median.cpuSeconds),
        mib(series.median.peakMiB),
        series.median.pagesBuilt === undefined ? "n/a" : formatCount(series.median.pagesBuilt),
        series.median.pagesPerSecond === undefined ? "n/a" : series.median.pagesPerSecond.toFixed(0),
        seconds(series.median.searchIndexSeconds),
      ]),
    ),
    "",
    "Where the time went (medians, read from each build's log; the content check, ours alone, may run beside the other phases: src/lib/site-scale.ts):",
    ...table(
      ["site", "set-up", "content check", "bundling", "rendering pages", "search index"],
      comparison.series.map(({ label, median: { phases, searchIndexSeconds } }) => [
        label,
        seconds(phases.setupSeconds),
        phases.contentCheckSeconds === undefined ? "-" : seconds(phases.contentCheckSeconds),
        seconds(phases.bundleSeconds),
        seconds(phases.pagesSeconds),
        seconds(searchIndexSeconds),
      ]),
    ),
    "",
    "Ratios (wall, CPU, peak RSS, search index: lower is better; pages/s: higher is better)",
    ...table(
      ["", "wall", "CPU", "peak RSS", "pages/s", "search index"],
      comparison.ratios.map((entry) => [
        entry.label,
        times(entry.seconds),
        times(entry.cpuSeconds),
        times(entry.peakMiB),
        times(entry.pagesPerSecond),
        times(entry.searchIndexSeconds),
      ]),
    ),
    "",
    "Each run (wall / CPU / peak MiB):",
    ...comparison.series.map(
      (series) =>
        `  ${series.label}: ${series.builds.map((build) => `${build.seconds.toFixed(1)} / ${build.cpuSeconds?.toFixed(1) ?? "n/a"} / ${build.peakMiB === undefined ? "n/a" : Math.round(build.peakMiB)}`).join("; ")}`,
    ),
    "",
    "What differs between the sites' inputs:",
    ...comparison.differences.map((line) => `  - ${line}`),
  ];
  return lines.join("\n");
}
