/**
 * The site's languages and how a page's address carries its language: English at the root,
 * Spanish under /es/, with the same page ids, so a page's counterpart is the same path with the
 * prefix added or removed. Astro's `i18n` config (astro.config.mjs) is built from these values.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** What each language needs beyond its code: tags for HTML, Open Graph, dates and the sitemap. */
export const LOCALE_INFO: Record<Locale, { name: string; ogLocale: string; intl: string; contentFolder: string }> = {
  en: { name: "English", ogLocale: "en_US", intl: "en-US", contentFolder: "" },
  es: { name: "Español", ogLocale: "es_US", intl: "es-US", contentFolder: "es" },
};

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The other languages of the site, for hreflang and the language switcher. */
export const otherLocales = (locale: Locale): Locale[] => LOCALES.filter((other) => other !== locale);

/** A root path ("/guides/insurance/") in a language ("/es/guides/insurance/"). */
export function localePath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith("/")) return path;
  return `/${locale}${path}`;
}

/** The language of a path (without base path) and the path without its language prefix. */
export function splitLocale(path: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(path);
  if (match && isLocale(match[1]) && match[1] !== DEFAULT_LOCALE) return { locale: match[1], path: match[2] ?? "/" };
  return { locale: DEFAULT_LOCALE, path };
}

/** The locale Astro worked out for the page being rendered (English outside a page, e.g. in tests). */
export const localeOf = (astro: { currentLocale?: string | undefined }): Locale =>
  isLocale(astro.currentLocale) ? astro.currentLocale : DEFAULT_LOCALE;
