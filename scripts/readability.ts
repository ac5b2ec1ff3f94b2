/**
 * `npm run readability`: reading grade and word count of every article and guide, as a table,
 * then the Spanish pages' reading ease beside their English originals', then each page's
 * plain-language warnings (sentences over 25 words, medical words with no glossary entry or plain
 * explanation), from the same content check the build runs.
 * Exits 1 when an English page is above the grade limit, so CI and `npm test` catch it.
 *
 * Spanish pages are not given a grade: the Flesch-Kincaid formula and its syllable counter are
 * English. They get the Szigriszt-Pazos score on the INFLESZ scale (src/lib/readability.ts),
 * Flesch's reading ease adapted to Spanish, shown next to the English page's Flesch reading ease
 * (both 0-100, higher is easier), so "the same reading ease as the English" can be checked.
 */
import { relative } from "node:path";
import { findContentFiles, postFiles, readEntryData, readMdx } from "../src/lib/content/index.ts";
import {
  READING_GRADE_LIMIT,
  fleschBand,
  fleschReadingEase,
  proseBlocks,
  readingStats,
  spanishReadingStats,
} from "../src/lib/readability.ts";
import { contentDir } from "../src/lib/paths.ts";
import { isError, validateContent } from "../src/lib/validate/index.ts";

const root = contentDir();
const contentFiles = findContentFiles(root);
const rows = postFiles(contentFiles, "en").map(({ absolute }) => ({
  file: relative(process.cwd(), absolute),
  ...readingStats(proseBlocks(readMdx(absolute).tree)),
}));

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const width = Math.max(4, ...rows.map((row) => row.file.length));
console.log(`${pad("page", width)}  grade  words  sentences  words/sentence`);
for (const row of rows) {
  const flag = row.grade > READING_GRADE_LIMIT ? `  <- above grade ${READING_GRADE_LIMIT}` : "";
  console.log(
    `${pad(row.file, width)}  ${pad(row.grade.toFixed(1), 5)}  ${pad(row.words, 5)}  ${pad(row.sentences, 9)}  ${(row.words / Math.max(1, row.sentences)).toFixed(1)}${flag}`,
  );
}

// Spanish: each page's Szigriszt-Pazos score (INFLESZ band) next to its original's reading ease.
const spanishRows = postFiles(contentFiles, "es").map(({ absolute }) => {
  const stats = spanishReadingStats(proseBlocks(readMdx(absolute).tree));
  // The content check reports frontmatter it cannot read, and a translationOf without an original.
  const translationOf = readEntryData(absolute)?.translationOf;
  const original = postFiles(contentFiles, "en").find((file) => `${file.kind}/${file.id}` === translationOf);
  const english = original ? readingStats(proseBlocks(readMdx(original.absolute).tree)) : undefined;
  return {
    file: relative(process.cwd(), absolute),
    ...stats,
    englishEase: english ? fleschReadingEase(english) : undefined,
  };
});
if (spanishRows.length > 0) {
  const spanishWidth = Math.max(...spanishRows.map((row) => row.file.length));
  console.log(
    [
      "",
      "Spanish pages: reading ease by Szigriszt-Pazos (Flesch's formula adapted to Spanish), with its INFLESZ band",
      "(55-65 normal, 65-80 bastante fácil, 80+ muy fácil), beside the English original's Flesch reading ease and band",
      "(60-70 standard, 70-80 fairly easy, 80-90 easy). Both run 0-100, higher is easier; each formula is tuned to its",
      "own language, so compare bands, not single points. Aim: INFLESZ 65 or more, and the English page's band or near it.",
    ].join("\n"),
  );
  console.log(
    `${pad("page", spanishWidth)}  ease   INFLESZ band    words  sentences  words/sentence  English ease and band`,
  );
  for (const row of spanishRows) {
    const english =
      row.englishEase === undefined
        ? "(no English original)"
        : `${row.englishEase.toFixed(1)} ${fleschBand(row.englishEase)}`;
    const flag = row.ease < 55 ? "  <- below INFLESZ normal: shorter sentences, everyday words" : "";
    console.log(
      `${pad(row.file, spanishWidth)}  ${pad(row.ease.toFixed(1), 5)}  ${pad(row.band, 14)}  ${pad(row.words, 5)}  ${pad(row.sentences, 9)}  ${pad((row.words / Math.max(1, row.sentences)).toFixed(1), 14)}  ${english}${flag}`,
    );
  }
  const paired = spanishRows.filter((row) => row.englishEase !== undefined);
  if (paired.length > 0) {
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    console.log(
      `Mean: Spanish ${mean(paired.map((row) => row.ease)).toFixed(1)}, English ${mean(paired.map((row) => row.englishEase!)).toFixed(1)} over ${paired.length} translated page(s).`,
    );
  }
}

const warnings = validateContent({ contentDir: root }).filter(
  (problem) => !isError(problem) && (problem.field === "sentence" || problem.message.includes("medical word")),
);
if (warnings.length > 0) {
  console.log("\nLong sentences and unexplained medical words:");
  for (const row of [...rows, ...spanishRows]) {
    const mine = warnings.filter((problem) => problem.file === row.file);
    if (mine.length === 0) continue;
    console.log(`\n${row.file}`);
    for (const problem of mine)
      console.log(`  ${problem.line ? `line ${problem.line}: ` : ""}${problem.field} ${problem.message}`);
  }
}

const over = rows.filter((row) => row.grade > READING_GRADE_LIMIT);
if (over.length > 0) {
  console.error(
    `\n${over.length} page(s) above grade ${READING_GRADE_LIMIT}: use shorter sentences and everyday words.`,
  );
  process.exit(1);
}
