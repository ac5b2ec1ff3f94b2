/** A mistake found in content, said so an editor can find and fix it without help. */
export interface Problem {
  /** Path of the file, relative to the repository root. */
  file: string;
  /** Line in the file (1-based), when known. */
  line?: number | undefined;
  /** The frontmatter field (e.g. `sources[2].url`) or the body element (e.g. `<Callout>`). */
  field: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What to write instead. */
  fix: string;
  /**
   * `warning` reports something an editor should look at (a long sentence, an unexplained
   * medical word) without stopping the build. Absent means `error`.
   */
  severity?: "error" | "warning";
}

/** True for problems that stop the build. */
export const isError = (problem: Problem): boolean => problem.severity !== "warning";

/** One problem as editors read it in the build output. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}\n  ${problem.field}: ${problem.message}\n  Fix: ${problem.fix}`;
}

/** The whole report: a count, then each problem, grouped by file in file order; warnings last. */
export function formatReport(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const errors = sorted.filter(isError);
  const warnings = sorted.filter((problem) => !isError(problem));
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const lines: string[] = [];
  if (errors.length > 0) {
    lines.push(
      `The content check found ${plural(errors.length, "problem")}. No page was built. Fix each one and build again.`,
      "",
    );
    lines.push(...errors.map(formatProblem).flatMap((block) => [block, ""]));
  }
  if (warnings.length > 0) {
    lines.push(`${plural(warnings.length, "warning")} (these do not stop the build, but please look):`, "");
    lines.push(...warnings.map(formatProblem).flatMap((block) => [block, ""]));
  }
  lines.push("CONTRIBUTING.md explains every field and component.");
  return lines.join("\n");
}

/** Closest of `options` to `word`, when it is near enough to be a likely typo. */
export function didYouMean(word: string, options: readonly string[]): string | undefined {
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(word.toLowerCase(), option.toLowerCase());
    if (!best || distance < best.distance) best = { option, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.option : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
