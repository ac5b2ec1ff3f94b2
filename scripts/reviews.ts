/**
 * `npm run reviews`: pages whose next review date has passed or comes within 60 days, most
 * urgent first. Informs editors; never fails (the build only warns about overdue pages).
 */
import { REVIEW_WARNING_DAYS, reviewsDue } from "../src/lib/reviews.ts";
import { contentDir } from "../src/lib/paths.ts";

const due = reviewsDue(contentDir());
if (due.length === 0) {
  console.log(`No page is due for review in the next ${REVIEW_WARNING_DAYS} days.`);
} else {
  console.log(`Pages due for review (overdue, or due within ${REVIEW_WARNING_DAYS} days):\n`);
  for (const page of due) {
    const when = page.daysLeft < 0 ? `OVERDUE by ${-page.daysLeft} days` : page.daysLeft === 0 ? "due today" : `due in ${page.daysLeft} days`;
    console.log(`  ${page.due}  ${when.padEnd(22)} ${page.file}  (${page.title})`);
  }
  console.log("\nAfter checking a page: set `reviewed` and `reviewedBy` (only for a real clinical review),\nupdate `updated` if the content changed, and set a new `nextReview`.");
}
