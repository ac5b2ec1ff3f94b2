/** What the end-to-end tests know about the built site: its pages, read from dist/ and content/. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import type { Page } from "@playwright/test";
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
