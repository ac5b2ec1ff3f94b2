/**
 * What a pull request changes, for editors and reviewers: pages added, changed and removed
 * (from two content folders, before and after), each with its preview address, reading grade
 * and word count before and after, new warnings from the content check, and sources added or
 * removed. `scripts/change-summary.ts` prints it as Markdown for the pull request comment and
 * the job summary (.github/workflows/preview.yml).
 *
 * It reads content with the same code as the content check and the readability report, so the
 * numbers here are the numbers those print.
 */
import { readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { findContentFiles, listFiles, postFiles, readMdx } from "./content/index.ts";
import { READING_GRADE_LIMIT, proseBlocks, readingStats } from "./readability.ts";
import type { PostCollection } from "./paths.ts";
import { DEFAULT_LOCALE, localePath } from "./i18n.ts";
import { postPath } from "./urls.ts";
import { today } from "./dates.ts";
import { isError, validateContent, type Problem } from "./validate/index.ts";
import { markdownLink, markdownText } from "./github-markdown.ts";

export interface SourceRef {
  title: string;
  url: string;
  publisher?: string | undefined;
}

/** One article or guide as it stands in one content folder. */
export interface PageSnapshot {
  /** Path inside the content folder, e.g. "guides/insurance.mdx". */
  file: string;
  collection: PostCollection;
  /** Site path without the base path, e.g. "/guides/insurance/". */
  path: string;
  title: string;
  /** Reading grade and words; undefined when the file cannot be read as MDX. */
  grade?: number | undefined;
  words?: number | undefined;
  sources: SourceRef[];
  /** True when the build leaves it out (a draft, or scheduled for a later day). */
  unpublished: false | "draft" | "scheduled";
  text: string;
}

export interface PageChange {
  kind: "added" | "changed" | "removed";
  file: string;
  before?: PageSnapshot | undefined;
  after?: PageSnapshot | undefined;
  /** Content-check warnings on the new version that the old one did not have. */
  newWarnings: Problem[];
  addedSources: SourceRef[];
  removedSources: SourceRef[];
}

export interface ChangeSummary {
  pages: PageChange[];
  /** Other content files (authors, topics, glossary, images) added, changed or removed. */
  otherFiles: Array<{ file: string; kind: PageChange["kind"] }>;
  /** Errors the content check finds in the new version (they stop the build). */
  errors: number;
}

export interface CompareOptions {
  /** Repository root, for the site's own routes (src/pages) in the content check. */
  root?: string;
  now?: Date;
  /** The content check; tests pass their own. Files in its problems are relative to `root`. */
  check?: (contentDir: string) => Problem[];
}

/** Compares two content folders: `baseDir` before the change, `headDir` after it. */
export function compareContent(baseDir: string, headDir: string, options: CompareOptions = {}): ChangeSummary {
  const root = options.root ?? process.cwd();
  const now = options.now ?? new Date();
  const check = options.check ?? ((contentDir: string) => validateContent({ contentDir, root, now }));
  const base = resolve(root, baseDir);
  const head = resolve(root, headDir);
  const before = readPages(base, now);
  const after = readPages(head, now);
  const baseProblems = problemsByFile(check(base), base, root);
  const headProblems = problemsByFile(check(head), head, root);

  const pages: PageChange[] = [];
  for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const previous = before.get(file);
    const current = after.get(file);
    if (previous && current && previous.text === current.text) continue;
    const kind = !previous ? "added" : !current ? "removed" : "changed";
    const seen = new Set((baseProblems.get(file) ?? []).filter((problem) => !isError(problem)).map(problemKey));
    const newWarnings = current
      ? (headProblems.get(file) ?? []).filter((problem) => !isError(problem) && !seen.has(problemKey(problem)))
      : [];
    const urls = (page?: PageSnapshot) => new Set(page?.sources.map((source) => source.url) ?? []);
    const oldUrls = urls(previous);
    const newUrls = urls(current);
    pages.push({
      kind,
      file,
      before: previous,
      after: current,
      newWarnings,
      // A new page's sources are all new, and a reviewer checks each; a removed page's go with it.
      addedSources: current ? current.sources.filter((source) => !oldUrls.has(source.url)) : [],
      removedSources: kind === "changed" ? previous!.sources.filter((source) => !newUrls.has(source.url)) : [],
    });
  }

  const otherBefore = otherFiles(base);
  const otherAfter = otherFiles(head);
  const others: ChangeSummary["otherFiles"] = [];
  for (const file of [...new Set([...otherBefore.keys(), ...otherAfter.keys()])].sort()) {
    const previous = otherBefore.get(file);
    const current = otherAfter.get(file);
    if (previous === undefined) others.push({ file, kind: "added" });
    else if (current === undefined) others.push({ file, kind: "removed" });
    else if (!previous.equals(current)) others.push({ file, kind: "changed" });
  }

  const errors = [...headProblems.values()].flat().filter(isError).length;
  return { pages, otherFiles: others, errors };
}

/** Every article and guide in a content folder (translations included), by its path inside the folder. */
export function readPages(contentDir: string, now = new Date()): Map<string, PageSnapshot> {
  const pages = new Map<string, PageSnapshot>();
  for (const { absolute, path: file, kind, id, name, locale } of postFiles(findContentFiles(contentDir))) {
    const collection = kind as PostCollection;
    const page: PageSnapshot = {
      file,
      collection,
      path: localePath(postPath(collection, id), locale),
      title: name,
      sources: [],
      unpublished: false,
      text: readFileSync(absolute, "utf8"),
    };
    try {
      const source = readMdx(absolute);
      // The grade is an English formula: a translation shows its word count only.
      const stats = readingStats(proseBlocks(source.tree));
      if (locale === DEFAULT_LOCALE) page.grade = stats.grade;
      page.words = stats.words;
      const data = (parseYaml(source.frontmatterText) ?? {}) as Record<string, unknown>;
      if (typeof data.title === "string") page.title = data.title;
      page.sources = sourceList(data.sources);
      const published = typeof data.published === "string" ? new Date(`${data.published}T00:00:00Z`) : undefined;
      if (data.draft === true) page.unpublished = "draft";
      else if (published && published.getTime() > today(now).getTime()) page.unpublished = "scheduled";
    } catch {
      // The content check reports a file it cannot read; the summary still lists the page.
    }
    pages.set(file, page);
  }
  return pages;
}

function sourceList(value: unknown): SourceRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: Record<string, unknown>) =>
    item && typeof item.url === "string"
      ? [
          {
            title: String(item.title ?? item.url),
            url: item.url,
            publisher: typeof item.publisher === "string" ? item.publisher : undefined,
          },
        ]
      : [],
  );
}

/** Files outside the post folders (authors, topics, glossary, images), with their bytes. */
function otherFiles(contentDir: string): Map<string, Buffer> {
  const posts = new Set(postFiles(findContentFiles(contentDir)).map((file) => file.path));
  const files = new Map<string, Buffer>();
  for (const file of listFiles(contentDir)) if (!posts.has(file)) files.set(file, readFileSync(join(contentDir, file)));
  return files;
}

/** Problems grouped by path inside the content folder. */
function problemsByFile(problems: readonly Problem[], contentDir: string, root: string): Map<string, Problem[]> {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const file = relative(contentDir, resolve(root, problem.file)).split(sep).join("/");
    byFile.set(file, [...(byFile.get(file) ?? []), problem]);
  }
  return byFile;
}

/** A warning is the same warning when its field and message are, wherever its line moved to. */
const problemKey = (problem: Problem): string => `${problem.field}\u0000${problem.message}`;

export interface SummaryOptions {
  /** The pull request's preview, e.g. "https://owner.github.io/repo/pr-preview/pr-12/". */
  previewBase?: string | undefined;
  /** The pull request comes from a fork: no preview is published, and the summary says why. */
  fork?: boolean | undefined;
}

/** The summary as Markdown, for the pull request comment and the job summary. */
export function summaryMarkdown(summary: ChangeSummary, options: SummaryOptions = {}): string {
  const previewBase = options.previewBase && !options.fork ? options.previewBase.replace(/\/?$/, "/") : undefined;
  const lines = ["## What this pull request changes", ""];
  if (previewBase) {
    lines.push(
      `**Preview:** ${previewBase} (the whole site with these changes; it updates a minute or two after each commit)`,
      "",
    );
  } else if (options.fork) {
    lines.push(
      "**No preview for this pull request.** It comes from a fork (a copy of the site's repository under another account), and GitHub does not let pull requests from forks publish anything. The checks still run. To get a preview, ask a maintainer for write access and propose your next change from a branch of this repository.",
      "",
    );
  }
  if (summary.errors > 0) {
    lines.push(
      `**The content check finds ${summary.errors} problem${summary.errors === 1 ? "" : "s"}.** Each one is shown on its line under **Files changed**; fix them and the site can be built.`,
      "",
    );
  }

  if (summary.pages.length === 0) {
    lines.push("No article or guide is added, changed or removed.", "");
  } else {
    lines.push("| Page | Change | Reading grade | Words |", "| --- | --- | --- | --- |");
    for (const change of summary.pages) {
      const page = (change.after ?? change.before)!;
      const title = markdownText(page.title);
      let name = `${title}<br>\`content/${change.file}\``;
      if (change.after && previewBase && !change.after.unpublished)
        name = `[${title}](${previewBase}${change.after.path.slice(1)})<br>\`content/${change.file}\``;
      if (change.after?.unpublished) name += ` (${change.after.unpublished}: not in the preview)`;
      lines.push(`| ${name} | ${change.kind} | ${beforeAfter(change, "grade")} | ${beforeAfter(change, "words")} |`);
    }
    lines.push("");
    for (const change of summary.pages) {
      const details = [
        ...change.newWarnings.map(
          (problem) =>
            `- New warning${problem.line ? ` (line ${problem.line})` : ""}: ${markdownText(`${problem.field}: ${problem.message}`)}. Fix: ${markdownText(problem.fix.replace(/\s*\n\s*/g, " "))}`,
        ),
        ...change.addedSources.map((source) => `- Source added: ${sourceLink(source)}`),
        ...change.removedSources.map((source) => `- Source removed: ${sourceLink(source)}`),
      ];
      if (details.length === 0) continue;
      lines.push(`**${markdownText((change.after ?? change.before)!.title)}**`, "", ...details, "");
    }
  }

  if (summary.otherFiles.length > 0) {
    lines.push(
      `Other content files: ${summary.otherFiles.map((other) => `\`content/${other.file}\` (${other.kind})`).join(", ")}.`,
      "",
    );
  }
  lines.push(`Reading grade: aim for about 8; above ${READING_GRADE_LIMIT} fails the checks.`);
  return `${lines.join("\n")}\n`;
}

function beforeAfter(change: PageChange, key: "grade" | "words"): string {
  const show = (page?: PageSnapshot) => {
    const value = page?.[key];
    if (value === undefined) return "–";
    if (key === "words") return value.toLocaleString("en-US");
    return `${value.toFixed(1)}${value > READING_GRADE_LIMIT ? ` (above ${READING_GRADE_LIMIT})` : ""}`;
  };
  if (change.kind === "added") return show(change.after);
  if (change.kind === "removed") return `${show(change.before)} → –`;
  return `${show(change.before)} → ${show(change.after)}`;
}

const sourceLink = (source: SourceRef): string =>
  `${markdownLink(source.title, source.url)}${source.publisher ? ` (${markdownText(source.publisher)})` : ""}`;
