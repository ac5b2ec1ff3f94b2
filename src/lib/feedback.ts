/**
 * "Report a problem with this page": a plain link to the feedback form set in the site config,
 * carrying the page's address and title, so it works on any static host and without JavaScript.
 */
import { site } from "../site.config.ts";

export function feedbackUrl(page: { url: string; title: string }, feedback = site.feedback): string {
  const url = new URL(feedback.url);
  url.searchParams.set("title", `Problem on "${page.title}"`);
  url.searchParams.set(feedback.pageField, page.url);
  return url.href;
}
