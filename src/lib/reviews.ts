/**
 * Which pages are due for review: their `nextReview` date has passed or comes soon. Reads the
 * raw frontmatter so it works without a build (for `npm run reviews` and the build warning).
 */
import { globSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { parseMdx } from "./mdx-source.ts";
import { daysBetween, today } from "./dates.ts";
import { isRealCalendarDate } from "./schema.ts";

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

/** Published pages whose review is overdue or due within `withinDays` days, most urgent first. */
export function reviewsDue(contentDir: string, withinDays = REVIEW_WARNING_DAYS, now = new Date()): ReviewDue[] {
  const day = today(now);
  const due: ReviewDue[] = [];
  for (const name of globSync("{articles,guides}/*.{md,mdx}", { cwd: contentDir })) {
    const path = join(contentDir, name);
    let data: Record<string, unknown>;
    try {
      data = parseYaml(parseMdx(readFileSync(path, "utf8")).frontmatterText) ?? {};
    } catch {
      continue; // the content check reports unreadable files
    }
    const next = String(data.nextReview ?? "");
    if (data.draft === true || !isRealCalendarDate(next)) continue;
    const daysLeft = daysBetween(day, new Date(`${next}T00:00:00Z`));
    if (daysLeft > withinDays) continue;
    due.push({
      file: relative(process.cwd(), path).split(sep).join("/"),
      title: String(data.title ?? name),
      due: next,
      daysLeft,
      lastReviewed: typeof data.reviewed === "string" ? data.reviewed : undefined,
    });
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Pages whose review date has passed. */
export const overdueReviews = (contentDir: string, now = new Date()): ReviewDue[] =>
  reviewsDue(contentDir, 0, now).filter((page) => page.daysLeft < 0);

