/**
 * "Report a problem with this page": a plain link to the feedback form set in the site config,
 * carrying the page's address and title, so it works on any static host and without JavaScript.
 */
import { site } from "../site.config.ts";

/**
 * A query value escaped only where a URL query must be: the form's own separators (& # + %), spaces
 * as "+", and the characters a valid URL may not hold raw (quotes, <>, brackets, controls...).
 * Letters like "ó" and the page's address stay as they are: the browser percent-encodes them when
 * the link is followed, so the form gets the same values,
 * and the page's bytes repeat its title and address (which compress to almost nothing) instead of
 * their percent-encoded forms (about 50 bytes gzipped on the Spanish article).
 */
const queryValue = (value: string) =>
  value.replace(/[%&#+"<>`{}|\\^[\]\p{Cc}]/gu, encodeURIComponent).replaceAll(" ", "+");

export function feedbackUrl(page: { url: string; title: string }, feedback = site.feedback): string {
  const separator = feedback.url.includes("?") ? "&" : "?";
  return `${feedback.url}${separator}title=${queryValue(`Problem on "${page.title}"`)}&${feedback.pageField}=${queryValue(page.url)}`;
}
