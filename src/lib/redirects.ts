/**
 * Old addresses (each post's `legacyPaths`) as permanent redirects, written for each kind of
 * host: a `_redirects` file (Netlify, Cloudflare Pages) and nginx `location` blocks. Hosts that
 * support neither get the meta-refresh page Astro writes for each entry of its `redirects`
 * config, which the content check fills (src/integrations/content-guard.ts).
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { withBase } from "./urls.ts";
import { DEFAULT_LOCALE, LOCALES } from "./i18n.ts";

/**
 * Each translation's "page not found" as <locale>/404.html, where hosts look for it: Cloudflare
 * Pages serves the nearest 404.html, Netlify and nginx are told so (the `_redirects` line below,
 * deploy/nginx.conf). Astro writes it as <locale>/404/index.html, a page no one should land on.
 */
export function placeNotFoundPages(outDir: string): void {
  for (const locale of LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)) {
    const built = join(outDir, locale, "404", "index.html");
    if (!existsSync(built)) continue;
    renameSync(built, join(outDir, locale, "404.html"));
    rmSync(join(outDir, locale, "404"), { recursive: true, force: true });
  }
}

/** `_redirects` lines that serve each translation's 404 page for missing pages under its folder. */
const notFoundRules = (base: string): string[] =>
  LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).map(
    (locale) => `${withBase(`/${locale}/*`, base)} ${withBase(`/${locale}/404.html`, base)} 404`,
  );

export interface Redirect {
  /** Old path, as listed in `legacyPaths` (without the base path). */
  from: string;
  /** New path of the page (without the base path). */
  to: string;
}

/** The old path with and without its trailing slash: old links used either form. */
export function pathVariants(path: string): string[] {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed === path ? [path, `${path}/`] : [trimmed, path];
}

/** `_redirects` for Netlify and Cloudflare Pages: `from to 301`, one per line. */
export function netlifyRedirects(redirects: readonly Redirect[], base = "/"): string {
  const lines = redirects.flatMap(({ from, to }) =>
    pathVariants(from).map((variant) => `${withBase(variant, base)} ${withBase(to, base)} 301`),
  );
  return `# Old addresses of pages, generated from each post's legacyPaths. Do not edit.\n${[...lines, ...notFoundRules(base)].join("\n")}\n`;
}

/** nginx `location` blocks, for `include` inside the server block of deploy/nginx.conf. */
export function nginxRedirects(redirects: readonly Redirect[], base = "/"): string {
  const blocks = redirects.flatMap(({ from, to }) =>
    pathVariants(from).map((variant) => `location = ${withBase(variant, base)} { return 301 ${withBase(to, base)}; }`),
  );
  return `# Old addresses of pages, generated from each post's legacyPaths. Do not edit.\n${blocks.join("\n")}\n`;
}
