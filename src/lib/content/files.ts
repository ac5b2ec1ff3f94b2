/**
 * The one place that finds content files. Every reader (the content check, reviews, source links,
 * the change summary, readability, the benchmark, the tests) lists files here, and Astro's loaders
 * (src/content.config.ts) read the same folders with the same patterns (src/lib/paths.ts), so a
 * file the check passes is a file the build publishes, and the reverse.
 */
import { existsSync, globSync } from "node:fs";
import { join, matchesGlob, relative, sep } from "node:path";
import { DEFAULT_LOCALE, LOCALES, LOCALE_INFO, type Locale } from "../i18n.ts";
import { CONTENT_KINDS, DATA_PATTERN, POST_PATTERN, entryIdOf, isPostKind, type ContentKind } from "../paths.ts";

export interface ContentFile {
  absolute: string;
  /** Path inside the content folder, with forward slashes: "es/guides/insurance.mdx". */
  path: string;
  locale: Locale;
  kind: ContentKind;
  /** Path inside its kind's folder: "insurance.mdx" ("old/insurance.mdx" when in a sub-folder). */
  name: string;
  /** Entry id, as Astro's loader makes it from the file name ("Medical Records.mdx" is "medical-records"). */
  id: string;
  /** True when the build reads it: the right kind of file, directly in its kind's folder. */
  loaded: boolean;
}

/** The language of each content sub-folder ("es" -> Spanish); English is the folder itself. */
const LOCALE_BY_FOLDER = new Map<string, Locale>(
  LOCALES.filter((locale) => LOCALE_INFO[locale].contentFolder).map((locale) => [
    LOCALE_INFO[locale].contentFolder,
    locale,
  ]),
);

/** The language of a file from its path inside the content folder ("es/articles/x.mdx" is Spanish). */
export const localeOfContentPath = (path: string): Locale =>
  LOCALE_BY_FOLDER.get(path.split("/")[0] ?? "") ?? DEFAULT_LOCALE;

/**
 * Every file in the five kinds of content folder of every language, in path order, including the
 * files the build would ignore (`loaded: false`: a sub-folder, a .txt), so the content check can
 * name them. Other files (content/search/, READMEs) are not content entries and are left out.
 */
export function findContentFiles(contentDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  for (const path of listFiles(contentDir)) {
    const absolute = join(contentDir, path);
    const parts = path.split("/");
    const locale = LOCALE_BY_FOLDER.get(parts[0] ?? "");
    if (locale) parts.shift();
    const kind = CONTENT_KINDS.find((known) => known === parts[0]);
    if (!kind || parts.length < 2) continue;
    const name = parts.slice(1).join("/");
    files.push({
      absolute,
      path,
      locale: locale ?? DEFAULT_LOCALE,
      kind,
      name,
      id: entryIdOf(name),
      loaded: matchesGlob(name, isPostKind(kind) ? POST_PATTERN : DATA_PATTERN),
    });
  }
  return files;
}

/** Every file in the content folder (search settings and notes too), as paths inside it, sorted. */
export function listFiles(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return globSync("**/*", { cwd: contentDir, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(contentDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Files the build reads as entries of `kind` (every language unless one is given). */
export const loadedFiles = (files: readonly ContentFile[], kind: ContentKind, locale?: Locale): ContentFile[] =>
  files.filter((file) => file.loaded && file.kind === kind && (!locale || file.locale === locale));

/** Articles and guides the build reads (every language unless one is given), in path order. */
export const postFiles = (files: readonly ContentFile[], locale?: Locale): ContentFile[] =>
  files.filter((file) => file.loaded && isPostKind(file.kind) && (!locale || file.locale === locale));
