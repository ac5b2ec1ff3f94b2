/**
 * `npm run change-summary -- --base DIR --head DIR`: what a change does to the site's pages, as
 * Markdown (see src/lib/change-summary.ts). The preview workflow runs it on the pull request's
 * base and head `content/` folders and posts the result in the pull request and the job summary.
 *
 *   --base DIR           the content folder before the change (e.g. a `git archive` of the base)
 *   --head DIR           the content folder after it (default: content/)
 *   --preview-base URL   the pull request's preview, to link each page
 *   --fork               the pull request comes from a fork: say why there is no preview
 *   --out FILE           also write the Markdown to FILE
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { compareContent, summaryMarkdown } from "../src/lib/change-summary.ts";
import { contentDir } from "../src/lib/paths.ts";

const { values: options } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string" },
    "preview-base": { type: "string" },
    fork: { type: "boolean", default: false },
    out: { type: "string" },
  },
});
if (!options.base) {
  console.error("Usage: npm run change-summary -- --base DIR [--head DIR] [--preview-base URL] [--fork] [--out FILE]");
  process.exit(2);
}

const summary = compareContent(options.base, options.head ?? contentDir());
const markdown = summaryMarkdown(summary, { previewBase: options["preview-base"], fork: options.fork });
if (options.out) writeFileSync(options.out, markdown);
process.stdout.write(markdown);
