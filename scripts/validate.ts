/**
 * `npm run validate`: checks all content as the build will, without building: the English pages
 * and the Spanish edition under content/es/, with its translation rules.
 * Exit 1 when there are errors; warnings are printed but do not fail.
 *
 *   --format github   one GitHub annotation per problem (CI's first job), so each message shows
 *                     on its line in the pull request; the plain report goes to the job summary
 *   --content DIR     check another content folder (a fixture, a copy) instead of content/
 */
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { validateContent, formatReport, isError } from "../src/lib/validate/index.ts";
import { githubAnnotations } from "../src/lib/validate/github.ts";
import { contentDir } from "../src/lib/paths.ts";

const { values: options } = parseArgs({
  options: {
    format: { type: "string", default: "text" },
    content: { type: "string" },
  },
});
if (options.format !== "text" && options.format !== "github") {
  console.error(`--format must be "text" or "github", not "${options.format}".`);
  process.exit(2);
}

const started = performance.now();
const problems = validateContent({ contentDir: options.content ? resolve(options.content) : contentDir() });
const ms = Math.round(performance.now() - started);
const errors = problems.filter(isError);
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const warnings = problems.length - errors.length;
const verdict = `Content check: ${errors.length ? count(errors.length, "error") : "no errors"}${warnings ? `, ${count(warnings, "warning")}` : ""} (${ms} ms).`;

if (options.format === "github") {
  // Annotations go to stdout, where the runner turns them into messages on the lines.
  for (const line of githubAnnotations(problems)) console.log(line);
  // GitHub shows only the first 10 errors and 10 warnings of a step on the lines; the summary
  // page lists every one, in the same words as the build.
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const body = problems.length ? `\n\n\`\`\`text\n${formatReport(problems)}\n\`\`\`\n` : "\n";
    appendFileSync(summaryFile, `### ${verdict}${body}`);
  }
} else if (problems.length > 0) {
  console.error(formatReport(problems));
}
console.log(verdict);
if (errors.length > 0) process.exit(1);
