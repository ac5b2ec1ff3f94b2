/**
 * `npm run reviews`: pages whose next review date has passed or comes within 60 days, most
 * urgent first, then pages never clinically reviewed. Informs editors; never fails (the build
 * only warns about overdue pages).
 *
 *   --format issue     the body of the weekly review issue (Markdown, .github/workflows/reviews.yml);
 *                      with GITHUB_OUTPUT set, also writes `due` and `never_reviewed` counts there
 *   --link-base URL    in the issue, link each file to URL + path (e.g. the repository's blob/main/)
 *   --content DIR      another content folder instead of content/
 */
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  AFTER_REVIEW,
  REVIEW_WARNING_DAYS,
  dueWording,
  neverReviewed,
  reviewIssueBody,
  reviewsDue,
} from "../src/lib/reviews.ts";
import { contentDir } from "../src/lib/paths.ts";

const { values: options } = parseArgs({
  options: {
    format: { type: "string", default: "text" },
    "link-base": { type: "string" },
    content: { type: "string" },
  },
});
const dir = options.content ? resolve(options.content) : contentDir();
const due = reviewsDue(dir);
const never = neverReviewed(dir);

if (options.format === "issue") {
  process.stdout.write(reviewIssueBody(due, never, { linkBase: options["link-base"] }));
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, `due=${due.length}\nnever_reviewed=${never.length}\n`);
} else if (options.format === "text") {
  if (due.length === 0) {
    console.log(`No page is due for review in the next ${REVIEW_WARNING_DAYS} days.`);
  } else {
    console.log(`Pages due for review (overdue, or due within ${REVIEW_WARNING_DAYS} days):\n`);
    for (const page of due)
      console.log(`  ${page.due}  ${dueWording(page.daysLeft).padEnd(22)} ${page.file}  (${page.title})`);
  }
  if (never.length > 0) {
    console.log(`\nPages never clinically reviewed (no \`reviewed\` date): ${never.length}\n`);
    for (const page of never) console.log(`  ${page.file}  (${page.title})`);
  }
  console.log(`\n${AFTER_REVIEW}`);
} else {
  console.error(`--format must be "text" or "issue", not "${options.format}".`);
  process.exit(2);
}
