/**
 * Where content lives. One env variable lets tests and the benchmark point a build at another
 * folder (a fixture, or generated pages) without touching the real content.
 */
import { basename, resolve } from "node:path";
import GithubSlugger from "github-slugger";

export const CONTENT_DIR_ENV = "CONTENT_DIR";
/** Astro's cache folder (astro.config.mjs `cacheDir`): another one for tests and the benchmark. */
export const CACHE_DIR_ENV = "ASTRO_CACHE_DIR";

/** Absolute path of Astro's cache folder (default: `.astro/` at the repo root). */
export function cacheDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env[CACHE_DIR_ENV] ?? ".astro");
}

/** Absolute path of the content folder (default: `content/` at the repo root). */
export function contentDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env[CONTENT_DIR_ENV] ?? "content");
}

export const POST_COLLECTIONS = ["articles", "guides"] as const;
export type PostCollection = (typeof POST_COLLECTIONS)[number];
export const CONTENT_KINDS = [...POST_COLLECTIONS, "authors", "topics", "glossary"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export const isPostKind = (kind: ContentKind): kind is PostCollection => kind === "articles" || kind === "guides";

/**
 * Astro's collection for each kind of content in each language. A translation lives under
 * content/es/ in a folder of the same name (content/es/guides/insurance.mdx), so its id, and so
 * its address below /es/, matches its original's.
 */
export const COLLECTIONS = {
  en: { articles: "articles", guides: "guides", authors: "authors", topics: "topics", glossary: "glossary" },
  es: { articles: "esArticles", guides: "esGuides", authors: "esAuthors", topics: "esTopics", glossary: "esGlossary" },
} as const;

/**
 * File names Astro reads in each post folder and data folder: directly in the folder, so the
 * content check (src/lib/content/files.ts, which matches the same patterns) can tell an editor
 * that a post in a sub-folder would not be published.
 */
export const POST_PATTERN = "*.{md,mdx}";
export const DATA_PATTERN = "*.{yaml,yml}";

/**
 * An entry's id, and so a post's address, from its file name: slugged the way Astro's glob
 * loader makes entry ids ("Medical Records.mdx" is "medical-records").
 */
export const entryIdOf = (fileName: string): string =>
  new GithubSlugger().slug(basename(fileName).replace(/\.[^.]+$/, ""));
