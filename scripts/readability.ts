/**
 * `npm run readability`: reading grade and word count of every article and guide, as a table.
 * Exits 1 when a page is above the grade limit, so CI and `npm test` catch it.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { globSync } from "node:fs";
import { parseMdx } from "../src/lib/mdx-source.ts";
import { proseBlocks, readingStats } from "../src/lib/readability.ts";
import { contentDir } from "../src/lib/paths.ts";

export const GRADE_LIMIT = 10;

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
  const flag = row.grade > GRADE_LIMIT ? "  <- above grade 10" : "";
  console.log(
    `${pad(row.file, width)}  ${pad(row.grade.toFixed(1), 5)}  ${pad(row.words, 5)}  ${pad(row.sentences, 9)}  ${(row.words / Math.max(1, row.sentences)).toFixed(1)}${flag}`,
  );
}
const over = rows.filter((row) => row.grade > GRADE_LIMIT);
if (over.length > 0) {
  console.error(`\n${over.length} page(s) above grade ${GRADE_LIMIT}: use shorter sentences and everyday words.`);
  process.exit(1);
}
