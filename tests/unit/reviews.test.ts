/**
 * Reviews that do not get forgotten: pages due (overdue or within 60 days), pages never
 * clinically reviewed, and the body of the weekly review issue built from them.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { neverReviewed, reviewIssueBody, reviewsDue } from "../../src/lib/reviews";
import { inspectContent } from "../../src/lib/validate/index";

const NOW = new Date("2026-12-20T09:00:00Z");
let dir: string;

/** The good fixture site plus pages with every kind of review date. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reviews-"));
  cpSync("tests/fixtures/content", dir, { recursive: true });
  const article = readFileSync(join(dir, "articles/good-article.mdx"), "utf8");
  const withDates = (title: string, dates: string) =>
    article.replace(/^title: .*$/m, `title: "${title}"`).replace(/^nextReview: .*$/m, dates);
  writeFileSync(
    join(dir, "articles/overdue.mdx"),
    withDates("Overdue *page*", "nextReview: 2026-12-01\nreviewed: 2025-12-01\nreviewedBy: editorial-team"),
  );
  writeFileSync(join(dir, "articles/due-soon.mdx"), withDates("Due soon", "nextReview: 2027-02-09"));
  writeFileSync(
    join(dir, "articles/later.mdx"),
    withDates("Later", "nextReview: 2027-06-01\nreviewed: 2026-06-01\nreviewedBy: editorial-team"),
  );
  writeFileSync(join(dir, "articles/draft.mdx"), withDates("A draft", "nextReview: 2026-01-01\ndraft: true"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (file: string) => relative(relative(process.cwd(), dir), file);

describe("reviewsDue and neverReviewed", () => {
  test("overdue first, then due within 60 days; later pages and drafts are left out", () => {
    const due = reviewsDue(dir, 60, NOW);
    expect(due.map((page) => [rel(page.file), page.daysLeft, page.lastReviewed])).toEqual([
      ["articles/overdue.mdx", -19, "2025-12-01"],
      ["articles/due-soon.mdx", 51, undefined],
    ]);
  });

  test("the content check finds the same overdue page from the frontmatter it parsed (the build's warning)", () => {
    const { overdue } = inspectContent({ contentDir: dir, now: NOW });
    expect(overdue).toEqual(reviewsDue(dir, 0, NOW).filter((page) => page.daysLeft < 0));
    expect(overdue.map((page) => [rel(page.file), page.daysLeft])).toEqual([["articles/overdue.mdx", -19]]);
  });

  test("pages with no `reviewed` date are listed as never clinically reviewed (drafts are not)", () => {
    expect(neverReviewed(dir).map((page) => rel(page.file))).toEqual([
      "articles/due-soon.mdx",
      "articles/good-article.mdx",
      "guides/good-guide.mdx",
    ]);
  });
});

describe("the review issue body", () => {
  test("sections for overdue, due soon and never reviewed, with links to the files", () => {
    const body = reviewIssueBody(reviewsDue(dir, 60, NOW), neverReviewed(dir), {
      now: NOW,
      linkBase: "https://github.com/o/r/blob/main/",
    });
    expect(body).toContain("**1 overdue, 1 due within 60 days, 3 never clinically reviewed.**");
    const section = (heading: string) => body.split(`## ${heading}\n`)[1]!.split("\n## ")[0]!;
    expect(section("Overdue")).toMatch(
      /- \[`[^`]*articles\/overdue\.mdx`\]\(https:\/\/github\.com\/o\/r\/blob\/main\/[^)]*articles\/overdue\.mdx\): Overdue \\\*page\\\*\. Review OVERDUE by 19 days \(2026-12-01\); last clinically reviewed 2025-12-01\./,
    );
    expect(section("Due within 60 days")).toContain(
      "Due soon. Review due in 51 days (2027-02-09); never clinically reviewed.",
    );
    const never = section("Never clinically reviewed");
    expect(never).toContain("articles/due-soon.mdx");
    expect(never).toContain("guides/good-guide.mdx");
    expect(never).not.toContain("overdue.mdx");
    expect(body).toContain("## What to do");
    expect(body).toContain("Checked 2026-12-20");
  });

  test("nothing due: only the never-reviewed section", () => {
    const body = reviewIssueBody([], neverReviewed(dir), { now: NOW });
    expect(body).toContain("**0 overdue, 0 due within 60 days, 3 never clinically reviewed.**");
    expect(body).not.toContain("## Overdue");
    expect(body).toContain("- `");
  });
});

describe("npm run reviews", () => {
  test("text lists the never-reviewed pages too; --format issue writes the counts for the workflow", () => {
    const text = spawnSync(process.execPath, ["scripts/reviews.ts", "--content", dir], { encoding: "utf8" });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Pages never clinically reviewed \(no `reviewed` date\): 3/);
    expect(text.stdout).toContain("overdue.mdx");

    const output = join(dir, "github-output");
    const issue = spawnSync(process.execPath, ["scripts/reviews.ts", "--content", dir, "--format", "issue"], {
      encoding: "utf8",
      env: { ...process.env, GITHUB_OUTPUT: output },
    });
    expect(issue.status).toBe(0);
    expect(issue.stdout).toContain("## Never clinically reviewed");
    // The real date is today, so only the counts' shape is fixed here.
    expect(readFileSync(output, "utf8")).toMatch(/^due=\d+\nnever_reviewed=3\n$/);
  });
});
