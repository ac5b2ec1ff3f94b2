/**
 * `npm run readability`: reading grade and word count of every article and guide, as a table,
 * then each page's plain-language warnings (sentences over 25 words, medical words with no
 * glossary entry or plain explanation), from the same content check the build runs.
 * Exits 1 when a page is above the grade limit, so CI and `npm test` catch it.
 */
import { readFileSync, globSync } from "node:fs";
import { relative } from "node:path";
import { parseMdx } from "../src/lib/mdx-source.ts";
import { READING_GRADE_LIMIT, proseBlocks, readingStats } from "../src/lib/readability.ts";
import { contentDir } from "../src/lib/paths.ts";
import { isError, validateContent } from "../src/lib/validate/index.ts";

const root = contentDir();
const files = globSync("{articles,guides}/**/*.{md,mdx}", { cwd: root }).sort();
const rows = files.map((file) => {
  const { tree } = parseMdx(readFileSync(`${root}/${file}`, "utf8"));
  return { file: relative(process.cwd(), `${root}/${file}`), ...readingStats(proseBlocks(tree)) };
});

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const width = Math.max(4, ...rows.map((row) => row.file.length));
console.log(`${pad("page", width)}  grade  words  sentences  words/sentence`);
for (const row of rows) {
  const flag = row.grade > READING_GRADE_LIMIT ? `  <- above grade ${READING_GRADE_LIMIT}` : "";
  console.log(
    `${pad(row.file, width)}  ${pad(row.grade.toFixed(1), 5)}  ${pad(row.words, 5)}  ${pad(row.sentences, 9)}  ${(row.words / Math.max(1, row.sentences)).toFixed(1)}${flag}`,
  );
}

const warnings = validateContent({ contentDir: root }).filter(
  (problem) => !isError(problem) && (problem.field === "sentence" || problem.message.includes("medical word")),
);
if (warnings.length > 0) {
  console.log("\nLong sentences and unexplained medical words:");
  for (const row of rows) {
    const mine = warnings.filter((problem) => problem.file === row.file);
    if (mine.length === 0) continue;
    console.log(`\n${row.file}`);
    for (const problem of mine) console.log(`  ${problem.line ? `line ${problem.line}: ` : ""}${problem.field} ${problem.message}`);
  }
}

const over = rows.filter((row) => row.grade > READING_GRADE_LIMIT);
if (over.length > 0) {
  console.error(`\n${over.length} page(s) above grade ${READING_GRADE_LIMIT}: use shorter sentences and everyday words.`);
  process.exit(1);
}
