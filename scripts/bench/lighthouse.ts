/**
 * Lighthouse with its default settings (mobile: Moto G Power screen, simulated slow 4G and a
 * 4x slower CPU) against the local preview, in the system Chromium. One run per page.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, findSystemChromium } from "../lib/chromium.mjs";
import { onCleanup } from "./processes.ts";
import { progress } from "./progress.ts";

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
  /** Audits that cost points, per category, so a score under 100 says why. */
  lostPoints: Array<{ category: Category; audit: string; title: string; score: number }>;
}

export async function runLighthouse(baseUrl: string): Promise<LighthouseResult[]> {
  const chromePath = findSystemChromium();
  const flags = [...new Set(["--headless=new", "--no-sandbox", ...CHROMIUM_ARGS])];
  const chrome = await chromeLauncher.launch({ ...(chromePath ? { chromePath } : {}), chromeFlags: flags, handleSIGINT: false });
  const forget = onCleanup(() => chrome.kill());
  try {
    const results: LighthouseResult[] = [];
    for (const page of LIGHTHOUSE_PAGES) {
      progress(`  lighthouse ${page.path}...`);
      results.push(await audit(`${baseUrl}${page.path}`, chrome.port, page));
    }
    return results;
  } finally {
    forget();
    chrome.kill();
  }
}

async function audit(url: string, port: number, page: { name: string; path: string }): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not test ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Record<Category, number>;
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
