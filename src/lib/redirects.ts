/**
 * Old addresses (each post's `legacyPaths`) as permanent redirects, written for each kind of
 * host: a `_redirects` file (Netlify, Cloudflare Pages) and nginx `location` blocks. Hosts that
 * support neither get a meta-refresh page at each old address (`writeRedirectPages`, the page
 * Astro writes for its `redirects` config). The content check lists them
 * (src/integrations/content-guard.ts).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { withBase } from "./urls.ts";
import { DEFAULT_LOCALE, LOCALES } from "./i18n.ts";
import { escapeHtml } from "./html.ts";

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

/** Where a page for `path` is built with `trailingSlash: "always"`: /old/ and /old -> /old/, /old.html stays. */
const pagePath = (path: string): string => (path.endsWith("/") || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`);

/**
 * A page at each old address that sends the browser on at once, for hosts without redirect
 * rules: the same page, byte for byte, as Astro writes for an entry of its `redirects` config
 * (astro/dist/core/routing/3xx.js, with HTML compression). The build writes them itself because
 * the content check, which lists the old addresses, ends after Astro has read its config.
 */
export function writeRedirectPages(
  outDir: string,
  redirects: readonly Redirect[],
  { base = "/", site }: { base?: string; site?: string | undefined },
): void {
  for (const { from, to } of redirects) {
    const path = pagePath(from);
    const target = withBase(to, base);
    const location = escapeHtml(target);
    const canonical = escapeHtml(site ? new URL(target, site).href : target);
    const file = join(outDir, path.endsWith("/") ? `${path}index.html` : path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `<!doctype html><title>Redirecting to: ${location}</title><meta http-equiv="refresh" content="0;url=${location}">` +
        `<meta name="robots" content="noindex"><link rel="canonical" href="${canonical}"><body>\t<a href="${location}">` +
        `Redirecting from <code>${escapeHtml(withBase(path, base))}</code> to <code>${location}</code></a></body>`,
    );
  }
}
