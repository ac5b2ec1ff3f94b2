/**
 * Dates are calendar days with no time zone: stored as UTC midnight and always formatted in UTC,
 * so "2014-06-16" never shows as June 15 on a server west of Greenwich.
 */

import { LOCALE_INFO, type Locale } from "./i18n.ts";

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, month: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${month}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_INFO[locale].intl, {
      year: "numeric",
      month: "long",
      ...(month ? {} : { day: "numeric" }),
      timeZone: "UTC",
    });
    formats.set(key, format);
  }
  return format;
}

/** "June 16, 2014"; in Spanish "16 de junio de 2014". */
export const formatDate = (date: Date, locale: Locale = "en"): string => formatter(locale, false).format(date);

/** "November 2027" ("noviembre de 2027"): for dates that are plans, not events. */
export const formatMonth = (date: Date, locale: Locale = "en"): string => formatter(locale, true).format(date);

/** "2014-06-16", for `<time datetime>` and feeds. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Today as a UTC calendar day, so "is this scheduled post due?" does not depend on the hour. */
export function today(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}
