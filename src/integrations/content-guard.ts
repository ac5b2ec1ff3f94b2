/**
 * Stops `astro build` (and `astro sync`) before anything is built when content has mistakes, with
 * one clear message per mistake. In `astro dev` it reports the same problems and keeps serving,
 * so an editor can fix them while previewing. Also warns about pages overdue for review.
 */
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { formatReport, validateContent } from "../lib/validate/index.ts";
import { overdueReviews } from "../lib/reviews.ts";
import { contentDir } from "../lib/paths.ts";

export default function contentGuard(): AstroIntegration {
  return {
    name: "patient-guides:content-guard",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        if (command === "preview") return;
        const started = performance.now();
        const problems = validateContent({ contentDir: contentDir(), includeUnpublished: command === "dev" });
        if (problems.length > 0) {
          logger.error(`\n${formatReport(problems)}`);
          if (command !== "dev") {
            throw new AstroError(
              `Content check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}, listed above with file, line and fix.`,
              "Run `npm run validate` to check content without building.",
            );
          }
        } else {
          logger.info(`content check passed (${Math.round(performance.now() - started)} ms)`);
        }
        if (command === "build") {
          for (const page of overdueReviews(contentDir())) {
            logger.warn(`${page.file}: review was due ${page.due}. Check the page and set a new nextReview (npm run reviews).`);
          }
        }
      },
    },
  };
}
