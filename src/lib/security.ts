/**
 * The site's security and caching policy, in one place. astro.config.ts puts the CSP in every
 * page's <meta>; public/_headers (Netlify, Cloudflare Pages) and deploy/nginx.conf send it as
 * headers, with what only headers can say (frame-ancestors, HSTS...). A test checks both files
 * against this module, so the three never drift apart.
 */

/** Fetch directives, valid in both a header and a <meta>. Scripts and styles: files from 'self' only. */
export const CSP_FETCH_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Directives a browser honours only in a response header. */
export const CSP_HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'", "upgrade-insecure-requests"] as const;

/**
 * Script sources. 'wasm-unsafe-eval' lets our own scripts compile WebAssembly: Pagefind's search
 * engine is a WebAssembly module, and its worker is blocked without it (seen under the header
 * policy; a <meta> policy does not reach workers). It allows no script from anywhere else.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Style sources in the header. Pages inline their stylesheet, and its hash changes with every
 * style edit, so a static header cannot name it: the header allows inline styles, and each
 * page's <meta> policy (from Astro, with the exact hash) narrows that to the one stylesheet.
 * A browser enforces both policies, so an injected <style> is still blocked. Scripts are never
 * inline: 'unsafe-inline' is not allowed for them anywhere.
 */
export const HEADER_STYLE_SOURCES = ["'self'", "'unsafe-inline'"] as const;

/** The full policy as a header value. */
export const CSP_HEADER = [
  ...CSP_FETCH_DIRECTIVES.slice(0, 1),
  `script-src ${SCRIPT_SOURCES.join(" ")}`,
  `style-src ${HEADER_STYLE_SOURCES.join(" ")}`,
  ...CSP_FETCH_DIRECTIVES.slice(1),
  ...CSP_HEADER_ONLY_DIRECTIVES,
].join("; ");

/** Headers on every response. Referrer: none, so a reader's health browsing is not passed on to other sites. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP_HEADER,
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Cache-Control by kind of file. Hashed build assets never change; pages and the search index do. */
export const CACHE_CONTROL = {
  /** /_astro/*: file names carry a content hash. */
  immutable: "public, max-age=31536000, immutable",
  /** HTML, feeds and the search index: short, so an update reaches readers within minutes. */
  short: "public, max-age=300, must-revalidate",
} as const;

/** A CSP hash source ('sha256-...') for inline text, e.g. a page's own <style>. */
export async function cspHash(text: string): Promise<`sha256-${string}`> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `sha256-${Buffer.from(digest).toString("base64")}`;
}
