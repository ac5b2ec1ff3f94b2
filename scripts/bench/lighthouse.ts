/**
 * Lighthouse with its default settings (mobile: Moto G Power screen, simulated slow 4G and a
 * 4x slower CPU) against the local preview, in the system Chromium. Each page is audited `runs`
 * times and every figure is the median, since one simulated run can swing by tens of ms.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, findSystemChromium } from "../lib/chromium.ts";
import { onCleanup } from "../lib/processes.ts";
import { progress } from "./progress.ts";
import { median } from "./stats.ts";

const LIGHTHOUSE_PAGES = [
  { name: "home", path: "/" },
  { name: "article", path: "/articles/getting-a-second-opinion/" },
  { name: "search", path: "/search/" },
];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  name: string;
  path: string;
  /** 0-100 per category. */
  scores: Record<Category, number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that cost points, per category, so a score under 100 says why (from every run). */
  lostPoints: Array<{ category: Category; audit: string; title: string; score: number }>;
  /** FCP of each run, to show the spread behind the median. */
  fcpRunsMs: number[];
  /** LCP of each run. */
  lcpRunsMs: number[];
}

type Audit = Omit<LighthouseResult, "fcpRunsMs" | "lcpRunsMs">;

export async function runLighthouse(baseUrl: string, runs: number): Promise<LighthouseResult[]> {
  const chromePath = findSystemChromium();
  const flags = [...new Set(["--headless=new", "--no-sandbox", ...CHROMIUM_ARGS])];
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: flags,
    handleSIGINT: false,
  });
  const forget = onCleanup(() => chrome.kill());
  try {
    const results: LighthouseResult[] = [];
    for (const page of LIGHTHOUSE_PAGES) {
      const audits: Audit[] = [];
      for (let run = 1; run <= runs; run++) {
        progress(`  lighthouse ${page.path} (${run}/${runs})...`);
        audits.push(await audit(`${baseUrl}${page.path}`, chrome.port, page));
      }
      results.push(medianOf(page, audits));
    }
    return results;
  } finally {
    forget();
    chrome.kill();
  }
}

function medianOf(page: { name: string; path: string }, audits: Audit[]): LighthouseResult {
  const middle = (pick: (audit: Audit) => number) => median(audits.map(pick)) ?? Number.NaN;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, middle((audit) => audit.scores[id])])) as Record<
    Category,
    number
  >;
  const lost = new Map(
    audits.flatMap((audit) => audit.lostPoints).map((item) => [`${item.category}/${item.audit}`, item]),
  );
  return {
    ...page,
    scores,
    fcpMs: middle((audit) => audit.fcpMs),
    lcpMs: middle((audit) => audit.lcpMs),
    tbtMs: middle((audit) => audit.tbtMs),
    cls: middle((audit) => audit.cls),
    lostPoints: [...lost.values()],
    fcpRunsMs: audits.map((audit) => audit.fcpMs),
    lcpRunsMs: audits.map((audit) => audit.lcpMs),
  };
}

async function audit(url: string, port: number, page: { name: string; path: string }): Promise<Audit> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not test ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const lostPoints = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
      .map(({ ref, audit }) => ({ category, audit: ref.id, title: audit?.title ?? ref.id, score: audit?.score ?? 0 })),
  );
  return {
    ...page,
    scores,
    fcpMs: numeric("first-contentful-paint"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    lostPoints,
  };
}
