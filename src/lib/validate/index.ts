/**
 * The editors' reviewer: checks all content the way the build will use it and reports every
 * mistake at once, each with file, line, field and fix. Runs before every build (see
 * src/integrations/content-guard.ts), from `npm run validate`, and in the fixture tests.
 */
import { existsSync, globSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import GithubSlugger from "github-slugger";
import { parse as parseYaml } from "yaml";
import type { z } from "astro/zod";
import { parseMdx, type MdxSource } from "../mdx-source.ts";
import { authorSchema, glossarySchema, topicSchema } from "../schema.ts";
import { isVisible } from "../posts.ts";
import { formatDate } from "../dates.ts";
import { POST_COLLECTIONS, type PostCollection } from "../paths.ts";
import { checkFrontmatter, fieldName, type PostData } from "./frontmatter.ts";
import { checkBody, citedSourceIds, outline, pageIds, type BodyOutline, type RouteIndex } from "./body.ts";
import type { Problem } from "./problems.ts";
import { plainLanguageWarnings } from "./plain-language.ts";
import { READING_GRADE_LIMIT, proseBlocks, readingStats } from "../readability.ts";

import type { Redirect } from "../redirects.ts";

export { formatReport, isError, type Problem } from "./problems.ts";

export interface ValidateOptions {
  /** The content folder (with articles/, guides/, authors/, topics/, glossary/). */
  contentDir: string;
  /** The repository root, for relative file names in messages and for src/pages. */
  root?: string;
  /** Date the build runs, for scheduled posts. */
  now?: Date;
  /** Dev server: drafts and scheduled posts are pages too. */
  includeUnpublished?: boolean;
}

interface LoadedPost {
  file: string;
  absolute: string;
  collection: PostCollection;
  id: string;
  path: string;
  source?: MdxSource;
  body?: BodyOutline;
  data?: PostData;
  /** Line of a frontmatter field, for problems found after the frontmatter check. */
  lineOf?: (path: readonly (string | number)[]) => number;
}

const DATA_COLLECTIONS = { authors: authorSchema, topics: topicSchema, glossary: glossarySchema } as const;

/** Every mistake in the content, each with file, line, field and fix. */
export function validateContent(options: ValidateOptions): Problem[] {
  return inspectContent(options).problems;
}

export interface ContentReport {
  problems: Problem[];
  /** Old addresses of published posts, to redirect (see src/lib/redirects.ts). */
  redirects: Redirect[];
  /** The posts this build publishes, for build steps that need them before Astro renders. */
  published: Array<{ collection: PostCollection; id: string; title: string }>;
}

/** The content check, plus what it learned that the build needs next (the redirects). */
export function inspectContent(options: ValidateOptions): ContentReport {
  const root = options.root ?? process.cwd();
  const contentDir = resolve(root, options.contentDir);
  const now = options.now ?? new Date();
  const includeUnpublished = options.includeUnpublished ?? false;
  const rel = (path: string) => relative(root, path).split(sep).join("/");
  const problems: Problem[] = [];

  // Data collections: authors, topics, glossary.
  const dataIds: Record<keyof typeof DATA_COLLECTIONS, string[]> = { authors: [], topics: [], glossary: [] };
  const glossaryWords = new Set<string>();
  /** Authors with clinical credentials: only they may be named as a page's reviewer. */
  const credentialed = new Set<string>();
  for (const [collection, schema] of Object.entries(DATA_COLLECTIONS) as Array<[keyof typeof DATA_COLLECTIONS, z.ZodType]>) {
    for (const name of listFiles(contentDir, collection, "*.{yaml,yml}")) {
      const absolute = join(contentDir, collection, name);
      const id = new GithubSlugger().slug(name.replace(/\.ya?ml$/, ""));
      dataIds[collection].push(id);
      let data: unknown;
      try {
        data = parseYaml(readFileSync(absolute, "utf8"));
      } catch (error) {
        problems.push({ file: rel(absolute), field: "yaml", message: `cannot be read: ${(error as Error).message.split("\n")[0]}`, fix: "check indentation and quotes" });
        continue;
      }
      const parsed = schema.safeParse(data);
      if (parsed.success && collection === "glossary") {
        const entry = parsed.data as { term: string; aliases: string[] };
        for (const word of [entry.term, ...entry.aliases, id]) glossaryWords.add(word.toLowerCase());
      }
      if (parsed.success && collection === "authors" && (parsed.data as { credentials?: string }).credentials) credentialed.add(id);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({
            file: rel(absolute),
            field: fieldName(issue.path.filter((part): part is string | number => typeof part !== "symbol")),
            message: issue.code === "invalid_type" && issue.input === undefined ? "is missing" : issue.message,
            fix: `see an existing file in content/${collection}/ for the fields it needs`,
          });
        }
      }
    }
  }

  // Posts: frontmatter first (their sources and dates feed the body checks).
  const known = { authors: dataIds.authors, topics: dataIds.topics };
  const posts: LoadedPost[] = [];
  for (const collection of POST_COLLECTIONS) {
    for (const name of listFiles(contentDir, collection, "**/*")) {
      const absolute = join(contentDir, collection, name);
      const file = rel(absolute);
      if (name.includes("/")) {
        problems.push({ file, field: "file", message: "posts cannot be in sub-folders", fix: `move it to content/${collection}/${name.split("/").pop()}` });
        continue;
      }
      if (!/\.mdx?$/.test(name)) {
        if (!/^\.|\.(png|jpe?g|webp|avif|svg|gif)$/i.test(name)) {
          problems.push({ file, field: "file", message: "is not an .mdx post, so it will be ignored", fix: "rename it to end in .mdx, or move it out of this folder" });
        }
        continue;
      }
      const id = new GithubSlugger().slug(name.replace(/\.mdx?$/, ""));
      const post: LoadedPost = { file, absolute, collection, id, path: `/${collection}/${id}/` };
      posts.push(post);
      const text = readFileSync(absolute, "utf8");
      try {
        post.source = parseMdx(text);
        post.body = outline(post.source.tree);
      } catch (error) {
        const { line, reason } = mdxError(error);
        problems.push({ file, line, field: "MDX", message: `the file cannot be read as MDX: ${reason}`, fix: "check that every <Tag> is closed and that { } and < > are used only for components" });
        continue;
      }
      const result = checkFrontmatter(post.source.frontmatterText, collection, known, { file, firstLine: post.source.frontmatterLine });
      problems.push(...result.problems);
      post.lineOf = result.lineOf;
      if (result.data) post.data = result.data;
    }
  }

  // Two files, one address.
  const byPath = new Map<string, LoadedPost[]>();
  for (const post of posts) byPath.set(post.path, [...(byPath.get(post.path) ?? []), post]);
  for (const [path, sharing] of byPath) {
    if (sharing.length < 2) continue;
    for (const post of sharing) {
      const others = sharing.filter((other) => other !== post).map((other) => other.file).join(", ");
      problems.push({ file: post.file, field: "file name", message: `${post.file} and ${others} would both be published at ${path}`, fix: "rename one of the files: the file name is the page's address" });
    }
  }

  // What will be on the site, and with which ids.
  const visibility = { now, includeUnpublished };
  const routes: RouteIndex = new Map();
  const unpublished = new Map<string, string>();
  for (const route of staticRoutes(root)) routes.set(route, undefined);
  for (const id of dataIds.topics) routes.set(`/topics/${id}/`, undefined);
  for (const id of dataIds.authors) routes.set(`/authors/${id}/`, undefined);
  routes.set("/glossary/", new Set([...dataIds.glossary, ...LETTER_IDS]));
  for (const post of posts) {
    // A post whose frontmatter has a mistake is still a page: its own problems are reported
    // above, and links to it should not be reported again.
    if (!post.data || !post.body) {
      routes.set(post.path, undefined);
      continue;
    }
    if (isVisible(post.data, visibility)) {
      routes.set(post.path, pageIds(post.body, post.data.sources.map((source) => source.id)));
    } else {
      unpublished.set(post.path, post.data.draft ? "a draft" : `scheduled for ${formatDate(post.data.published)}`);
    }
  }

  // Legacy addresses must be unique and must not shadow a real page.
  const legacyOwners = new Map<string, string>();
  for (const post of posts) {
    for (const [index, legacyPath] of (post.data?.legacyPaths ?? []).entries()) {
      const normalized = legacyPath.endsWith("/") || /\.[a-z0-9]+$/i.test(legacyPath) ? legacyPath : `${legacyPath}/`;
      const field = `legacyPaths[${index}]`;
      if (routes.has(normalized) || unpublished.has(normalized)) {
        problems.push({ file: post.file, line: post.lineOf?.(["legacyPaths", index]), field, message: `${legacyPath} is the address of a page on this site`, fix: "list only old addresses that no longer exist here" });
      } else if (legacyOwners.has(normalized)) {
        problems.push({ file: post.file, line: post.lineOf?.(["legacyPaths", index]), field, message: `${legacyPath} already redirects to ${legacyOwners.get(normalized)}`, fix: "an old address can redirect to one page only; remove it here or there" });
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

  // Bodies and images.
  const glossaryIds = new Set(dataIds.glossary);
  for (const post of posts) {
    if (!post.body || !post.data) continue;
    if (post.data.hero) {
      const image = resolve(dirname(post.absolute), post.data.hero.src);
      if (!existsSync(image)) {
        problems.push({ file: post.file, line: post.lineOf?.(["hero", "src"]), field: "hero.src", message: `there is no image file at ${rel(image)}`, fix: "put the image next to the post and write its file name, e.g. src: ./my-picture.jpg" });
      }
    }
    if (post.data.reviewedBy && !credentialed.has(post.data.reviewedBy)) {
      problems.push({ file: post.file, line: post.lineOf?.(["reviewedBy"]), field: "reviewedBy", message: `the reviewer "${post.data.reviewedBy}" has no \`credentials\` in content/authors/${post.data.reviewedBy}.yaml`, fix: "a clinical review names a clinician with credentials (e.g. credentials: MD); add them there, or remove `reviewed` and `reviewedBy`" });
    }
    const tree = post.source!.tree;
    const { grade } = readingStats(proseBlocks(tree));
    if (grade > READING_GRADE_LIMIT) {
      problems.push({ file: post.file, field: "reading grade", message: `the page reads at grade ${grade.toFixed(1)}; the limit is ${READING_GRADE_LIMIT}`, fix: "use shorter sentences and everyday words (npm run readability shows each page's grade and its long sentences)" });
    }
    // Only MDX can cite (<Cite>); a plain Markdown post lists its sources without markers.
    const cited = citedSourceIds(post.body);
    if (post.file.endsWith(".mdx")) post.data.sources.forEach((source, index) => {
      if (!cited.has(source.id)) {
        problems.push({ file: post.file, line: post.lineOf?.(["sources", index, "id"]), field: `sources[${index}]`, message: `the source "${source.id}" is listed but never cited`, fix: `cite it after the sentence it supports with <Cite id="${source.id}" />, or remove it from \`sources\`` });
      }
    });
    problems.push(...plainLanguageWarnings(tree, { file: post.file, glossaryWords }));
    problems.push(
      ...checkBody(post.body, {
        file: post.file,
        path: post.path,
        sourceIds: new Set(post.data.sources.map((source) => source.id)),
        glossaryIds,
        routes,
        unpublished,
      }),
    );
  }
  const published = posts.flatMap((post) =>
    post.data && routes.has(post.path) && !unpublished.has(post.path)
      ? [{ collection: post.collection, id: post.id, title: post.data.title }]
      : [],
  );
  return { problems, redirects, published };
}

const LETTER_IDS = Array.from({ length: 26 }, (_, index) => `letter-${String.fromCharCode(65 + index)}`);

function listFiles(contentDir: string, folder: string, pattern: string): string[] {
  const dir = join(contentDir, folder);
  if (!existsSync(dir)) return [];
  return globSync(pattern, { cwd: dir, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Routes of the pages in src/pages that have no parameter, e.g. "/guides/" and "/rss.xml". */
export function staticRoutes(root: string): string[] {
  const pagesDir = join(root, "src", "pages");
  if (!existsSync(pagesDir)) return ["/"];
  const routes = globSync("**/*.{astro,ts,md,mdx}", { cwd: pagesDir })
    .map((file) => file.split(sep).join("/"))
    .filter((file) => !file.includes("["))
    .map((file) => {
      const withoutExtension = file.replace(/\.(astro|md|mdx)$/, "").replace(/\.ts$/, "");
      if (/\.[a-z]+$/.test(withoutExtension)) return `/${withoutExtension}`;
      const path = withoutExtension.replace(/(^|\/)index$/, "");
      return path ? `/${path}/` : "/";
    })
    .filter((route) => route !== "/404/");
  return [...routes, "/sitemap-index.xml"];
}

function mdxError(error: unknown): { line?: number; reason: string } {
  const value = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
  const reason = value.reason ?? value.message ?? String(error);
  // The parser puts the position at the start of its message: "31:1: Expected a closing tag...".
  const position = /^(\d+):\d+:\s*/.exec(reason);
  const line = value.line ?? value.place?.line ?? value.place?.start?.line ?? Number(position?.[1] ?? 0);
  const text = (position ? reason.slice(position[0].length) : reason).replace(/\s*\([\w:-]+\)$/, "");
  return { ...(line ? { line } : {}), reason: text.split("\n")[0] ?? "" };
}
