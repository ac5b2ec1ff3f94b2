/**
 * Where content lives. One env variable lets tests and the benchmark point a build at another
 * folder (a fixture, or generated pages) without touching the real content.
 */
import { resolve } from "node:path";

export const CONTENT_DIR_ENV = "CONTENT_DIR";

/** Absolute path of the content folder (default: `content/` at the repo root). */
export function contentDir(root: string = process.cwd()): string {
  return resolve(root, process.env[CONTENT_DIR_ENV] ?? "content");
}

export const POST_COLLECTIONS = ["articles", "guides"] as const;
export type PostCollection = (typeof POST_COLLECTIONS)[number];

/** File names Astro reads in each post collection. */
export const POST_PATTERN = "**/*.{md,mdx}";
export const DATA_PATTERN = "*.{yaml,yml}";
