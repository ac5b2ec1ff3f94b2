/**
 * The rules that keep translations honest. A translation is a file under content/es/ that names
 * its English original (`translationOf: guides/insurance`) and the day it was last brought in
 * step with it (`translated: 2026-12-02`). The content check (index.ts) gathers every entry of
 * both languages as a `ContentEntry`; this module checks them and works out, for the
 * translation report (`npm run translations`), whether each English page's translation is
 * missing, current or behind.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PAGES_DIR, routeFiles } from "../routes.ts";
import { daysBetween, isoDay } from "../dates.ts";
import { DEFAULT_LOCALE, LOCALE_INFO, type Locale } from "../i18n.ts";
import type { ContentKind } from "../paths.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { fieldName } from "./frontmatter.ts";

/** One article, guide, author, topic or glossary entry, in one language, as the check read it. */
export interface ContentEntry {
  locale: Locale;
  kind: ContentKind;
  /** Its id (the file name, slugged): the last part of its address. */
  id: string;
  /** Path of the file, relative to the repository root. */
  file: string;
  /** Title, name or term, when the file could be read. */
  title?: string | undefined;
  /** False when the file has a mistake of its own: then its fields below are not checked. */
  readable: boolean;
  /** The original it translates, as written ("guides/insurance"). */
  translationOf?: string | undefined;
  /** The day it was last brought in step with its original. */
  translated?: Date | undefined;
  /** Articles and guides: the day the page last changed for readers (the newest `changes` entry). */
  updated?: Date | undefined;
  /** Articles and guides: the ids of its sources. */
  sourceIds?: readonly string[] | undefined;
  /** Every `language:` mark on its sources, with where it is. */
  languageMarks?: ReadonlyArray<{ path: Array<string | number>; value: string }>;
  /** Articles and guides: whether this build publishes it (not a draft, not scheduled). */
  published?: boolean;
  /** Line of a field in the file. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** The file an entry would have: content/guides/insurance.mdx, content/es/topics/insurance.yaml. */
export type FileNamer = (locale: Locale, kind: ContentKind, id: string) => string;

const SINGULAR: Record<ContentKind, string> = {
  articles: "an article",
  guides: "a guide",
  authors: "an author",
  topics: "a topic",
  glossary: "a glossary entry",
};
const isPostKind = (kind: ContentKind) => kind === "articles" || kind === "guides";

/** `guides/insurance` -> the original's entry, if that file exists. */
export function originalsIndex(entries: readonly ContentEntry[]): Map<string, ContentEntry> {
  return new Map(
    entries.filter((entry) => entry.locale === DEFAULT_LOCALE).map((entry) => [`${entry.kind}/${entry.id}`, entry]),
  );
}

/**
 * Every translation problem: errors for a missing or misplaced original, a claim two files make,
 * a source the original lacks, a half-written pair of fields, translation fields on an English
 * file and `language: en` on an English page's source; a warning when the original changed
 * after the translation was last brought in step.
 */
export function checkTranslations(entries: readonly ContentEntry[], fileOf: FileNamer): Problem[] {
  const problems: Problem[] = [];
  const originals = originalsIndex(entries);
  const claims = new Map<string, ContentEntry[]>();

  for (const entry of entries) {
    if (!entry.readable) continue;
    const add = (path: Array<string | number>, field: string, message: string, fix: string, severity?: "warning") =>
      problems.push({
        file: entry.file,
        line: entry.lineOf(path),
        field,
        message,
        fix,
        ...(severity ? { severity } : {}),
      });

    if (entry.locale === DEFAULT_LOCALE) {
      for (const field of ["translationOf", "translated"] as const) {
        if (entry[field] === undefined) continue;
        add(
          [field],
          field,
          `only a translation (a file under content/es/) says \`${field}\`; this file is the English ${SINGULAR[entry.kind].replace(/^an? /, "")}`,
          isPostKind(entry.kind)
            ? `remove the line; to translate this page, run npm run new -- ${entry.kind === "guides" ? "guide" : "article"} "Título" --lang es --from ${entry.id}`
            : `remove the line; a translation goes in ${fileOf("es", entry.kind, entry.id)}`,
        );
      }
      for (const mark of entry.languageMarks ?? []) {
        if (mark.value !== "en") continue;
        add(
          mark.path,
          fieldName(mark.path),
          "`language: en` marks an English-only source on a translated page; on an English page it means nothing",
          "remove the line (it belongs in the Spanish page's copy of this source)",
        );
      }
      continue;
    }

    // A Spanish entry. With neither field it is a Spanish-only page, which is allowed.
    if (entry.translationOf === undefined && entry.translated === undefined) continue;
    if (entry.translationOf === undefined) {
      add(
        ["translated"],
        "translationOf",
        "is missing: the file has a `translated` date but does not say which English page it translates",
        `add e.g. translationOf: ${entry.kind}/${entry.id} (the original's folder and file name), or remove \`translated\` if this page exists only in Spanish`,
      );
      continue;
    }
    if (entry.translated === undefined) {
      add(
        ["translationOf"],
        "translated",
        "is missing: a translation says the day it was last brought in step with its original",
        `add translated: YYYY-MM-DD below translationOf, the day you last checked it against ${fileOf(DEFAULT_LOCALE, ...splitRef(entry.translationOf))}`,
      );
    }

    const [kind, id] = splitRef(entry.translationOf);
    if (kind !== entry.kind) {
      add(
        ["translationOf"],
        "translationOf",
        `names ${SINGULAR[kind]} (${entry.translationOf}), but this file is in ${folderOf(fileOf, entry.locale, entry.kind)}`,
        `a translation lives in the folder of its original: move the file to ${folderOf(fileOf, entry.locale, kind)}, or correct translationOf`,
      );
      continue;
    }
    const original = originals.get(entry.translationOf);
    if (!original) {
      const sameKind = [...originals.values()].filter((other) => other.kind === kind).map((other) => other.id);
      const guess = didYouMean(id, sameKind);
      add(
        ["translationOf"],
        "translationOf",
        `names ${entry.translationOf}, but there is no ${fileOf(DEFAULT_LOCALE, kind, id)}${guess ? ` (did you mean ${kind}/${guess}?)` : ""}`,
        "write the original's folder and file name (without .mdx or .yaml), or add the English original first",
      );
      continue;
    }
    if (!isPostKind(kind) && id !== entry.id) {
      add(
        ["translationOf"],
        "translationOf",
        `translates ${entry.translationOf}, but the file is named ${entry.id}: the site finds a translated ${kind === "glossary" ? "glossary entry" : kind.slice(0, -1)} by its original's file name`,
        `rename the file to ${fileOf(entry.locale, kind, id)}`,
      );
    }
    claims.set(entry.translationOf, [...(claims.get(entry.translationOf) ?? []), entry]);

    if (entry.sourceIds && original.readable && original.sourceIds) {
      const theirs = new Set(original.sourceIds);
      entry.sourceIds.forEach((sourceId, index) => {
        if (theirs.has(sourceId)) return;
        const guess = didYouMean(sourceId, [...theirs]);
        add(
          ["sources", index, "id"],
          `sources[${index}].id`,
          `the original, ${original.file}, has no source "${sourceId}"${guess ? ` (did you mean "${guess}"?)` : ""}: a translation cites the original's sources, no others`,
          `use the original's source ids (${[...theirs].join(", ")}); point the entry at the Spanish version of that source where one exists, or add the source to the English page first`,
        );
      });
    }

    if (
      entry.translated &&
      original.readable &&
      original.updated &&
      daysBetween(entry.translated, original.updated) > 0
    ) {
      add(
        ["translated"],
        "translated",
        `the English original changed on ${isoDay(original.updated)} (after \`translated\`: ${isoDay(entry.translated)}); update the translation and its \`translated\` date`,
        `read the changes listed in ${original.file} since ${isoDay(entry.translated)}, make the same changes here, then set translated to the day you did`,
        "warning",
      );
    }
  }

  for (const [of, sharing] of claims) {
    if (sharing.length < 2) continue;
    for (const entry of sharing) {
      const others = sharing
        .filter((other) => other !== entry)
        .map((other) => other.file)
        .join(", ");
      problems.push({
        file: entry.file,
        line: entry.lineOf(["translationOf"]),
        field: "translationOf",
        message: `${entry.file} and ${others} both say they translate ${of}`,
        fix: "a page has one translation: keep one file, or correct translationOf in the other",
      });
    }
  }
  return problems;
}

/** Where a translation stands against its English original. */
export type TranslationState = "missing" | "current" | "behind";

export interface TranslationStatus {
  original: ContentEntry;
  /** The translation, when there is one. */
  translation?: ContentEntry;
  state: TranslationState;
}

/**
 * For each English entry (drafts and scheduled pages included: they will need a translation too),
 * its translation and whether it is missing, current, or behind (the original changed after
 * `translated`). The same comparison as the warning above.
 */
export function translationStatus(entries: readonly ContentEntry[]): TranslationStatus[] {
  const translations = new Map<string, ContentEntry>();
  for (const entry of entries) {
    if (entry.locale !== DEFAULT_LOCALE && entry.translationOf && !translations.has(entry.translationOf))
      translations.set(entry.translationOf, entry);
  }
  return entries
    .filter((entry) => entry.locale === DEFAULT_LOCALE)
    .map((original) => {
      const translation = translations.get(`${original.kind}/${original.id}`);
      if (!translation) return { original, state: "missing" as const };
      const behind = Boolean(
        original.updated && translation.translated && daysBetween(translation.translated, original.updated) > 0,
      );
      return { original, translation, state: behind ? ("behind" as const) : ("current" as const) };
    });
}

function splitRef(ref: string): [ContentKind, string] {
  const [kind, id] = ref.split("/") as [ContentKind, string];
  return [kind, id];
}

function folderOf(fileOf: FileNamer, locale: Locale, kind: ContentKind): string {
  return `${fileOf(locale, kind, "x").replace(/x\.[a-z]+$/, "")}`;
}

/**
 * Route files in src/pages that serve every language at once, so have no Spanish twin:
 * robots.txt and the search records of both languages.
 */
export const SITE_WIDE_PAGES = ["robots.txt.ts", "search/records.json.ts"];

/** One of the site's own pages (src/pages) and its Spanish twin under src/pages/es/, if written. */
export interface SitePageStatus {
  /** e.g. "about/index.astro" */
  page: string;
  /** e.g. "es/about/index.astro", when it exists */
  translation?: string;
}

/** The site's fixed pages and templates (src/pages, not es/), each with its Spanish twin if there is one. */
export function sitePages(root: string): SitePageStatus[] {
  const pagesDir = join(root, PAGES_DIR);
  return routeFiles(root)
    .filter((file) => !file.startsWith(`${LOCALE_INFO.es.contentFolder}/`) && !SITE_WIDE_PAGES.includes(file))
    .map((page) => {
      const twin = `${LOCALE_INFO.es.contentFolder}/${page}`;
      return existsSync(join(pagesDir, twin)) ? { page, translation: twin } : { page };
    });
}
