/** What the end-to-end tests know about the built site: its pages, read from dist/ and content/. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import type { Page } from "@playwright/test";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseMdx } from "../../src/lib/mdx-source.ts";
import { siteUrl } from "../../src/lib/site-url.ts";

export const DIST = "dist";
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
  const { frontmatterText, tree } = parseMdx(readFileSync(`content/${collection}/${id}.mdx`, "utf8"));
  const sections = tree.children
    .filter((node) => node.type === "heading" && node.depth === 2)
    .map((node) => plainText(node).trim());
  return { path: `/${collection}/${id}/`, data: parseYaml(frontmatterText), sections };
}

function plainText(node: unknown): string {
  const value = node as { value?: unknown; children?: unknown[] };
  if (typeof value.value === "string") return value.value;
  return (value.children ?? []).map(plainText).join("");
}

/** Ids of every published post of a collection, from content/. */
export function publishedIds(collection: "articles" | "guides"): string[] {
  return readdirSync(`content/${collection}`)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => name.replace(/\.mdx$/, ""))
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
