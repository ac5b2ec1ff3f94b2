/**
 * Frontmatter checks on the text the editor wrote. Dates are checked before any YAML date
 * parsing can roll "2025-02-30" over into March; the rest goes through the same schema the
 * build uses, with each zod issue turned into a sentence and a fix.
 */
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { LineCounter, parseDocument } from "yaml";
import { fieldLineTable, lineInTable, yamlFieldLines, type FieldLineTable, type FieldPath } from "./field-lines.ts";
import { z } from "astro/zod";
import {
  ISO_DATE,
  isRealCalendarDate,
  postSchema,
  MIN_SOURCES,
  TITLE_MAX,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
} from "../schema.ts";
import { didYouMean, type Problem } from "./problems.ts";
import type { PostCollection } from "../paths.ts";

export interface KnownIds {
  authors: readonly string[];
  topics: readonly string[];
}

/** Marks the issue a stand-in reference raises, to tell it from other custom rules. */
const UNKNOWN_ID = "unknown id";

export type PostData = z.output<ReturnType<typeof validatorSchema>>;

const schemas = new WeakMap<KnownIds, Map<PostCollection, ReturnType<typeof buildSchema>>>();

/** The post schema with plain stand-ins for Astro's reference() and image(), built once per run. */
export function validatorSchema(collection: PostCollection, known: KnownIds) {
  let byCollection = schemas.get(known);
  if (!byCollection) schemas.set(known, (byCollection = new Map()));
  let schema = byCollection.get(collection);
  if (!schema) byCollection.set(collection, (schema = buildSchema(collection, known)));
  return schema;
}

function buildSchema(collection: PostCollection, known: KnownIds) {
  const oneOf = (ids: readonly string[]) => z.string().refine((id) => ids.includes(id), { message: UNKNOWN_ID });
  return postSchema({
    author: oneOf(known.authors),
    topic: oneOf(known.topics),
    image: z.string().min(1),
    minSources: MIN_SOURCES[collection],
  });
}

const DATE_FIELDS: ReadonlyArray<readonly (string | number)[]> = [
  ["published"],
  ["updated"],
  ["reviewed"],
  ["nextReview"],
  ["adaptedFrom", "published"],
];

const FIELD_EXAMPLES: Record<string, string> = {
  title: 'title: "Getting your medical records" (at most 70 characters)',
  description: 'description: "One or two sentences, 50 to 160 characters, on what the page covers."',
  published: "published: 2026-11-24",
  author: "author: editorial-team",
  topics: "topics: [second-opinions]",
  sources:
    'sources:\n    - id: hhs-access\n      title: "Individuals\' Right under HIPAA to Access their Health Information"\n      publisher: U.S. Department of Health and Human Services\n      url: https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/access/index.html\n      year: 2024',
};

interface Located {
  file: string;
  /** Line in the file where the YAML's first line is. */
  firstLine: number;
}

/**
 * Lines of a post's frontmatter fields in the post's file, as plain data (see FieldLineTable):
 * worked out from the YAML text the first time a problem asks for one, which most posts never do.
 */
export interface PostLines {
  /** Lines before the frontmatter's first line. */
  offset: number;
  yaml: string;
  table?: FieldLineTable;
}

/** The line of a frontmatter field in the post's file (that of the frontmatter's start when it is not written). */
export const postLineOf =
  (lines: PostLines) =>
  (path: FieldPath): number =>
    lines.offset + (lineInTable((lines.table ??= yamlFieldLines(lines.yaml)), path) ?? 0);

/**
 * The frontmatter's values as the build reads them: js-yaml, the parser Astro reads frontmatter
 * with, but with dates left as text, for the date checks below. Undefined when it cannot read
 * them: the `yaml` package then says where and why, in the words editors see. Over the 1,000
 * generated posts, 42 ms instead of the `yaml` package's 380 (its syntax tree keeps every node's
 * place, which only a problem needs); the same values on every frontmatter and data file here.
 */
export function quickValues(yamlText: string): { values: unknown } | undefined {
  try {
    return { values: loadYaml(yamlText, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

/**
 * Checks one post's frontmatter. Returns the problems, the lines of its fields and, when there
 * are no problems, the parsed data (dates as Dates), so later checks can use sources, topics and dates.
 */
export function checkFrontmatter(
  yamlText: string,
  collection: PostCollection,
  known: KnownIds,
  where: Located,
): { problems: Problem[]; data?: PostData; lines: PostLines } {
  const problems: Problem[] = [];
  const lines: PostLines = { offset: where.firstLine - 1, yaml: yamlText };
  const lineOf = postLineOf(lines);
  const add = (path: readonly (string | number)[], message: string, fix: string) =>
    problems.push({ file: where.file, line: lineOf(path), field: fieldName(path), message, fix });

  if (!yamlText.trim()) {
    problems.push({
      file: where.file,
      line: 1,
      field: "frontmatter",
      message: "the file has no frontmatter (the block between two --- lines at the top)",
      fix: "copy the frontmatter of an existing post and change its values, or run `npm run new`",
    });
    return { problems, lines };
  }
  let raw: unknown;
  const quick = quickValues(yamlText);
  if (quick) raw = quick.values;
  else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
    lines.table = fieldLineTable(doc, lineCounter);
    for (const error of doc.errors) {
      problems.push({
        file: where.file,
        line: where.firstLine + lineCounter.linePos(error.pos[0]).line - 1,
        field: "frontmatter",
        message: `the YAML cannot be read: ${error.message.split("\n")[0]}`,
        fix: "check the indentation and quotes on that line; text with a colon in it needs quotes",
      });
    }
    if (problems.length) return { problems, lines };
    raw = doc.toJS();
  }
  if (!isRecord(raw)) {
    add([], "the frontmatter is not a list of `field: value` lines", "write one `field: value` per line");
    return { problems, lines };
  }

  // Dates first, on the raw text: YAML would silently turn 2025-02-30 into March 2.
  const badDates = new Set<string>();
  const sources = Array.isArray(raw.sources) ? raw.sources : [];
  const changes = Array.isArray(raw.changes) ? raw.changes : [];
  const datePaths = [
    ...DATE_FIELDS,
    ...sources.map((_, index) => ["sources", index, "accessed"] as const),
    ...changes.map((_, index) => ["changes", index, "date"] as const),
  ];
  for (const path of datePaths) {
    const value = getIn(raw, path);
    if (value === undefined) continue;
    const problem = dateProblem(value);
    if (problem) {
      add(path, problem.message, problem.fix);
      badDates.add(fieldName(path));
    }
  }

  const parsed = validatorSchema(collection, known).safeParse(raw, { reportInput: true });
  if (parsed.success) return problems.length ? { problems, lines } : { problems, data: parsed.data, lines };

  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (badDates.has(fieldName(path))) continue;
    const { message, fix } = explainIssue(issue, path, collection, known);
    add(path, message, fix);
  }
  return { problems, lines };
}

function dateProblem(value: unknown): { message: string; fix: string } | undefined {
  const shown = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  if (typeof value !== "string" || !ISO_DATE.test(value)) {
    return {
      message: `${shown} is not a date in the form YYYY-MM-DD`,
      fix: "write the date as year-month-day with digits, e.g. 2026-11-24",
    };
  }
  if (!isRealCalendarDate(value)) {
    const [year, month] = value.split("-").map(Number) as [number, number];
    const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : undefined;
    const reason = days ? `that month has ${days} days` : "months run from 01 to 12";
    return {
      message: `${shown} is not a real calendar date (${reason})`,
      fix: "check the day and month; write a date that exists, as YYYY-MM-DD",
    };
  }
  return undefined;
}

/**
 * A schema issue in an editor's words, where the words do not depend on the field: the
 * posts' frontmatter and the data files (authors, topics, glossary) say these the same way.
 */
export function plainIssueMessage(issue: z.core.$ZodIssue): string | undefined {
  const input = "input" in issue ? issue.input : undefined;
  if (issue.code === "invalid_type")
    return input === undefined ? "is missing" : `${JSON.stringify(input)} should be ${expectedKind(issue.expected)}`;
  if (issue.code === "too_big" && issue.origin === "string")
    return `is ${typeof input === "string" ? input.length : "too many"} characters long; the limit is ${issue.maximum}`;
  return undefined;
}

/** A value's expected kind in an editor's words: "text", "a list", "true or false". */
export const expectedKind = (expected: string): string =>
  ({ boolean: "true or false", array: "a list", string: "text", object: "a group of fields" })[expected] ??
  `a ${expected}`;

function explainIssue(
  issue: z.core.$ZodIssue,
  path: (string | number)[],
  collection: PostCollection,
  known: KnownIds,
): { message: string; fix: string } {
  const field = fieldName(path);
  const top = String(path[0] ?? "");
  const input = "input" in issue ? issue.input : undefined;

  if (issue.code === "invalid_type" && input === undefined) {
    return {
      message: "is missing, and every post needs it",
      fix: `add it, e.g. ${FIELD_EXAMPLES[top] ?? `${field}: ...`}`,
    };
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const allowed = Object.keys(validatorSchema(collection, known).shape ?? {});
    const hints = keys.map((key) => {
      const guess = didYouMean(key, path.length ? [] : allowed);
      return guess ? `\`${key}\` (did you mean \`${guess}\`?)` : `\`${key}\``;
    });
    return {
      message: `unknown field ${hints.join(", ")}`,
      fix: path.length
        ? "remove it; see CONTRIBUTING.md for the fields this block takes"
        : `remove it or correct its name; the fields are: ${allowed.join(", ")}`,
    };
  }
  if (issue.code === "custom" && issue.message === UNKNOWN_ID) {
    const isTopic = top === "topics";
    const ids = isTopic ? known.topics : known.authors;
    const folder = isTopic ? "topics" : "authors";
    const guess = typeof input === "string" ? didYouMean(input, ids) : undefined;
    return {
      message: `unknown ${isTopic ? "topic" : "author"} ${JSON.stringify(input)}${guess ? ` (did you mean "${guess}"?)` : ""}`,
      fix: `use one of: ${ids.join(", ")}; or add content/${folder}/${String(input)}.yaml first`,
    };
  }
  if (issue.code === "too_big" && issue.origin === "string") {
    return {
      message: plainIssueMessage(issue)!,
      fix:
        top === "title"
          ? `shorten it to ${TITLE_MAX} characters or fewer`
          : `shorten it to ${DESCRIPTION_MAX} characters or fewer`,
    };
  }
  if (issue.code === "too_small" && issue.origin === "string") {
    const length = typeof input === "string" ? input.trim().length : 0;
    const need = top === "description" ? DESCRIPTION_MIN : issue.minimum;
    return {
      message: length === 0 ? "is empty" : `is only ${length} characters long; it needs at least ${need}`,
      fix:
        path.at(-1) === "alt"
          ? "describe what the picture shows, for people who cannot see it"
          : "write it out in full",
    };
  }
  if (issue.code === "too_small" && issue.origin === "array") {
    const what = top === "sources" ? "source" : top === "topics" ? "topic" : "entry";
    return {
      message: `needs at least ${issue.minimum} ${what}${Number(issue.minimum) === 1 ? "" : "s"}${top === "sources" && collection === "guides" ? " (every guide cites at least three)" : ""}`,
      fix: `add ${what}s; e.g. ${FIELD_EXAMPLES[top] ?? "see CONTRIBUTING.md"}`,
    };
  }
  if (issue.code === "invalid_format" && issue.format === "url") {
    return {
      message: `${JSON.stringify(input)} is not a full https:// address`,
      fix: "copy the address from the browser's address bar; it must start with https://",
    };
  }
  if (issue.code === "invalid_format" && issue.format === "regex" && top === "legacyPaths") {
    return {
      message: `${JSON.stringify(input)} is not a path on the old site`,
      fix: "write the old address's path only, starting with /, e.g. /blog/old-post-title/",
    };
  }
  if (issue.code === "invalid_type") {
    const expected = expectedKind(issue.expected);
    return {
      message: plainIssueMessage(issue)!,
      fix: top === "draft" ? "write draft: true or draft: false" : `write ${field} as ${expected}`,
    };
  }
  if (issue.code === "custom" && (top === "changes" || top === "updated")) {
    return {
      message: issue.message,
      fix: 'each change needs its own entry, and `updated` is the newest one\'s date:\n    changes:\n      - date: 2026-12-02\n        summary: "Corrected the Medicare rules."',
    };
  }
  return { message: issue.message, fix: "see CONTRIBUTING.md for what this field takes" };
}

/** `sources[2].url` from ["sources", 2, "url"]. */
export function fieldName(path: readonly (string | number)[]): string {
  return (
    path.reduce<string>(
      (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part),
      "",
    ) || "frontmatter"
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      isRecord(current) || Array.isArray(current) ? (current as Record<string | number, unknown>)[key] : undefined,
    value,
  );
}
