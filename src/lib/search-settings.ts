/**
 * The site search's word lists, which editors keep in content/search/ (English) and
 * content/search/<language>/ (content/search/es/ for Spanish): stop words (stop-words.yaml) and
 * synonyms (synonyms.yaml). Read at build time; each search page receives its language's lists
 * as JSON (src/components/SiteSearch.astro) and src/lib/search-query.ts applies them.
 * A malformed file stops the build with its name, the entry and what to write instead.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "astro/zod";
import { contentDir } from "./paths.ts";
import { DEFAULT_LOCALE, type Locale } from "./i18n.ts";
import { foldAccents, queryWords, synonymKey, type SearchSettingsData } from "./search-query.ts";

export type { SearchSettingsData };

/** What is wrong with a word or phrase as readers type it (lowercase words, at most four), if anything. */
function phraseProblem(text: string, { words = 4 } = {}): string | undefined {
  if (text !== text.toLowerCase()) return "write it in lowercase";
  const count = queryWords(text).length;
  if (count === 0) return "write a word";
  if (words === 1 && count > 1) return "one word per line";
  if (count > words) return `use a word or a phrase of up to ${words} words`;
  return undefined;
}

export const stopWordsSchema = z
  .array(z.string().trim())
  .superRefine((words, context) => {
    words.forEach((word, index) => {
      const problem = phraseProblem(word, { words: 1 });
      if (problem) context.addIssue({ code: "custom", path: [index], message: problem });
    });
  })
  .default([]);

/** The synonyms file's rules; `locale` decides how plurals are read when a line is checked against itself. */
export const synonymsSchemaFor = (locale: Locale) =>
  z
    .record(
      z.string().trim(),
      z
        .array(z.string().trim().min(2, "write a word or phrase of two letters or more"))
        .min(1, "list at least one word our pages use"),
    )
    .superRefine((entries, context) => {
      for (const [word, alternatives] of Object.entries(entries)) {
        const problem = phraseProblem(word) ?? (word.length < 2 ? "use a word of two letters or more" : undefined);
        if (problem) context.addIssue({ code: "custom", path: [word], message: problem });
        else if (alternatives.some((alternative) => synonymKey(alternative, locale) === synonymKey(word, locale))) {
          context.addIssue({
            code: "custom",
            path: [word],
            message: `"${word}" lists itself: list only other words our pages use`,
          });
        }
      }
    })
    .default({});

export const synonymsSchema = synonymsSchemaFor(DEFAULT_LOCALE);

export const SEARCH_SETTINGS_FOLDER = "search";

/** Where a language's lists are: content/search/ for English, content/search/<locale>/ for the others. */
export const searchSettingsDir = (locale: Locale = DEFAULT_LOCALE, content: string = contentDir()): string =>
  locale === DEFAULT_LOCALE ? join(content, SEARCH_SETTINGS_FOLDER) : join(content, SEARCH_SETTINGS_FOLDER, locale);

function readYaml(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `${relative(process.cwd(), file)} cannot be read: ${(error as Error).message.split("\n")[0]}. Check indentation and quotes.`,
    );
  }
}

function check<T>(schema: z.ZodType<T>, file: string, data: unknown): T {
  const parsed = schema.safeParse(data ?? undefined);
  if (parsed.success) return parsed.data;
  const where = (path: readonly PropertyKey[]) =>
    typeof path[0] === "number" ? `entry ${path[0] + 1}: ` : path.length ? `"${path.join(".")}": ` : "";
  const problems = parsed.error.issues.map((issue) => `  ${where(issue.path)}${issue.message}`);
  throw new Error(`${relative(process.cwd(), file)} has mistakes:\n${problems.join("\n")}`);
}

/**
 * The stop words and synonyms of a language, from its folder (searchSettingsDir) or `dir`. A
 * missing file means an empty list: the search works without them, only less well. Stop words
 * are kept without accents ("qué" and "que" are one), synonyms keyed by synonymKey.
 */
export function loadSearchSettings(
  locale: Locale = DEFAULT_LOCALE,
  dir: string = searchSettingsDir(locale),
): SearchSettingsData {
  const stopWordsFile = join(dir, "stop-words.yaml");
  const synonymsFile = join(dir, "synonyms.yaml");
  const stopWords = check(stopWordsSchema, stopWordsFile, readYaml(stopWordsFile));
  const synonyms = check(synonymsSchemaFor(locale), synonymsFile, readYaml(synonymsFile));
  const keyed: Record<string, string[]> = {};
  for (const [word, alternatives] of Object.entries(synonyms)) {
    // "escáner" and "escaner" are one key: the later line adds to the earlier one.
    const key = synonymKey(word, locale);
    keyed[key] = [...new Set([...(keyed[key] ?? []), ...alternatives])];
  }
  return {
    locale,
    stopWords: [...new Set(stopWords.map((word) => foldAccents(queryWords(word).join(" "))))],
    synonyms: keyed,
  };
}

/**
 * The editors' synonyms plus the glossary's: each alias of a term (e.g. "sugar pill") also
 * searches the term ("placebo"). An editor's entry for the same words comes first.
 */
export function withGlossaryAliases(
  settings: SearchSettingsData,
  glossary: ReadonlyArray<{ term: string; aliases: readonly string[] }>,
): SearchSettingsData {
  const locale = settings.locale ?? DEFAULT_LOCALE;
  const key = (text: string) => synonymKey(text, locale);
  const synonyms: Record<string, string[]> = {};
  for (const { term, aliases } of glossary) {
    for (const alias of aliases) {
      const aliasKey = key(alias);
      // Very short aliases ("OS", "N0") would turn common letters into medical terms.
      if (aliasKey.replace(/\s/g, "").length < 3 || aliasKey === key(term)) continue;
      // "reenvío" and "reenvio" are one key: the term is listed once.
      const terms = (synonyms[aliasKey] ??= []);
      if (!terms.includes(term)) terms.push(term);
    }
  }
  for (const [word, alternatives] of Object.entries(settings.synonyms)) {
    const merged = [...alternatives, ...(synonyms[word] ?? [])];
    synonyms[word] = merged.filter(
      (alternative, index) => merged.findIndex((other) => key(other) === key(alternative)) === index,
    );
  }
  return { ...settings, synonyms };
}
