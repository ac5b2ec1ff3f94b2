/**
 * Every external source a page cites must keep working. This collects the addresses from the
 * content itself (each post's `sources[].url`, each glossary entry's `source.url`) rather than
 * crawling the built site, checks them with linkinator, and sorts the answers into dead links
 * (the page is gone) and links to check by hand (the site refused an automated visit).
 * `npm run source-links` runs it; .github/workflows/source-links.yml runs it weekly.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { LinkChecker, type LinkResult } from "linkinator";
import { findContentFiles, loadedFiles, postFiles, readEntryData } from "./content/index.ts";
import { markdownLink, markdownText } from "./github-markdown.ts";

export interface Citation {
  /** File that cites the address, relative to the repository root. */
  file: string;
  /** The page's title or the glossary term. */
  title: string;
  /** Where in the file: "sources[2].url" or "source.url". */
  field: string;
}

export interface SourceLink {
  url: string;
  citedBy: Citation[];
}

/** Every external source address in the content, once each, with every place that cites it. */
export function sourceLinks(contentDir: string, root = process.cwd()): SourceLink[] {
  const byUrl = new Map<string, Citation[]>();
  const add = (url: unknown, citation: Citation) => {
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) return;
    byUrl.set(url, [...(byUrl.get(url) ?? []), citation]);
  };
  const rel = (path: string) => relative(root, path).split(sep).join("/");

  const files = findContentFiles(contentDir);
  for (const { absolute: path, name } of postFiles(files)) {
    const data = readEntryData(path);
    if (!data) continue; // the content check reports unreadable files
    const title = String(data.title ?? name);
    if (!Array.isArray(data.sources)) continue;
    for (const [index, source] of (data.sources as Array<Record<string, unknown> | null>).entries()) {
      add(source?.url, { file: rel(path), title, field: `sources[${index}].url` });
    }
  }
  for (const { absolute: path, name } of loadedFiles(files, "glossary")) {
    const data = readEntryData(path);
    if (!data) continue;
    const source = data.source as Record<string, unknown> | undefined;
    add(source?.url, { file: rel(path), title: String(data.term ?? name), field: "source.url" });
  }
  return [...byUrl].map(([url, citedBy]) => ({ url, citedBy }));
}

/** What a check found: `dead` opens the issue; `unsure` is listed for a person to try. */
export type Verdict = "ok" | "dead" | "unsure";

export interface CheckedLink extends SourceLink {
  verdict: Verdict;
  /** HTTP status, or 0 when the site did not answer. */
  status: number;
  /** In plain words, for the report. */
  reason: string;
}

/**
 * 404 and 410 mean the page is gone; no answer at all means the site is gone or unreachable
 * (linkinator has already retried). 401, 403, 429, 999 and server errors are what sites send
 * to automated visitors they block, so a person has to try those in a browser.
 */
export function verdictOf(status: number): { verdict: Verdict; reason: string } {
  if (status >= 200 && status < 400) return { verdict: "ok", reason: `${status}` };
  if (status === 0) return { verdict: "dead", reason: "no answer: the site could not be reached" };
  if (status === 404 || status === 410) return { verdict: "dead", reason: `${status}: the page is not there any more` };
  if ([401, 403, 429, 999].includes(status))
    return { verdict: "unsure", reason: `${status}: the site refused an automated check` };
  if (status >= 500) return { verdict: "unsure", reason: `${status}: the site had an error; it may be temporary` };
  return { verdict: "dead", reason: `${status}: the site rejected the address` };
}

export interface CheckOptions {
  /** Milliseconds to wait for each site. */
  timeout?: number;
  concurrency?: number;
  /** Retry failed requests and 429s (what the weekly job does; the tests turn it off). */
  retry?: boolean;
}

/** Checks each address once with linkinator and gives each a verdict. */
export async function checkSourceLinks(
  links: readonly SourceLink[],
  options: CheckOptions = {},
): Promise<CheckedLink[]> {
  if (links.length === 0) return [];
  // linkinator checks the links on a page: give it one page listing every address.
  const dir = mkdtempSync(join(tmpdir(), "source-links-"));
  const page = join(dir, "index.html");
  const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  writeFileSync(
    page,
    `<!doctype html><title>sources</title><ul>${links.map((link) => `<li><a href="${escapeText(link.url)}">${escapeText(link.url)}</a>`).join("")}</ul>\n`,
  );
  let results: LinkResult[];
  try {
    const retry = options.retry ?? true;
    ({ links: results } = await new LinkChecker().check({
      path: page,
      recurse: false,
      timeout: options.timeout ?? 20_000,
      concurrency: options.concurrency ?? 8,
      retry,
      retryErrors: retry,
      retryErrorsCount: retry ? 2 : 0,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const normal = (url: string) => {
    try {
      return new URL(url).href;
    } catch {
      return url;
    }
  };
  const byUrl = new Map(results.map((result) => [normal(result.url), result]));
  return links.map((link) => {
    const result = byUrl.get(normal(link.url));
    const status = result?.status ?? 0;
    const { verdict, reason } =
      result?.state === "SKIPPED"
        ? { verdict: "unsure" as const, reason: "skipped by the checker" }
        : verdictOf(status);
    return { ...link, verdict, status, reason };
  });
}

export interface ReportOptions {
  /** Start of a link to each file, e.g. "https://github.com/OWNER/REPO/blob/main/". */
  linkBase?: string | undefined;
  now?: Date;
}

/** The body of the one "dead source links" issue (Markdown). */
export function sourceLinksIssueBody(checked: readonly CheckedLink[], options: ReportOptions = {}): string {
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const dead = checked.filter((link) => link.verdict === "dead");
  const unsure = checked.filter((link) => link.verdict === "unsure");
  const file = (path: string) => (options.linkBase ? markdownLink(path, `${options.linkBase}${path}`) : `\`${path}\``);
  const entry = (link: CheckedLink) => [
    `- ${markdownLink(link.url, link.url)}: ${markdownText(link.reason)}. Cited by:`,
    ...link.citedBy.map(
      (citation) => `  - ${file(citation.file)} (${markdownText(citation.title)}), \`${citation.field}\``,
    ),
  ];
  const lines = [
    `Checked ${day} by the weekly source-link workflow: ${checked.length} source address${checked.length === 1 ? "" : "es"}, ${dead.length} dead, ${unsure.length} to check by hand. This issue is updated every week and closed when no link is dead; edits to it are overwritten.`,
  ];
  if (dead.length > 0) {
    lines.push(
      "",
      "## Dead links",
      "",
      "Find where the source moved (the publisher's site search, or a web archive), then update `url` and `accessed` (or `year`) in each file below. If the source is gone for good, cite another one for the same facts.",
      "",
    );
    for (const link of dead) lines.push(...entry(link));
  }
  if (unsure.length > 0) {
    lines.push(
      "",
      "## To check by hand",
      "",
      "These sites refused the automated check or had an error. Open each address in a browser; only a page that is really gone needs a change.",
      "",
    );
    for (const link of unsure) lines.push(...entry(link));
  }
  return `${lines.join("\n")}\n`;
}
