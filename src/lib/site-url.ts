/**
 * The site's public address, in one place: SITE_URL when set (every deploy sets it), else the
 * local preview's address. A deploy build (DEPLOY=1) without SITE_URL stops with a clear message,
 * so canonical links, the feed, the sitemap and printed pages never carry a placeholder domain.
 */
import { site } from "../site.config.ts";

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.SITE_URL) return env.SITE_URL;
  if (env.DEPLOY === "1") {
    throw new Error(
      "SITE_URL is not set. A deploy build needs the site's public address, e.g. SITE_URL=https://guides.example.org (see deploy/README.md).",
    );
  }
  return site.localUrl;
}
