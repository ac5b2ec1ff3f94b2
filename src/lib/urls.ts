/** Site-internal URLs, always with the configured base path so a sub-folder deploy works. */
import type { PostCollection } from "./paths.ts";
import { DEFAULT_LOCALE, type Locale } from "./i18n.ts";

const configuredBase = (): string => import.meta.env?.BASE_URL ?? "/";

/** Prefixes a root-relative path ("/guides/") with the base path ("/docs/guides/"). */
export function withBase(path: string, base: string = configuredBase()): string {
  if (!path.startsWith("/")) return path;
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${prefix}${path}`;
}

/** Removes the base path again, for comparing a request path with a nav entry. */
export function withoutBase(path: string, base: string = configuredBase()): string {
  const prefix = base.endsWith("/") ? base.slice(0, -1) : base;
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) || "/" : path;
}

export const postPath = (collection: PostCollection, id: string): string => `/${collection}/${id}/`;
export const topicPath = (id: string): string => `/topics/${id}/`;
export const authorPath = (id: string): string => `/authors/${id}/`;
export const editorialPolicyPath = (): string => "/about/editorial-policy/";
export const glossaryPath = (id?: string): string => (id ? `/glossary/#${id}` : "/glossary/");

/** The search index's folder in the built site, where Pagefind writes it and the search page loads it from. */
export const SEARCH_BUNDLE_DIR = "pagefind";
export const searchBundlePath = (): string => `/${SEARCH_BUNDLE_DIR}/`;

/** Share image (Open Graph card) of a post, or the site's own card. Drawn at build time by src/integrations/share-images.ts. */
export function sharePath(collection?: PostCollection, id?: string, locale: Locale = DEFAULT_LOCALE): string {
  const folder = locale === DEFAULT_LOCALE ? "/share" : `/share/${locale}`;
  return collection && id ? `${folder}/${collection}/${id}.png` : `${folder}/site.png`;
}

/** Absolute URL of a site path (base path included), for feeds, canonical links and share tags. */
export const absoluteUrl = (path: string, site: URL | undefined): string => new URL(withBase(path), site).href;

/**
 * A source address as readers can scan it: the site name ("cancer.net"), or for a paper its DOI
 * ("doi.org/10.1136/bmj.m2836"). The full address is the link, and printed pages show it whole.
 */
export function displayUrl(url: string): string {
  const { hostname, pathname } = new URL(url);
  const host = hostname.replace(/^www\./, "");
  return host === "doi.org" ? `${host}${decodeURIComponent(pathname)}` : host;
}
