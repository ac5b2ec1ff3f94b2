/**
 * `npm run compare:search-ui`: measures the site's own search UI against Pagefind's Default UI
 * and Component UI on the same build and index: bytes fetched (gzipped) to open the page and
 * run a first query (gzip level 9 for text; already-compressed files as served), and axe
 * violations with results shown. Run `npm run build` first.
 * This is how the site's search UI was chosen (see the search issue's closing note).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page } from "playwright";
import { AXE_TAGS, axeOn } from "./lib/axe.ts";
import { CHROMIUM_ARGS, findSystemChromium } from "./lib/chromium.ts";
import { startPreview } from "./lib/preview.ts";
import { REPO, cleanUp, cleanUpOnSignals, tempDir } from "./lib/processes.ts";
import { recordLoad, weigh } from "./bench/browser.ts";

const QUERY = "records";
const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

/** The two Pagefind UIs, each on a bare page as their documentation sets them up. */
const CANDIDATES = {
  "Pagefind Default UI": {
    path: "/compare/default/",
    html: page(
      "Search (Pagefind Default UI)",
      '<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>',
      '<div id="search"></div><script>window.addEventListener("DOMContentLoaded",()=>new PagefindUI({element:"#search",showSubResults:true}))</script>',
    ),
    input: ".pagefind-ui__search-input",
    result: ".pagefind-ui__result",
  },
  "Pagefind Component UI": {
    path: "/compare/component/",
    html: page(
      "Search (Pagefind Component UI)",
      '<link href="/pagefind/pagefind-component-ui.css" rel="stylesheet"><script type="module" src="/pagefind/pagefind-component-ui.js"></script>',
      "<pagefind-input></pagefind-input><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results>",
    ),
    input: "pagefind-input input",
    result: "pagefind-results li",
  },
  "Site search (custom, Pagefind JS API)": {
    path: "/search/",
    html: undefined,
    input: 'input[name="q"]',
    result: ".search-result",
  },
} as const;

/** Bytes are counted as the benchmark counts them (its load recorder), so the figures compare. */
async function measure(browserPage: Page, url: string, input: string, result: string) {
  const recorder = recordLoad(browserPage);
  await browserPage.goto(url);
  await browserPage.locator(input).first().fill(QUERY);
  await browserPage.locator(result).first().waitFor({ timeout: 15_000 });
  await browserPage.waitForLoadState("networkidle");
  const { totalGzip, requests } = weigh(await recorder.finish());
  const { violations } = await axeOn(browserPage).withTags(AXE_TAGS).analyze();
  return {
    bytes: totalGzip,
    requests,
    violations: violations.map((violation) => `${violation.id} (${violation.nodes.length})`),
  };
}

if (!existsSync("dist/pagefind/pagefind.js")) {
  console.error("No built site with a search index: run `npm run build` first.");
  process.exit(1);
}
cleanUpOnSignals();
const root = tempDir("search-ui").path;
cpSync("dist", root, { recursive: true });
for (const candidate of Object.values(CANDIDATES)) {
  if (!candidate.html) continue;
  mkdirSync(join(root, candidate.path), { recursive: true });
  writeFileSync(join(root, candidate.path, "index.html"), candidate.html);
}
const { url } = await startPreview(REPO, root);
const executablePath = findSystemChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
try {
  console.log(
    `Open the page and search for "${QUERY}", empty cache (text gzipped at level 9, compressed files as served):\n`,
  );
  for (const [name, candidate] of Object.entries(CANDIDATES)) {
    const context = await browser.newContext();
    const result = await measure(await context.newPage(), `${url}${candidate.path}`, candidate.input, candidate.result);
    await context.close();
    const kb = (result.bytes / 1024).toFixed(1);
    console.log(
      `${name.padEnd(40)} ${kb.padStart(6)} KB in ${String(result.requests).padStart(2)} requests; axe: ${result.violations.length ? result.violations.join(", ") : "0 violations"}`,
    );
  }
} finally {
  await browser.close();
  // Stops the preview and removes the copy.
  await cleanUp();
}
