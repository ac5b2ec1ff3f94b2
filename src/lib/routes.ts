/**
 * The site's own pages, from their route files in src/pages (Astro's file-based routing), for the
 * checks that run before Astro does: the content check's list of pages a link may point to, and
 * the translation report's list of pages with and without a Spanish twin.
 */
import { existsSync, globSync } from "node:fs";
import { join, sep } from "node:path";

export const PAGES_DIR = "src/pages";

/** Route files inside src/pages ("about/index.astro", "rss.xml.ts"), sorted. */
export function routeFiles(root: string): string[] {
  const pagesDir = join(root, PAGES_DIR);
  if (!existsSync(pagesDir)) return [];
  return globSync("**/*.{astro,ts,md,mdx}", { cwd: pagesDir })
    .map((file) => file.split(sep).join("/"))
    .sort();
}

/**
 * Addresses of the pages that have no parameter, e.g. "/guides/" and "/rss.xml", in every
 * language ("/es/guides/"); not the 404 pages, which no link should point to.
 */
export function staticRoutes(root: string): string[] {
  if (!existsSync(join(root, PAGES_DIR))) return ["/"];
  const routes = routeFiles(root)
    .filter((file) => !file.includes("["))
    .map((file) => {
      const withoutExtension = file.replace(/\.(astro|md|mdx)$/, "").replace(/\.ts$/, "");
      if (/\.[a-z]+$/.test(withoutExtension)) return `/${withoutExtension}`;
      const path = withoutExtension.replace(/(^|\/)index$/, "");
      return path ? `/${path}/` : "/";
    })
    .filter((route) => !route.endsWith("/404/"));
  return [...routes, "/sitemap-index.xml"];
}
