/**
 * Switches for build experiments: `PG_SKIP=share-images,mdx-components npm run build` builds
 * without those costs, so the benchmark (`npm run bench -- --without ...`) can measure what each
 * one costs. Unset, the site builds exactly as it always does. Not for production builds: a
 * skipped part is missing from the output (no share images, no content check, ...).
 */

export const BUILD_FLAGS_ENV = "PG_SKIP";

/** What each switch leaves out of the build. */
export const BUILD_FLAGS = {
  "content-check":
    "the editors' content check (and with it the post share images and redirect files, which come from its list)",
  "share-images": "the share images (Open Graph cards)",
  "search-extras":
    "the search index's extras (labels indexed as text, glossary records, spelling vocabulary, index markup removed from pages): Pagefind indexes the built pages as they are, as the blog example's `pagefind --site dist` does",
  "mdx-components":
    "the editors' MDX components: each one is replaced by its children (plain text and Markdown), as the blog example gets them",
  "link-plugin": "the Sätteri link plugin (base path on site links)",
} as const;

export type BuildFlag = keyof typeof BUILD_FLAGS;

const isBuildFlag = (name: string): name is BuildFlag => Object.hasOwn(BUILD_FLAGS, name);

/** "a,b" (commas or spaces) -> the set of switches; throws on a name that is not a switch. */
export function parseSkipList(text: string | undefined): Set<BuildFlag> {
  const names = (text ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !isBuildFlag(name));
  if (unknown.length > 0)
    throw new Error(
      `${BUILD_FLAGS_ENV} names ${unknown.map((name) => `"${name}"`).join(", ")}: the switches are ${Object.keys(BUILD_FLAGS).join(", ")}.`,
    );
  return new Set(names.filter(isBuildFlag));
}

/** The switches this process was started with. */
export const skippedParts = (env: NodeJS.ProcessEnv = process.env): Set<BuildFlag> =>
  parseSkipList(env[BUILD_FLAGS_ENV]);
