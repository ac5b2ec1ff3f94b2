/**
 * The content check's problems as GitHub Actions workflow commands, so each one shows on its
 * line in a pull request's "Files changed" and in the checks list, where editors look first.
 * `npm run validate -- --format github` prints these; CI runs it as its first job.
 *
 * Escaping follows GitHub's workflow-command rules (the same as `@actions/core`): in the message
 * `%`, CR and LF are percent-encoded; in a property value (`file`, `title`) also `:` and `,`,
 * which would otherwise end the value. A newline must never reach the log raw: the rest of the
 * message would become a log line, not part of the annotation.
 */
import { isError, type Problem } from "./problems.ts";

/** Escapes an annotation's message (the text after `::`). */
export const escapeData = (text: string): string =>
  text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");

/** Escapes a property value (`file=`, `title=`): as the message, plus `:` and `,`. */
export const escapeProperty = (text: string): string => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

/** One `::error` or `::warning` line for a problem: title names the field, message ends with the fix. */
export function githubAnnotation(problem: Problem): string {
  const command = isError(problem) ? "error" : "warning";
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  properties.push(`title=${escapeProperty(`Content check: ${problem.field}`)}`);
  return `::${command} ${properties.join(",")}::${escapeData(`${problem.field}: ${problem.message}\nFix: ${problem.fix}`)}`;
}

/**
 * Every problem as an annotation line, errors first, each group in file and line order.
 * GitHub shows at most 10 errors and 10 warnings per step as annotations; the full list is
 * still in the log and in the job summary (see scripts/validate.ts).
 */
export function githubAnnotations(problems: readonly Problem[]): string[] {
  const sorted = [...problems].sort(
    (a, b) => Number(isError(b)) - Number(isError(a)) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  return sorted.map(githubAnnotation);
}
