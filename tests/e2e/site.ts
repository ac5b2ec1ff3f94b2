/** What the end-to-end tests know about the built site: its pages, read from dist/ and content/. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import type { Page, Request } from "@playwright/test";
import { join, relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { findContentFiles, headings, postFiles, readMdx } from "../../src/lib/content/index.ts";
import { siteUrl } from "../../src/lib/site-url.ts";

export const DIST = "dist";
const CONTENT = resolve("content");
export const SITE_URL = siteUrl().replace(/\/$/, "");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** URL path of every built HTML page, except redirect stubs ("/guides/x/", "/404.html"). */
export function builtPages(): string[] {
  return walk(DIST)
    .filter((file) => file.endsWith(".html"))
    .filter((file) => !/http-equiv="refresh"/i.test(readFileSync(file, "utf8")))
    .map((file) => `/${relative(DIST, file)}`.replace(/index\.html$/, ""))
    .sort();
}

export interface SourcePost {
  path: string;
  data: Record<string, unknown> & { title: string; sources: Array<{ id: string; title: string; url: string }> };
  /** The `##` headings of the body, as written. */
  sections: string[];
}

/** A post as its editor wrote it, to compare with what the site shows. */
export function sourcePost(collection: "articles" | "guides", id: string): SourcePost {
  const file = postFiles(findContentFiles(CONTENT), "en").find((post) => post.kind === collection && post.id === id);
  if (!file) throw new Error(`content/${collection}/ has no post "${id}"`);
  const { frontmatterText, tree } = readMdx(file.absolute);
  // Top-level ## headings only: a heading inside a component is not a section of the page.
  const sections = headings(tree)
    .filter(({ node, depth }) => depth === 2 && tree.children.includes(node))
    .map(({ text }) => text.trim());
  return { path: `/${collection}/${id}/`, data: parseYaml(frontmatterText), sections };
}

/** Ids of every published post of a collection, from content/. */
export function publishedIds(collection: "articles" | "guides"): string[] {
  return postFiles(findContentFiles(CONTENT), "en")
    .filter((post) => post.kind === collection)
    .map((post) => post.id)
    .filter((id) => {
      const { draft, published } = sourcePost(collection, id).data;
      return draft !== true && new Date(published as string | Date).getTime() <= Date.now();
    });
}

/**
 * The phone's large-text setting, as readers really have it: the browser's default font size at
 * 32 px (200%), set through the DevTools protocol, not a CSS zoom of our own.
 */
export async function largeText(page: Page, size = 32): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: size, fixed: Math.round((size * 13) / 16) } });
}

const QUIET_MS = 500;
const LOADING_LIMIT_MS = 15_000;

/**
 * Watches a page's requests from now on; `idle()` waits until every one has ended and none has
 * started for half a second. This is Playwright's "networkidle", counted from the page's own
 * request events instead: twice in one day of CI runs Playwright's state never came, although
 * the page and its script had both arrived (a Playwright maintainer calls networkidle "generally
 * going to be flaky" in microsoft/playwright issue 14132; issue 19835 reports the same hang). On a timeout, the error names what is still loading.
 */
export function watchNetwork(page: Page): { idle(): Promise<void> } {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const start = (request: Request) => {
    inFlight.add(request);
    lastChange = Date.now();
  };
  const end = (request: Request) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  return {
    async idle() {
      const since = Date.now();
      while (inFlight.size > 0 || Date.now() - lastChange < QUIET_MS) {
        if (Date.now() - since > LOADING_LIMIT_MS) {
          const loading = [...inFlight].map((request) => request.url()).join(", ");
          throw new Error(`still loading after ${LOADING_LIMIT_MS / 1000} s: ${loading || "requests kept starting"}`);
        }
        await new Promise((done) => setTimeout(done, 50));
      }
    },
  };
}
