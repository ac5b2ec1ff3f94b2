/**
 * Page weight budgets on the built site (figures for every page type: `npm run bench`).
 * Articles, guides, the home page and topic pages: everything a first visit loads fits in
 * 14 KB gzipped (one network round trip), in at most 3 requests, with no JavaScript except the
 * checklist's own small script on pages that have a checklist. Search loads its script there only.
 */
import { expect, test, type Page } from "@playwright/test";
import { builtPages, watchNetwork } from "./site";
import { PAGE_BUDGET, gzipSize } from "../budgets";

const BUDGET_BYTES = PAGE_BUDGET.totalGzip;
const MAX_REQUESTS = PAGE_BUDGET.requests;
const CHECKLIST_SCRIPT_MAX_BYTES = PAGE_BUDGET.checklistScriptGzip;

interface Load {
  requests: Array<{ url: string; type: string; gzipped: number }>;
  total: number;
}

/** Loads a page on an empty cache and measures every response, gzipped at the best level. */
async function load(page: Page, path: string): Promise<Load> {
  // Each response is recorded as a promise when it arrives, so a body still being read when the
  // network goes idle is awaited rather than missed.
  const pending: Array<Promise<Load["requests"][number]>> = [];
  page.on("response", (response) => {
    pending.push(
      response
        .body()
        .catch(() => Buffer.alloc(0))
        .then((body) => ({
          url: new URL(response.url()).pathname,
          type: response.request().resourceType(),
          gzipped: gzipSize(body),
        })),
    );
  });
  const network = watchNetwork(page);
  await page.goto(path);
  await network.idle();
  const requests = await Promise.all(pending);
  return { requests, total: requests.reduce((sum, request) => sum + request.gzipped, 0) };
}

const budgeted = builtPages().filter((path) => /^(\/es)?\/(articles|guides|topics)\/[^/]+\/$|^(\/es)?\/$/.test(path));

for (const path of budgeted) {
  test(`${path}: at most 14 KB gzipped, ${MAX_REQUESTS} requests, no script but a checklist's`, async ({ page }) => {
    const { requests, total } = await load(page, path);
    const summary = requests.map((request) => `${request.type} ${request.url} ${request.gzipped} B`).join("\n");
    expect(total, `${path} loads ${total} B gzipped:\n${summary}`).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(requests.length, summary).toBeLessThanOrEqual(MAX_REQUESTS);
    const scripts = requests.filter((request) => request.type === "script");
    const hasChecklist = (await page.locator("patient-checklist").count()) > 0;
    if (hasChecklist) {
      // The checklist's script (src/components/mdx/ChecklistScript.astro), and nothing else.
      expect(scripts.map((script) => script.url.split("/").pop()!.split(".")[0])).toEqual(["ChecklistScript"]);
      expect(scripts[0]!.gzipped).toBeLessThanOrEqual(CHECKLIST_SCRIPT_MAX_BYTES);
    } else {
      expect(scripts, summary).toEqual([]);
    }
    expect(
      requests.some((request) => request.url.includes("/pagefind/")),
      "search files on a non-search page",
    ).toBe(false);
  });
}

test("the search page loads only what search needs: its script and Pagefind", async ({ page }) => {
  const { requests } = await load(page, "/search/?q=records");
  await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
  const scripts = requests.filter((request) => request.type === "script").map((request) => request.url);
  expect(scripts.filter((url) => !url.startsWith("/pagefind/"))).toEqual([
    expect.stringMatching(/^\/_astro\/SiteSearch\./),
  ]);
  expect(scripts.some((url) => url === "/pagefind/pagefind.js")).toBe(true);
});
