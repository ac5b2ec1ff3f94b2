/** The readable report printed at the end: the same figures as bench-results/latest.json. */
import type { BudgetCheck } from "./results.ts";
import { formatBytes, formatCount, formatMs, formatSeconds } from "./format.ts";
import type { LighthouseResult } from "./lighthouse.ts";
import type { BuildSeries } from "./measure-build.ts";
import type { PageWeight } from "./page-weight.ts";
import type { BenchResults } from "./results.ts";
import type { SearchFigures } from "./search-timing.ts";
import { formatQuality } from "../../tests/search-quality.ts";
import { median } from "./stats.ts";

export function formatReport(results: BenchResults): string {
  return [
    header(results),
    buildSection(results),
    realSiteBuild(results.realSite),
    pageWeightSection(results.realSite?.pages),
    searchSection(results),
    lighthouseSection(results),
    budgetSection(results.budgets),
    errorSection(results.errors),
  ]
    .filter((section) => section !== "")
    .join("\n\n");
}

function header({ startedAt, machine, options }: BenchResults): string {
  const busy =
    machine.loadAverageAtStart > machine.cpus ? " (busy: other work was running; times may be slower than usual)" : "";
  return [
    `PATIENT GUIDES BENCHMARK  ${startedAt.replace("T", " ").slice(0, 16)} UTC`,
    `Node ${machine.node}, ${machine.platform}, ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB RAM`,
    `Load average at start: ${machine.loadAverageAtStart.toFixed(1)}${busy}`,
    `Options: ${JSON.stringify(options)}`,
  ].join("\n");
}

function buildSection({ builds, scaling, options }: BenchResults): string {
  if (options.skipBuild) return "";
  const first = builds[0];
  const lines = [
    heading("BUILD SCALING"),
    first
      ? `Generated ${first.format} articles (${first.words.min}-${first.words.max} words, median ${first.words.median}) plus the site's own pages; ${first.warm ? "warm caches (after a warm-up build)" : "cold caches each run (Astro's cache and Vite's dependency cache emptied)"}; median of ${first.runs.length} run(s). CPU = user + system time of the build and its child processes.`
      : "No build finished.",
    table(
      ["articles", "pages built", "build", "CPU", "search index", "pages/s", "peak memory", "dist", "pagefind/"],
      builds.map((build) => [
        formatCount(build.pages),
        formatCount(build.runs[0]?.pagesBuilt ?? 0),
        optional(build.median.seconds, formatSeconds),
        optional(build.median.cpuSeconds, formatSeconds),
        optional(build.median.searchIndexSeconds, formatSeconds),
        optional(build.median.pagesPerSecond, (value) => value.toFixed(0)),
        optional(build.median.peakMemoryMiB, (value) => `${Math.round(value)} MiB`),
        optional(build.median.distBytes, formatBytes),
        optional(build.median.pagefindBytes, formatBytes),
      ]),
    ),
    ...builds.flatMap((build) => [phaseLine(build), rawRuns(build)]),
  ];
  if (scaling) {
    const verdict = scaling.linear === undefined ? "n/a" : scaling.linear ? "yes" : "no";
    lines.push(
      `Scaling ${formatCount(scaling.fromPages)} -> ${formatCount(scaling.toPages)} articles: ${optional(scaling.timeRatio, (ratio) => `${ratio.toFixed(2)}x`)} the build time (${optional(scaling.cpuRatio, (ratio) => `${ratio.toFixed(2)}x`)} the CPU time) for ${scaling.toPages / scaling.fromPages}x the pages; linear (≤ 11x): ${verdict}`,
    );
  }
  return lines.join("\n");
}

function phaseLine({ pages, median: { phases, searchIndexSeconds } }: BuildSeries): string {
  const part = (label: string, seconds: number | undefined) => `${label} ${optional(seconds, formatSeconds)}`;
  return `  ${formatCount(pages)} articles, where the time went (medians, from the build log): ${[
    part("setup", phases.setupSeconds) +
      ` (of which content check ${optional(phases.contentCheckSeconds, formatSeconds)})`,
    part("bundling", phases.bundleSeconds),
    part("rendering pages", phases.pagesSeconds),
    part("search index", searchIndexSeconds),
  ].join(", ")}`;
}

function rawRuns(build: BuildSeries): string {
  const runs = build.runs
    .map(
      (run) =>
        `${formatSeconds(run.seconds)} (CPU ${optional(run.cpuSeconds, formatSeconds)}), ${run.memory ? `${Math.round(run.memory.peakMiB)} MiB` : "memory n/a"}, load ${run.loadAverage.toFixed(1)}`,
    )
    .join("; ");
  return `  ${formatCount(build.pages)} articles, each run: ${runs}`;
}

function realSiteBuild(realSite: BenchResults["realSite"]): string {
  if (!realSite) return "";
  return `${heading("REAL SITE")}\nBuilt with npm run build in ${formatSeconds(realSite.buildSeconds)} (CPU ${optional(realSite.buildCpuSeconds, formatSeconds)}), served with astro preview.`;
}

function pageWeightSection(pages: PageWeight[] | undefined): string {
  if (!pages) return "";
  const search = pages.find((page) => page.name === "search");
  return [
    heading("PAGE WEIGHT (real site, first visit with an empty cache, gzip -9 worked out per file; KB = 1,024 bytes)"),
    table(
      ["page", "path", "requests", "HTML+CSS gz", "JS raw", "JS gz", "total gz"],
      pages.map((page) => [
        page.name,
        page.path,
        String(page.requests),
        formatBytes(page.htmlCssGzip),
        formatBytes(page.jsBytes),
        formatBytes(page.jsGzip),
        formatBytes(page.totalGzip),
      ]),
    ),
    ...pages
      .filter((page) => page.jsBytes > 0 && page.name !== "search")
      .map((page) => `  ${page.name} loads JavaScript: ${describeScripts(page)}`),
    search ? `Search page loads (${search.requests} requests):\n${transferList(search)}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

function describeScripts(page: PageWeight): string {
  const external = page.transfers
    .filter((transfer) => transfer.type === "js")
    .map((transfer) => `${transfer.path} (${formatBytes(transfer.bytes)})`);
  const inline = page.inlineJsBytes > 0 ? [`inline <script> (${formatBytes(page.inlineJsBytes)})`] : [];
  return [...external, ...inline].join(", ");
}

function transferList(page: PageWeight): string {
  return table(
    ["", "file", "type", "raw", "gz"],
    page.transfers.map((transfer) => [
      "",
      transfer.path,
      transfer.type,
      formatBytes(transfer.bytes),
      formatBytes(transfer.gzipBytes),
    ]),
  );
}

function searchSection({ builds, realSite }: BenchResults): string {
  const sites: SearchFigures[] = [
    ...(realSite?.search ? [realSite.search] : []),
    ...builds.flatMap((build) => (build.search ? [build.search] : [])),
  ];
  if (sites.length === 0) return "";
  return [
    heading(
      "SEARCH (open /search/ with an empty cache, wait for it to settle, type the query at 100 ms a key; median over queries)",
    ),
    table(
      ["site", "open + first query gz", "of which Pagefind data", "requests", "last keystroke -> results"],
      sites.map((site) => {
        const indexBytes = median(site.runs.map((run) => run.indexBytes));
        return [
          site.site,
          optional(site.median.openAndQueryGzip, formatBytes),
          optional(indexBytes, formatBytes),
          optional(site.median.requests, String),
          optional(site.median.searchMs, formatMs),
        ];
      }),
    ),
    ...sites.flatMap((site) => [
      `  ${site.site}: ${site.runs.map((run) => `"${run.query}" ${formatMs(run.searchMs)}, ${formatBytes(run.totalGzip)}, ${run.results} shown`).join("; ")}`,
      `    bytes by part, first query: ${Object.entries(site.runs[0]?.parts ?? {})
        .filter(([, bytes]) => bytes > 0)
        .map(([part, bytes]) => `${part} ${formatBytes(bytes)}`)
        .join(", ")}`,
      ...(site.misspelled ? [misspelledLine(site.misspelled)] : []),
    ]),
    ...(realSite?.searchQuality
      ? [
          "",
          "Search test set (tests/search-queries.yaml) on the real site, typed into /search/:",
          ...formatQuality(realSite.searchQuality).map((line) => `  ${line}`),
        ]
      : []),
  ].join("\n");
}

function misspelledLine(run: NonNullable<SearchFigures["misspelled"]>): string {
  const corrected = run.correctedTo ? `corrected to "${run.correctedTo}"` : "not corrected";
  return `    misspelled "${run.query}": ${corrected}, ${formatMs(run.searchMs)}, ${formatBytes(run.totalGzip)} with the spelling vocabulary (${formatBytes(run.parts.vocabulary)} gzipped)`;
}

function lighthouseSection({ realSite, options }: BenchResults): string {
  if (options.onlyBuild) return "";
  if (options.skipLighthouse) return `${heading("LIGHTHOUSE")}\nSkipped (--skip-lighthouse).`;
  const results = realSite?.lighthouse;
  if (!results) return "";
  return [
    heading(
      `LIGHTHOUSE (mobile, default simulated throttling, local preview; median of ${options.runs} run(s) a page)`,
    ),
    table(
      ["page", "path", "perf", "a11y", "best pr.", "SEO", "FCP", "LCP", "TBT", "CLS"],
      results.map((result) => [
        result.name,
        result.path,
        String(result.scores.performance),
        String(result.scores.accessibility),
        String(result.scores["best-practices"]),
        String(result.scores.seo),
        formatMs(result.fcpMs),
        formatMs(result.lcpMs),
        formatMs(result.tbtMs),
        result.cls.toFixed(3),
      ]),
    ),
    ...results.map(
      (result) =>
        `  ${result.name} each run: FCP ${result.fcpRunsMs.map(formatMs).join(", ")}; LCP ${result.lcpRunsMs.map(formatMs).join(", ")}`,
    ),
    ...results.flatMap(lostPoints),
  ].join("\n");
}

function lostPoints(result: LighthouseResult): string[] {
  return result.lostPoints.map(
    (lost) =>
      `  ${result.name}: ${lost.category} lost points on "${lost.title}" (${lost.audit}, score ${lost.score.toFixed(2)})`,
  );
}

function budgetSection(budgets: BudgetCheck[]): string {
  const count = (status: BudgetCheck["status"]) => budgets.filter((budget) => budget.status === status).length;
  return [
    heading("BUDGETS"),
    table(
      ["", "budget", "measured", ""],
      budgets.map((budget) => [budget.status, budget.budget, budget.measured, budget.note ?? ""]),
    ),
    `${count("PASS")} passed, ${count("FAIL")} failed, ${count("KNOWN")} known exception(s), ${count("n/a")} not measured`,
  ].join("\n");
}

function errorSection(errors: BenchResults["errors"]): string {
  if (errors.length === 0) return "";
  return [heading("NOT MEASURED (errors)"), ...errors.map((error) => `  ${error.what}: ${error.message}`)].join("\n");
}

const heading = (title: string) => `== ${title}`;

function optional<T>(value: T | undefined, format: (value: T) => string): string {
  return value === undefined ? "n/a" : format(value);
}

/** Left-aligned text columns, padded to the widest cell. */
function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
