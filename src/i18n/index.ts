/** The interface dictionary of each language; components ask for the one of the page they are on. */
import { en, type UiStrings } from "./en.ts";
import { es } from "./es.ts";
import { localeOf, type Locale } from "../lib/i18n.ts";

export const dictionaries: Record<Locale, UiStrings> = { en, es };

/** Interface text in a language. */
export const ui = (locale: Locale): UiStrings => dictionaries[locale];

/** The page's language and its interface text, from a component's `Astro` global. */
export function useUi(astro: { currentLocale?: string | undefined }): { locale: Locale; t: UiStrings } {
  const locale = localeOf(astro);
  return { locale, t: dictionaries[locale] };
}

export type { UiStrings };
