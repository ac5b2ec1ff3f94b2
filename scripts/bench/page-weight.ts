/**
 * What each kind of page loads on a first visit: every request and its size, summed into the
 * figures the budgets use (HTML+CSS gzipped, JavaScript, total gzipped, request count).
 */
import type { Browser } from "playwright";
import { mobileContext, recordLoad, weigh, type Transfer, type Weight } from "./browser.ts";

export interface PageType {
  name: string;
  path: string;
}

/** One page of each kind; questions-to-ask is the guide that is mostly checklists. */
const PAGE_TYPES: readonly PageType[] = [
  { name: "home", path: "/" },
  { name: "article", path: "/articles/getting-a-second-opinion/" },
  { name: "guide", path: "/guides/medical-records/" },
  { name: "guide (checklists)", path: "/guides/questions-to-ask/" },
  { name: "topic", path: "/topics/insurance/" },
  { name: "search", path: "/search/" },
];

export interface PageWeight extends PageType, Weight {
  transfers: Transfer[];
}

export async function measurePageWeights(browser: Browser, baseUrl: string): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const type of PAGE_TYPES) weights.push(await measurePage(browser, baseUrl, type));
  return weights;
}

/** Loads one page in a fresh context (empty cache) and waits until the network is quiet. */
async function measurePage(browser: Browser, baseUrl: string, type: PageType): Promise<PageWeight> {
  const context = await mobileContext(browser);
  try {
    const page = await context.newPage();
    const recorder = recordLoad(page);
    const response = await page.goto(`${baseUrl}${type.path}`, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${type.path} answered ${response?.status() ?? "nothing"}`);
    await page.waitForLoadState("networkidle");
    const record = await recorder.finish();
    return { ...type, ...weigh(record), transfers: record.transfers };
  } finally {
    await context.close();
  }
}
