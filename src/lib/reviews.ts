/**
 * Which pages need a review: their `nextReview` date has passed or comes soon, or no clinician
 * has ever reviewed them (no `reviewed` date). Reads the raw frontmatter so it works without a
 * build (for `npm run reviews`, the weekly review issue and the build warning).
 */
import { relative, sep } from "node:path";
import { findContentFiles, postFiles, readEntryData } from "./content/index.ts";
import { daysBetween, today } from "./dates.ts";
import { isRealCalendarDate } from "./schema.ts";
import { markdownText } from "./github-markdown.ts";

export const REVIEW_WARNING_DAYS = 60;

export interface ReviewDue {
  file: string;
  title: string;
  /** The nextReview date, YYYY-MM-DD. */
  due: string;
  /** Days until due; negative when overdue. */
  daysLeft: number;
  lastReviewed?: string | undefined;
}

/** A page no named clinician has reviewed yet. */
export interface NeverReviewed {
  file: string;
  title: string;
  /** Its nextReview date, when it has one. */
  due?: string | undefined;
}

/** A page's review dates, as `npm run reviews` reads them or as the content check parsed them. */
export interface PageDates {
  file: string;
  title: string;
  nextReview?: string | undefined;
  reviewed?: string | undefined;
}

/** Every article and guide that is not a draft, with its review dates, in file order. */
function pagesToReview(contentDir: string): PageDates[] {
  const pages: PageDates[] = [];
  for (const { absolute: path, name } of postFiles(findContentFiles(contentDir), "en")) {
    const data = readEntryData(path);
    // The content check reports unreadable files.
    if (!data || data.draft === true) continue;
    const date = (value: unknown) => (typeof value === "string" && isRealCalendarDate(value) ? value : undefined);
    pages.push({
      file: relative(process.cwd(), path).split(sep).join("/"),
      title: String(data.title ?? name),
      nextReview: date(data.nextReview),
      reviewed: date(data.reviewed),
    });
  }
  return pages;
}

/** Published pages whose review is overdue or due within `withinDays` days, most urgent first. */
export const reviewsDue = (contentDir: string, withinDays = REVIEW_WARNING_DAYS, now = new Date()): ReviewDue[] =>
  dueAmong(pagesToReview(contentDir), withinDays, now);

/** Of these pages, those whose review is overdue or due within `withinDays` days, most urgent first. */
export function dueAmong(pages: readonly PageDates[], withinDays = REVIEW_WARNING_DAYS, now = new Date()): ReviewDue[] {
  const day = today(now);
  const due: ReviewDue[] = [];
  for (const page of pages) {
    if (!page.nextReview) continue;
    const daysLeft = daysBetween(day, new Date(`${page.nextReview}T00:00:00Z`));
    if (daysLeft > withinDays) continue;
    due.push({ file: page.file, title: page.title, due: page.nextReview, daysLeft, lastReviewed: page.reviewed });
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Of these pages, those whose review date has passed. */
export const overdueAmong = (pages: readonly PageDates[], now = new Date()): ReviewDue[] =>
  dueAmong(pages, 0, now).filter((page) => page.daysLeft < 0);

/** Pages with no `reviewed` date: no named clinician has checked them yet. In file order. */
export const neverReviewed = (contentDir: string): NeverReviewed[] =>
  pagesToReview(contentDir)
    .filter((page) => !page.reviewed)
    .map((page) => ({ file: page.file, title: page.title, due: page.nextReview }));

/** "OVERDUE by 3 days", "due today", "due in 12 days". */
export const dueWording = (daysLeft: number): string =>
  daysLeft < 0
    ? `OVERDUE by ${-daysLeft} day${daysLeft === -1 ? "" : "s"}`
    : daysLeft === 0
      ? "due today"
      : `due in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;

export const AFTER_REVIEW =
  "After checking a page: set a new `nextReview`; set `updated` if the content changed; set `reviewed` and `reviewedBy` only after a real clinical review by the named person.";

export interface ReviewIssueOptions {
  /** Start of a link to each file, e.g. "https://github.com/OWNER/REPO/blob/main/". */
  linkBase?: string | undefined;
  /** The day of the check, shown in the issue. */
  now?: Date;
}

/**
 * The body of the one "pages due for review" issue the weekly workflow keeps up to date
 * (.github/workflows/reviews.yml): overdue pages, pages due soon, and, in their own section,
 * pages never clinically reviewed. Markdown; every title is escaped so a page title cannot
 * turn into a link or a mention.
 */
export function reviewIssueBody(
  due: readonly ReviewDue[],
  never: readonly NeverReviewed[],
  options: ReviewIssueOptions = {},
): string {
  const day = today(options.now).toISOString().slice(0, 10);
  const link = (file: string) => (options.linkBase ? `[\`${file}\`](${options.linkBase}${file})` : `\`${file}\``);
  const overdue = due.filter((page) => page.daysLeft < 0);
  const soon = due.filter((page) => page.daysLeft >= 0);
  const lines = [
    `Checked ${day} by the weekly review workflow. This issue is updated every week and closed when no page is due; edits to it are overwritten.`,
    "",
    `**${overdue.length} overdue, ${soon.length} due within ${REVIEW_WARNING_DAYS} days, ${never.length} never clinically reviewed.**`,
  ];
  const section = (heading: string, pages: readonly ReviewDue[]) => {
    if (pages.length === 0) return;
    lines.push("", `## ${heading}`, "");
    for (const page of pages) {
      const last = page.lastReviewed ? `last clinically reviewed ${page.lastReviewed}` : "never clinically reviewed";
      lines.push(
        `- ${link(page.file)}: ${markdownText(page.title)}. Review ${dueWording(page.daysLeft)} (${page.due}); ${last}.`,
      );
    }
  };
  section("Overdue", overdue);
  section(`Due within ${REVIEW_WARNING_DAYS} days`, soon);
  if (never.length > 0) {
    lines.push(
      "",
      "## Never clinically reviewed",
      "",
      "These pages have no `reviewed` date: no named clinician has checked them. Ask a clinician to review them, and record it only when that review has really happened.",
      "",
    );
    for (const page of never)
      lines.push(`- ${link(page.file)}: ${markdownText(page.title)}${page.due ? ` (next review ${page.due})` : ""}`);
  }
  lines.push("", "## What to do", "", AFTER_REVIEW, "CONTRIBUTING.md (Reviews) explains each field.");
  return `${lines.join("\n")}\n`;
}
