/**
 * The performance budgets from the issue, checked against what was measured. A budget whose
 * figure was not measured in this run (skipped part, other page count) is "n/a", never a pass.
 */
import type { BenchResults, BudgetCheck, Status } from "./results.ts";
import type { PageWeight } from "./page-weight.ts";
import { formatBytes, formatMs, formatSeconds } from "./format.ts";
import { MIN_TOP3_RATE } from "../../tests/search-quality.ts";
import { KB, PAGE_BUDGET } from "../../tests/budgets.ts";

/** Pages held to the page budget; the search page is only reported. */
const BUDGETED_PAGES = ["home", "article", "guide", "guide (checklists)", "topic"];
/**
 * The one script a budgeted page may load: checklists remember ticks with it (the checklist issue
 * asks for that). Every guide has a checklist, so it is allowed on any page, and nothing else is.
 */
const CHECKLIST_SCRIPT = /^\/_astro\/Checklist\.[^/]*\.js$/;
const JS_EXCEPTION_NOTE = "known exception: the checklist script, nothing else";
const BUILD_BUDGET = { pages: 1000, seconds: 8, memoryMiB: 800 };
/** Largest build-time growth for 10x the pages that still counts as linear. */
export const SCALING_MAX_RATIO = 11;
const SEARCH_BUDGET = { pages: 1000, openAndQueryGzip: 110 * KB, searchMs: 200 };
/**
 * Search on the real site (issue 14): results within 50 ms of the last keystroke, and no more
 * bytes to open /search/ and run a first query than before the search learned stop words,
 * synonyms and spelling (148.4 KB measured on 2026-12-02; the vocabulary loads only for a word
 * the site does not know, and is reported apart). The test set must find 90% in the top three.
 */
const REAL_SITE_SEARCH_BUDGET = { searchMs: 50, openAndQueryGzip: 148.4 * KB };
const LIGHTHOUSE_BUDGET = { score: 100, fcpMs: 650, lcpMs: 700 };

export function checkBudgets(results: BenchResults): BudgetCheck[] {
  return [...pageBudgets(results), ...buildBudgets(results), ...searchBudgets(results), ...lighthouseBudgets(results)];
}

function check(ok: boolean | undefined, budget: string, measured: string, note?: string): BudgetCheck {
  const status: Status = ok === undefined ? "n/a" : ok ? "PASS" : "FAIL";
  return note ? { status, budget, measured, note } : { status, budget, measured };
}

function pageBudgets({ realSite, options }: BenchResults): BudgetCheck[] {
  if (options.onlyBuild) return [];
  return BUDGETED_PAGES.flatMap((name) => {
    const page = realSite?.pages?.find((candidate) => candidate.name === name);
    const label = page ? `${name} ${page.path}` : name;
    const jsBudget = `${label}: 0 bytes of JavaScript`;
    const jsCheck =
      page && page.jsBytes > 0 && onlyChecklistScript(page)
        ? { status: "KNOWN" as const, budget: jsBudget, measured: formatBytes(page.jsBytes), note: JS_EXCEPTION_NOTE }
        : check(page && page.jsBytes === 0, jsBudget, page ? formatBytes(page.jsBytes) : "not measured");
    return [
      check(
        page && page.totalGzip <= PAGE_BUDGET.totalGzip,
        `${label}: everything ≤ 14 KB gzipped`,
        page ? formatBytes(page.totalGzip) : "not measured",
      ),
      check(
        page && page.requests <= PAGE_BUDGET.requests,
        `${label}: ≤ ${PAGE_BUDGET.requests} requests`,
        page ? String(page.requests) : "not measured",
      ),
      jsCheck,
    ];
  });
}

function onlyChecklistScript(page: PageWeight): boolean {
  const scripts = page.transfers.filter((transfer) => transfer.type === "js");
  return (
    page.inlineJsBytes === 0 && scripts.length > 0 && scripts.every((script) => CHECKLIST_SCRIPT.test(script.path))
  );
}

function buildBudgets({ builds, scaling, options }: BenchResults): BudgetCheck[] {
  if (options.skipBuild) return [];
  const series = builds.find((build) => build.pages === BUILD_BUDGET.pages);
  const note = series
    ? `${series.format}, ${series.warm ? "warm" : "cold"} cache, median of ${series.runs.length}`
    : `not built: this run built ${builds.map((build) => build.pages).join(" and ")} pages`;
  const seconds = series?.median.seconds;
  const memory = series?.median.peakMemoryMiB;
  const checks = [
    check(
      seconds === undefined ? undefined : seconds <= BUILD_BUDGET.seconds,
      "build 1,000 generated articles in ≤ 8 s",
      seconds === undefined ? "n/a" : formatSeconds(seconds),
      note,
    ),
    check(
      memory === undefined ? undefined : memory <= BUILD_BUDGET.memoryMiB,
      "peak build memory at 1,000 articles ≤ 800 MiB",
      memory === undefined ? "n/a" : `${Math.round(memory)} MiB`,
      note,
    ),
  ];
  if (scaling) {
    const ratio = scaling.timeRatio;
    checks.push(
      check(
        ratio === undefined ? undefined : ratio <= SCALING_MAX_RATIO,
        `build ${scaling.toPages.toLocaleString("en-US")} pages in ≤ ${SCALING_MAX_RATIO}x the time of ${scaling.fromPages.toLocaleString("en-US")}`,
        ratio === undefined ? "n/a" : `${ratio.toFixed(2)}x`,
      ),
    );
  }
  return checks;
}

function searchBudgets({ builds, realSite, options }: BenchResults): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (!options.skipBuild) {
    const search = builds.find((build) => build.pages === SEARCH_BUDGET.pages)?.search;
    const bytes = search?.median.openAndQueryGzip;
    const ms = search?.median.searchMs;
    checks.push(
      check(
        bytes === undefined ? undefined : bytes <= SEARCH_BUDGET.openAndQueryGzip,
        "search at 1,000 pages: open /search/ + first query ≤ 110 KB gzipped",
        bytes === undefined ? "not measured" : formatBytes(bytes),
      ),
      check(
        ms === undefined ? undefined : ms <= SEARCH_BUDGET.searchMs,
        "search at 1,000 pages: last keystroke to first result ≤ 200 ms",
        ms === undefined ? "not measured" : formatMs(ms),
      ),
    );
  }
  if (!options.onlyBuild) {
    const ms = realSite?.search?.median.searchMs;
    const bytes = realSite?.search?.median.openAndQueryGzip;
    const quality = realSite?.searchQuality;
    checks.push(
      check(
        ms === undefined ? undefined : ms <= REAL_SITE_SEARCH_BUDGET.searchMs,
        "search on the real site: last keystroke to first result ≤ 50 ms",
        ms === undefined ? "not measured" : formatMs(ms),
      ),
      check(
        bytes === undefined ? undefined : bytes <= REAL_SITE_SEARCH_BUDGET.openAndQueryGzip,
        `search on the real site: open /search/ + first query ≤ ${formatBytes(REAL_SITE_SEARCH_BUDGET.openAndQueryGzip)} gzipped (as before issue 14)`,
        bytes === undefined ? "not measured" : formatBytes(bytes),
      ),
      check(
        quality === undefined ? undefined : quality.top3 >= MIN_TOP3_RATE * quality.total,
        `search test set: ≥ ${MIN_TOP3_RATE * 100}% find their page in the top 3`,
        quality === undefined
          ? "not measured"
          : `${quality.top3}/${quality.total} (${((100 * quality.top3) / quality.total).toFixed(1)}%)`,
      ),
    );
  }
  return checks;
}

function lighthouseBudgets({ realSite, options }: BenchResults): BudgetCheck[] {
  if (options.onlyBuild || options.skipLighthouse) return [];
  if (!realSite?.lighthouse)
    return [check(undefined, "Lighthouse: 100 in all four categories, FCP ≤ 650 ms, LCP ≤ 700 ms", "not measured")];
  return realSite.lighthouse.flatMap((result) => {
    const scores = Object.values(result.scores);
    return [
      check(
        scores.every((score) => score >= LIGHTHOUSE_BUDGET.score),
        `Lighthouse ${result.name} ${result.path}: 100 in all four categories`,
        scores.join(" / "),
      ),
      check(result.fcpMs <= LIGHTHOUSE_BUDGET.fcpMs, `Lighthouse ${result.name}: FCP ≤ 650 ms`, formatMs(result.fcpMs)),
      check(result.lcpMs <= LIGHTHOUSE_BUDGET.lcpMs, `Lighthouse ${result.name}: LCP ≤ 700 ms`, formatMs(result.lcpMs)),
    ];
  });
}
