/**
 * `npm run translations`: the Spanish edition's status. Every English article, guide, glossary
 * entry, topic and author, with its translation under content/es/ and whether that is missing,
 * current, or behind (the English page changed after the translation's `translated` date); then
 * the site's own pages (src/pages) and their Spanish twins (src/pages/es). It reads the same
 * frontmatter dates as the content check, whose warning and the page's notice say "behind" on
 * the same days.
 *
 * A report: exits 0 whatever it finds.
 *   --check          exit 1 when any translation is missing or behind (for CI or a release)
 *   --content DIR    report on another content folder
 *   --only STATES    list only these states, e.g. --only missing,behind (the totals count all)
 *
 * Why not Lunaria (the Astro team's tracker)? It dates a translation by git commits, not by the
 * `translated` date editors write, so a markup-only commit marks a page behind that readers are
 * told is current; on a shallow clone (CI's checkout) it downloads the repository's history from
 * GitHub, which fails offline; and it stops on a file not yet committed. See content/es/README.md.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { contentDir } from "../src/lib/paths.ts";
import { isoDay } from "../src/lib/dates.ts";
import {
  inspectContent,
  sitePages,
  translationStatus,
  type TranslationState,
  type TranslationStatus,
} from "../src/lib/validate/index.ts";

const { values: options } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    content: { type: "string" },
    only: { type: "string" },
  },
});
const STATES: TranslationState[] = ["missing", "behind", "current"];
const only = new Set((options.only ?? STATES.join(",")).split(",").map((state) => state.trim()));
for (const state of only) {
  if (!STATES.includes(state as TranslationState)) {
    console.error(`--only takes ${STATES.join(", ")} (comma-separated), not "${state}".`);
    process.exit(2);
  }
}

const report = inspectContent({ contentDir: options.content ? resolve(options.content) : contentDir() });
const statuses = translationStatus(report.entries);
const KINDS = [
  ["articles", "Articles"],
  ["guides", "Guides"],
  ["glossary", "Glossary entries"],
  ["topics", "Topics"],
  ["authors", "Authors"],
] as const;

const describe = (status: TranslationStatus): string => {
  const { original, translation, state } = status;
  if (state === "missing") return "missing";
  const translated = translation?.translated ? isoDay(translation.translated) : "no date";
  if (state === "behind")
    return `behind: English changed ${original.updated ? isoDay(original.updated) : "?"}, translated ${translated}`;
  return `current (translated ${translated})`;
};
const draftNote = (status: TranslationStatus) =>
  status.original.published === false ? " [English not published yet]" : "";

const lines: string[] = [];
const totals = { missing: 0, behind: 0, current: 0 };
for (const [kind, heading] of KINDS) {
  const rows = statuses.filter((status) => status.original.kind === kind);
  if (rows.length === 0) continue;
  const count = (state: TranslationState) => rows.filter((row) => row.state === state).length;
  for (const state of STATES) totals[state] += count(state);
  lines.push(
    `${heading}: ${count("current")} current, ${count("behind")} behind, ${count("missing")} missing (of ${rows.length})`,
  );
  const shown = rows.filter((row) => only.has(row.state));
  const width = Math.max(...shown.map((row) => row.original.file.length), 0);
  for (const row of shown) {
    lines.push(
      `  ${row.original.file.padEnd(width)}  ${(row.translation?.file ?? "-").padEnd(width + 3)}  ${describe(row)}${draftNote(row)}`,
    );
  }
  lines.push("");
}

const spanishOnly = report.entries.filter((entry) => entry.locale !== "en" && !entry.translationOf);
if (spanishOnly.length > 0) {
  lines.push(`Spanish-only entries (no English original): ${spanishOnly.length}`);
  for (const entry of spanishOnly) lines.push(`  ${entry.file}`);
  lines.push("");
}

const pages = sitePages(process.cwd());
const missingPages = pages.filter((page) => !page.translation);
if (pages.length > 0) {
  lines.push(
    `Site pages (src/pages -> src/pages/es/): ${pages.length - missingPages.length} translated, ${missingPages.length} missing (of ${pages.length}); their text is in src/i18n/`,
  );
  const width = Math.max(...pages.map((page) => page.page.length));
  for (const page of pages) {
    if (!only.has(page.translation ? "current" : "missing")) continue;
    lines.push(
      `  src/pages/${page.page.padEnd(width)}  ${page.translation ? `src/pages/${page.translation}` : "missing"}`,
    );
  }
  lines.push("");
}

const errors = report.problems.filter(
  (problem) => problem.severity !== "warning" && problem.file.includes("/es/"),
).length;
if (errors > 0)
  lines.push(`The content check finds ${errors} error(s) in Spanish files: npm run validate lists them.`, "");
lines.push(
  `Total: ${totals.current} current, ${totals.behind} behind, ${totals.missing} missing; site pages: ${missingPages.length} missing.`,
  "Behind: the English page's `updated` date is after the translation's `translated` date. Bring the translation in step, then set `translated`.",
  'Missing: npm run new -- guide "Título" --lang es --from <id> (or article) starts a translation of a page.',
);
console.log(lines.join("\n"));

if (options.check && (totals.missing > 0 || totals.behind > 0 || missingPages.length > 0)) process.exit(1);
