/**
 * The editors' reviewer: checks all content the way the build will use it and reports every
 * mistake at once, each with file, line, field and fix. Runs before every build (see
 * src/integrations/content-guard.ts), from `npm run validate`, and in the fixture tests.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { lineInTable, yamlFieldLines } from "./field-lines.ts";
import type { z } from "astro/zod";
import {
  fileFacts,
  findContentFiles,
  keepFileFacts,
  loadedFiles,
  mdxSyntaxError,
  readMdx,
  type ContentFile,
} from "../content/index.ts";
import { checkCacheKey, openCheckCache, type PostCheckCache } from "./check-cache.ts";
import { authorSchema, glossarySchema, topicSchema } from "../schema.ts";
import { isVisible } from "../posts.ts";
import { formatDate, isoDay } from "../dates.ts";
import { overdueAmong, type PageDates, type ReviewDue } from "../reviews.ts";
import { POST_COLLECTIONS, type ContentKind, type PostCollection } from "../paths.ts";
import { DEFAULT_LOCALE, LOCALE_INFO, localePath, type Locale } from "../i18n.ts";
import { GLOSSARY_LETTERS, letterAnchor } from "../page-ids.ts";
import { authorPath, glossaryPath, postPath, topicPath } from "../urls.ts";
import { staticRoutes } from "../routes.ts";
import {
  checkFrontmatter,
  fieldName,
  plainIssueMessage,
  postLineOf,
  type KnownIds,
  type PostData,
  type PostLines,
} from "./frontmatter.ts";
import type { Root } from "mdast";
import {
  checkBody,
  checkPageLink,
  citedSourceIds,
  outline,
  pageIds,
  type BodyOutline,
  type PageLink,
  type RouteIndex,
} from "./body.ts";
import type { Problem } from "./problems.ts";
import { plainLanguageWarnings } from "./plain-language.ts";
import { checkTranslations, type ContentEntry } from "./translations.ts";
import {
  READING_GRADE_LIMIT,
  SPANISH_EASE_MIN,
  proseBlocks,
  readingStats,
  spanishReadingStats,
} from "../readability.ts";
import { PLACEHOLDER } from "../scaffold.ts";

import type { Redirect } from "../redirects.ts";

export { formatReport, isError, type Problem } from "./problems.ts";
export {
  sitePages,
  translationStatus,
  type ContentEntry,
  type SitePageStatus,
  type TranslationStatus,
  type TranslationState,
} from "./translations.ts";

export interface ValidateOptions {
  /**
   * The content folder (with articles/, guides/, authors/, topics/, glossary/, and es/ with the
   * same five folders for the Spanish edition).
   */
  contentDir: string;
  /** The repository root, for relative file names in messages and for src/pages. */
  root?: string;
  /** Date the build runs, for scheduled posts. */
  now?: Date;
  /** Dev server: drafts and scheduled posts are pages too. */
  includeUnpublished?: boolean;
  /** Where to keep each post's findings between runs (check-cache.ts); none: every post is checked. */
  cacheFile?: string;
}

/** A post as its check leaves it: plain data, so the check's cache can keep it (check-cache.ts). */
export interface CheckedPost {
  file: string;
  absolute: string;
  collection: PostCollection;
  id: string;
  /** Address of the page, e.g. /guides/insurance/ or /es/guides/insurance/. */
  path: string;
  locale: Locale;
  /** Ids on the page, once its body is read (undefined: the file cannot be read as MDX). */
  ids?: Set<string>;
  data?: PostData;
  /** Lines of its frontmatter fields, for problems found after the frontmatter check. */
  lines?: PostLines;
}

/** What checking a post needs to know of the rest of the content: its data files, read first. */
export interface ContentFacts {
  /** Terms, aliases and ids of the English glossary, which the plain-language check accepts. */
  glossaryWords: Set<string>;
  /** Authors with clinical credentials: only they may be named as a page's reviewer. */
  credentialed: Set<string>;
  glossaryIds: Record<Locale, Set<string>>;
  /** A translation names the English authors and topics, as the build does. */
  known: KnownIds;
}

/** What the check of the posts found: the posts, their own problems and their links to other pages. */
interface PostsChecked {
  posts: CheckedPost[];
  problems: Problem[];
  links: PageLink[];
}

type DataCollection = keyof typeof DATA_COLLECTIONS;

const DATA_COLLECTIONS = { authors: authorSchema, topics: topicSchema, glossary: glossarySchema } as const;

/** Each language's content folder inside the content folder, and how messages name it. */
const LANGUAGE_FOLDERS: Record<Locale, { folder: string; label: string }> = {
  en: { folder: "", label: "content" },
  es: { folder: LOCALE_INFO.es.contentFolder, label: `content/${LOCALE_INFO.es.contentFolder}` },
};

/** Every mistake in the content, each with file, line, field and fix. */
export function validateContent(options: ValidateOptions): Problem[] {
  return inspectContent(options).problems;
}

export interface ContentReport {
  problems: Problem[];
  /** Old addresses of published posts, to redirect (see src/lib/redirects.ts). */
  redirects: Redirect[];
  /** The posts this build publishes, in each language, for build steps that need them before Astro renders. */
  published: Array<{ collection: PostCollection; id: string; title: string; locale: Locale }>;
  /** Every entry of both languages with its translation fields (the translation report reads these). */
  entries: ContentEntry[];
  /** English pages whose `nextReview` date has passed, most overdue first. */
  overdue: ReviewDue[];
}

/** The content check, plus what it learned that the build needs next (the redirects). */
export function inspectContent(options: ValidateOptions): ContentReport {
  const check = startCheck(options);
  const cache = options.cacheFile
    ? openCheckCache(options.cacheFile, checkCacheKey(check.facts, check.root))
    : undefined;
  const checked = checkPosts(check.posts, check.facts, check.root, cache);
  cache?.save();
  return finishCheck(check, checked);
}

/** The content check's first step: its data files (authors, topics, glossary) and the posts to check. */
export interface CheckStart {
  root: string;
  now: Date;
  includeUnpublished: boolean;
  locales: Locale[];
  /** Problems of the data files. */
  problems: Problem[];
  /** The data files' entries, for the translation checks. */
  entries: ContentEntry[];
  dataIds: Record<Locale, Record<DataCollection, string[]>>;
  facts: ContentFacts;
  /** Every file in the articles and guides folders of each language, in the order problems are reported. */
  posts: ContentFile[];
}

/**
 * Reads the data files and lists the posts. `checkPosts` then checks each post on its own (or
 * takes its findings from the cache), and `finishCheck` what spans them (links, addresses,
 * translations).
 */
export function startCheck(options: ValidateOptions): CheckStart {
  const root = options.root ?? process.cwd();
  const contentDir = resolve(root, options.contentDir);
  const now = options.now ?? new Date();
  const includeUnpublished = options.includeUnpublished ?? false;
  const rel = (path: string) => relative(root, path).split(sep).join("/");
  const problems: Problem[] = [];
  const entries: ContentEntry[] = [];
  const languageDir = (locale: Locale) => join(contentDir, LANGUAGE_FOLDERS[locale].folder);
  const hasSpanish = existsSync(languageDir("es"));
  const files = findContentFiles(contentDir);
  const locales: Locale[] = hasSpanish ? ["en", "es"] : ["en"];

  // Data collections: authors, topics, glossary, in each language.
  const dataIds: Record<Locale, Record<DataCollection, string[]>> = {
    en: { authors: [], topics: [], glossary: [] },
    es: { authors: [], topics: [], glossary: [] },
  };
  const glossaryWords = new Set<string>();
  const credentialed = new Set<string>();
  for (const locale of locales) {
    const { label } = LANGUAGE_FOLDERS[locale];
    for (const [collection, schema] of Object.entries(DATA_COLLECTIONS) as Array<[DataCollection, z.ZodType]>) {
      for (const { absolute, id } of loadedFiles(files, collection, locale)) {
        dataIds[locale][collection].push(id);
        const entry: ContentEntry = {
          locale,
          kind: collection,
          id,
          file: rel(absolute),
          readable: false,
          lineOf: () => undefined,
        };
        entries.push(entry);
        let data: unknown;
        const text = readFileSync(absolute, "utf8");
        try {
          data = parseYaml(text);
        } catch (error) {
          problems.push({
            file: rel(absolute),
            // The yaml package's errors say where: linePos[0].line (1-based).
            line: (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line,
            field: "yaml",
            message: `cannot be read: ${(error as Error).message.split("\n")[0]}`,
            fix: "check indentation and quotes",
          });
          continue;
        }
        const parsed = schema.safeParse(data, { reportInput: true });
        if (parsed.success && collection === "glossary" && locale === "en") {
          const term = parsed.data as { term: string; aliases: string[] };
          for (const word of [term.term, ...term.aliases, id]) glossaryWords.add(word.toLowerCase());
        }
        if (
          parsed.success &&
          collection === "authors" &&
          locale === "en" &&
          (parsed.data as { credentials?: string }).credentials
        )
          credentialed.add(id);
        if (!parsed.success) {
          const lineOf = yamlLines(text);
          for (const issue of parsed.error.issues) {
            const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
            problems.push({
              file: rel(absolute),
              line: lineOf(path),
              field: fieldName(path),
              message: plainIssueMessage(issue) ?? issue.message,
              fix: `see an existing file in ${label}/${collection}/ for the fields it needs`,
            });
          }
          continue;
        }
        const value = parsed.data as {
          name?: string;
          term?: string;
          translationOf?: string;
          translated?: Date;
          source?: { language?: string };
        };
        Object.assign(entry, {
          readable: true,
          title: value.term ?? value.name,
          translationOf: value.translationOf,
          translated: value.translated,
          languageMarks: value.source?.language ? [{ path: ["source", "language"], value: value.source.language }] : [],
          lineOf: yamlLines(text),
        });
      }
    }
  }

  return {
    root,
    now,
    includeUnpublished,
    locales,
    problems,
    entries,
    dataIds,
    facts: {
      glossaryWords,
      credentialed,
      glossaryIds: { en: new Set(dataIds.en.glossary), es: new Set(dataIds.es.glossary) },
      known: { authors: dataIds.en.authors, topics: dataIds.en.topics },
    },
    posts: locales.flatMap((locale) =>
      POST_COLLECTIONS.flatMap((collection) =>
        files.filter((file) => file.locale === locale && file.kind === collection),
      ),
    ),
  };
}

/**
 * Checks posts (files from `startCheck`), each on its own: frontmatter, body, images, reading
 * level. Each file is read once, and its body facts kept for the pages. Links to other pages are
 * returned to check once every page is known (`finishCheck`), so no syntax tree is kept until then.
 */
function checkPosts(
  files: readonly ContentFile[],
  facts: ContentFacts,
  root: string,
  cache?: PostCheckCache,
): PostsChecked {
  const rel = (path: string) => relative(root, path).split(sep).join("/");
  const { glossaryWords, credentialed, glossaryIds, known } = facts;
  const problems: Problem[] = [];
  const links: PageLink[] = [];
  const posts: CheckedPost[] = [];
  const checkPostBody = (
    post: CheckedPost & { data: PostData },
    lineOf: (path: readonly (string | number)[]) => number,
    tree: Root,
    body: BodyOutline,
  ): void => {
    const english = post.locale === DEFAULT_LOCALE;
    if (post.data.reviewedBy && !credentialed.has(post.data.reviewedBy)) {
      problems.push({
        file: post.file,
        line: lineOf(["reviewedBy"]),
        field: "reviewedBy",
        message: `the reviewer "${post.data.reviewedBy}" has no \`credentials\` in content/authors/${post.data.reviewedBy}.yaml`,
        fix: "a clinical review names a clinician with credentials (e.g. credentials: MD); add them there, or remove `reviewed` and `reviewedBy`",
      });
    }
    // Each language by its own formula: the English grade, the Spanish Szigriszt-Pazos score (INFLESZ).
    if (english) {
      const { grade } = readingStats(proseBlocks(tree));
      if (grade > READING_GRADE_LIMIT) {
        problems.push({
          file: post.file,
          field: "reading grade",
          message: `the page reads at grade ${grade.toFixed(1)}; the limit is ${READING_GRADE_LIMIT}`,
          fix: "use shorter sentences and everyday words (npm run readability shows each page's grade and its long sentences)",
        });
      }
    } else {
      const { ease, band } = spanishReadingStats(proseBlocks(tree));
      if (ease < SPANISH_EASE_MIN) {
        problems.push({
          file: post.file,
          field: "reading ease",
          message: `the page scores ${ease.toFixed(1)} (INFLESZ "${band}"); the lowest allowed is ${SPANISH_EASE_MIN} ("normal")`,
          fix: "use shorter sentences and everyday words (npm run readability shows each page's score and its long sentences)",
        });
      }
    }
    // Only MDX can cite (<Cite>); a plain Markdown post lists its sources without markers.
    const cited = citedSourceIds(body);
    if (post.file.endsWith(".mdx"))
      post.data.sources.forEach((source, index) => {
        if (!cited.has(source.id)) {
          problems.push({
            file: post.file,
            line: lineOf(["sources", index, "id"]),
            field: `sources[${index}]`,
            message: `the source "${source.id}" is listed but never cited`,
            fix: `cite it after the sentence it supports with <Cite id="${source.id}" />, or remove it from \`sources\``,
          });
        }
      });
    problems.push(...plainLanguageWarnings(tree, { file: post.file, glossaryWords, language: post.locale }));
    problems.push(
      ...checkBody(body, {
        file: post.file,
        path: post.path,
        sourceIds: new Set(post.data.sources.map((source) => source.id)),
        glossaryIds: glossaryIds[post.locale],
        checkPageLinksLater: (link) => links.push(link),
        ...(english
          ? {}
          : {
              fallbackGlossaryIds: glossaryIds.en,
              glossaryFolder: `${LANGUAGE_FOLDERS[post.locale].label}/glossary`,
              pathPrefix: localePath("/", post.locale).slice(0, -1),
            }),
      }),
    );
  };

  // One post: frontmatter first (its sources and dates feed the body checks), then its body.
  const checkPost = (
    { absolute, id, locale }: ContentFile,
    collection: PostCollection,
    file: string,
    text: string | undefined,
  ): CheckedPost => {
    const post: CheckedPost = {
      file,
      absolute,
      collection,
      id,
      locale,
      path: localePath(postPath(collection, id), locale),
    };
    posts.push(post);
    let source: ReturnType<typeof readMdx>;
    let body: BodyOutline;
    try {
      source = readMdx(absolute, text);
      body = outline(source.tree);
      post.ids = body.ids;
    } catch (error) {
      const { line, message } = mdxSyntaxError(error);
      problems.push({
        file,
        line,
        field: "MDX",
        message,
        fix: "check that every <Tag> is closed and that { } and < > are used only for components",
      });
      return post;
    }
    const result = checkFrontmatter(source.frontmatterText, collection, known, {
      file,
      firstLine: source.frontmatterLine,
    });
    problems.push(...result.problems);
    post.lines = result.lines;
    const lineOf = postLineOf(result.lines);
    if (result.data) post.data = result.data;
    for (const field of ["title", "description"] as const) {
      if (!result.data?.[field].includes(PLACEHOLDER)) continue;
      problems.push({
        file,
        line: lineOf([field]),
        field,
        message: `still has the placeholder: ${JSON.stringify(result.data[field])}`,
        fix: `write the ${field} (in a translation: in Spanish), without ${PLACEHOLDER}`,
      });
    }
    if (post.data) {
      checkPostBody(post as CheckedPost & { data: PostData }, lineOf, source.tree, body);
      // Kept for the pages, which then need not parse the file again (src/lib/content/entry-facts.ts).
      fileFacts(absolute, source.tree);
    }
    return post;
  };

  for (const contentFile of files) {
    const { absolute, name, loaded, locale, kind } = contentFile;
    const collection = kind as PostCollection;
    const { label } = LANGUAGE_FOLDERS[locale];
    const file = rel(absolute);
    if (name.includes("/")) {
      problems.push({
        file,
        field: "file",
        message: "posts cannot be in sub-folders",
        fix: `move it to ${label}/${collection}/${name.split("/").pop()}`,
      });
      continue;
    }
    if (!loaded) {
      if (!/^\.|\.(png|jpe?g|webp|avif|svg|gif)$/i.test(name)) {
        problems.push({
          file,
          field: "file",
          message: "is not an .mdx post, so it will be ignored",
          fix: "rename it to end in .mdx, or move it out of this folder",
        });
      }
      continue;
    }
    // Its text unchanged since a build that kept its check (check-cache.ts): the same findings.
    const text = cache && readFileSync(absolute, "utf8");
    const kept = text === undefined ? undefined : cache?.get(absolute, text);
    let post: CheckedPost;
    if (kept) {
      post = kept.post;
      posts.push(post);
      problems.push(...kept.problems);
      links.push(...kept.links);
      if (kept.facts) keepFileFacts(absolute, kept.facts);
    } else {
      const [problemsBefore, linksBefore] = [problems.length, links.length];
      post = checkPost(contentFile, collection, file, text);
      if (text !== undefined)
        cache?.set(absolute, text, {
          post,
          problems: problems.slice(problemsBefore),
          links: links.slice(linksBefore),
          facts: post.data ? fileFacts(absolute) : undefined,
        });
    }
    // On disk beside the post, so checked on every build.
    if (post.data?.hero) {
      const image = resolve(dirname(absolute), post.data.hero.src);
      if (!existsSync(image)) {
        problems.push({
          file,
          line: post.lines && postLineOf(post.lines)(["hero", "src"]),
          field: "hero.src",
          message: `there is no image file at ${rel(image)}`,
          fix: "put the image next to the post and write its file name, e.g. src: ./my-picture.jpg",
        });
      }
    }
  }
  return { posts, problems, links };
}

/** The content check's last step: what spans posts (links, addresses, translations) and the report. */
function finishCheck(check: CheckStart, checked: PostsChecked): ContentReport {
  const { root, now, includeUnpublished, locales, entries, dataIds } = check;
  const problems = [...check.problems, ...checked.problems];
  const { posts } = checked;
  const lineOf = (post: CheckedPost) => (post.lines ? postLineOf(post.lines) : () => undefined);
  const routes: RouteIndex = new Map();
  const unpublished = new Map<string, string>();

  // Two files, one address.
  const byPath = new Map<string, CheckedPost[]>();
  for (const post of posts) byPath.set(post.path, [...(byPath.get(post.path) ?? []), post]);
  for (const [path, sharing] of byPath) {
    if (sharing.length < 2) continue;
    for (const post of sharing) {
      const others = sharing
        .filter((other) => other !== post)
        .map((other) => other.file)
        .join(", ");
      problems.push({
        file: post.file,
        field: "file name",
        message: `${post.file} and ${others} would both be published at ${path}`,
        fix: "rename one of the files: the file name is the page's address",
      });
    }
  }

  // What will be on the site, and with which ids.
  const visibility = { now, includeUnpublished };
  for (const route of staticRoutes(root)) routes.set(route, undefined);
  for (const locale of locales) {
    for (const id of dataIds[locale].topics) routes.set(localePath(topicPath(id), locale), undefined);
    for (const id of dataIds[locale].authors) routes.set(localePath(authorPath(id), locale), undefined);
    routes.set(
      localePath(glossaryPath(), locale),
      new Set([...dataIds[locale].glossary, ...GLOSSARY_LETTERS.map(letterAnchor)]),
    );
  }
  for (const post of posts) {
    // A post whose frontmatter has a mistake is still a page: its own problems are reported
    // above, and links to it should not be reported again.
    if (!post.data || !post.ids) {
      routes.set(post.path, undefined);
      continue;
    }
    if (isVisible(post.data, visibility)) {
      routes.set(
        post.path,
        pageIds(
          post.ids,
          post.data.sources.map((source) => source.id),
        ),
      );
    } else {
      unpublished.set(post.path, post.data.draft ? "a draft" : `scheduled for ${formatDate(post.data.published)}`);
    }
  }

  // Every page is known now: check the links the bodies make to them.
  for (const link of checked.links) problems.push(...checkPageLink(link, { routes, unpublished }));

  // Legacy addresses must be unique and must not shadow a real page.
  const legacyOwners = new Map<string, string>();
  for (const post of posts) {
    for (const [index, legacyPath] of (post.data?.legacyPaths ?? []).entries()) {
      const normalized = legacyPath.endsWith("/") || /\.[a-z0-9]+$/i.test(legacyPath) ? legacyPath : `${legacyPath}/`;
      const field = `legacyPaths[${index}]`;
      if (routes.has(normalized) || unpublished.has(normalized)) {
        problems.push({
          file: post.file,
          line: lineOf(post)(["legacyPaths", index]),
          field,
          message: `${legacyPath} is the address of a page on this site`,
          fix: "list only old addresses that no longer exist here",
        });
      } else if (legacyOwners.has(normalized)) {
        problems.push({
          file: post.file,
          line: lineOf(post)(["legacyPaths", index]),
          field,
          message: `${legacyPath} already redirects to ${legacyOwners.get(normalized)}`,
          fix: "an old address can redirect to one page only; remove it here or there",
        });
      } else {
        legacyOwners.set(normalized, post.file);
      }
    }
  }

  const redirects: Redirect[] = posts.flatMap((post) =>
    post.data && routes.has(post.path) && !unpublished.has(post.path)
      ? post.data.legacyPaths.map((from) => ({ from, to: post.path }))
      : [],
  );

  // Translations: each names an original that exists, alone, with the original's sources.
  for (const post of posts) {
    const data = post.data;
    entries.push({
      locale: post.locale,
      kind: post.collection,
      id: post.id,
      file: post.file,
      title: data?.title,
      readable: Boolean(data),
      translationOf: data?.translationOf,
      translated: data?.translated,
      updated: data?.updated,
      sourceIds: data?.sources.map((source) => source.id),
      languageMarks: (data?.sources ?? []).flatMap((source, index) =>
        source.language ? [{ path: ["sources", index, "language"], value: source.language }] : [],
      ),
      published: Boolean(data) && routes.has(post.path) && !unpublished.has(post.path),
      lineOf: lineOf(post),
    });
  }
  const fileOf = (locale: Locale, kind: ContentKind, id: string) => {
    const existing =
      kind === "articles" || kind === "guides"
        ? posts.find((post) => post.locale === locale && post.collection === kind && post.id === id)?.file
        : undefined;
    return (
      existing ??
      `${LANGUAGE_FOLDERS[locale].label}/${kind}/${id}.${kind === "articles" || kind === "guides" ? "mdx" : "yaml"}`
    );
  };
  problems.push(...checkTranslations(entries, fileOf));

  const published = posts.flatMap((post) =>
    post.data && routes.has(post.path) && !unpublished.has(post.path)
      ? [{ collection: post.collection, id: post.id, title: post.data.title, locale: post.locale }]
      : [],
  );
  // English pages that are not drafts, as `npm run reviews` lists them (src/lib/reviews.ts).
  const reviewDates: PageDates[] = posts.flatMap((post) =>
    post.locale === DEFAULT_LOCALE && post.data && !post.data.draft
      ? [
          {
            file: post.file,
            title: post.data.title,
            nextReview: post.data.nextReview && isoDay(post.data.nextReview),
            reviewed: post.data.reviewed && isoDay(post.data.reviewed),
          },
        ]
      : [],
  );
  return { problems, redirects, published, entries, overdue: overdueAmong(reviewDates, now) };
}

/** Line of a field in a YAML file (1-based), for problems found after the schema check. */
function yamlLines(text: string): (path: readonly (string | number)[]) => number | undefined {
  const table = yamlFieldLines(text);
  return (path) => lineInTable(table, path);
}
