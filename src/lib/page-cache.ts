/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs): when a
 * post, topic or author page has the same key and the same code as in the last build, Astro copies
 * that build's page from its cache folder instead of rendering it again. Astro hashes the code each
 * page imports and the MDX body it renders; a key names all the data the page may show:
 *
 * - every entry's frontmatter, in every collection and language, and which posts are published on
 *   the day of the build: lists, related posts, translations, authors, topics and glossary terms;
 * - the site's settings (src/site.config.ts) as this build reads them, environment included;
 * - for a post page, its own file (the entry's digest) and, for Markdown, its rendered HTML.
 *
 * Other posts' bodies are left out, as no page shows another post's text: a fix to the text of
 * one article renders only that article again. A change to any frontmatter renders every page.
 * A page that starts to show anything else read at build time (a file outside the collections,
 * an environment variable, the date) must add it here, or a rebuild would copy a stale page: the
 * rebuild tests in tests/unit/content-build.test.ts show the pattern. The published site is built
 * without this cache (.github/workflows/pages.yml keeps no .astro/).
 */
import { createHash } from "node:crypto";
import { getCollection } from "astro:content";
import { withCspMeta } from "../integrations/csp-meta.ts";
import { LOCALES } from "./i18n.ts";
import { COLLECTIONS } from "./paths.ts";
import { site } from "../site.config.ts";

/** A hasher fed one part at a time (a part never runs into the next). */
function hasher() {
  const hash = createHash("sha256");
  const feed = {
    add: (part: string) => {
      hash.update(part).update("\0");
      return feed;
    },
    digest: () => hash.digest("base64url"),
  };
  return feed;
}

async function dataKey(published: () => Promise<readonly string[]>): Promise<string> {
  const key = hasher()
    // Every page passes through the CSP middleware after it renders. Importing it here makes its
    // code part of each keyed page's code, so a change to it renders every page again.
    .add(withCspMeta("<head></head>"))
    // Build experiments (src/lib/build-flags.ts) change what pages contain.
    .add(process.env.PG_SKIP ?? "")
    // The site's identity as this build reads it: part comes from the environment (the repository
    // that takes problem reports), which the code's hash does not see.
    .add(JSON.stringify(site));
  // Entry by entry, not joined first: at 10,000 posts their frontmatter is tens of megabytes.
  for (const locale of LOCALES) {
    for (const name of Object.values(COLLECTIONS[locale])) {
      const entries = await getCollection(name);
      for (const entry of entries.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
        key.add(name).add(entry.id).add(JSON.stringify(entry.data));
    }
  }
  for (const page of await published()) key.add(page);
  return key.digest();
}

// Made once per build; the dev server renders every request and takes no keys.
let builtDataKey: Promise<string> | undefined;

/**
 * The key of a page that shows only frontmatter (a topic or author page); none in `astro dev`.
 * `published` lists the posts published today in every language (src/lib/collections.ts decides).
 */
export async function dataPageKey(published: () => Promise<readonly string[]>): Promise<string | undefined> {
  return import.meta.env.DEV ? undefined : (builtDataKey ??= dataKey(published));
}

/** The key of a post's page: the site's data, and the post's own file and rendered Markdown. */
export async function postPageKey(
  entry: { digest?: string | number | undefined; body?: string | undefined; rendered?: { html: string } | undefined },
  published: () => Promise<readonly string[]>,
): Promise<string | undefined> {
  const data = await dataPageKey(published);
  return (
    data &&
    hasher()
      .add(data)
      .add(String(entry.digest ?? entry.body ?? ""))
      .add(entry.rendered?.html ?? "")
      .digest()
  );
}
