/**
 * Synthetic articles for the build benchmark: a copy of content/ plus N generated pages shaped
 * like the real ones (length, headings, lists, and the editors' components used the same way),
 * so build and search figures at 1,000 or 10,000 pages say something about the real site.
 *
 * Page i depends only on i (its own seed), so the 10,000-page site contains the 1,000-page one.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import GithubSlugger from "github-slugger";
import { DESCRIPTION_MAX, DESCRIPTION_MIN, TITLE_MAX } from "../../src/lib/schema.ts";
import { sourcesYaml } from "../../src/lib/scaffold.ts";
import { findContentFiles, loadedFiles, postFiles, readEntryData } from "../../src/lib/content/index.ts";
import type { PostCollection } from "../../src/lib/paths.ts";
import { postPath } from "../../src/lib/urls.ts";
import {
  DESCRIPTIONS,
  HEADINGS,
  SENTENCES,
  SLOTS,
  SOURCES,
  SUBHEADINGS,
  TERM_SENTENCES,
  TIPS,
  TITLES,
} from "./phrases.ts";

export type PageFormat = "mdx" | "md";

export interface GeneratedSite {
  contentDir: string;
  pages: number;
  format: PageFormat;
  /** Words of visible text per generated page. */
  words: { min: number; median: number; max: number };
}

/** What the generator takes from the real content: ids that must exist for the pages to build. */
interface ContentContext {
  topics: string[];
  glossary: Array<{ id: string; term: string }>;
  /** Real pages to link to, as the real pages link to each other. */
  links: Array<{ path: string; title: string }>;
}

/** Inline text: plain text, a glossary term, a citation or a link. Renderers decide the markup. */
type Inline = { text: string } | { term: string; label: string } | { cite: string } | { link: string; label: string };

type Block =
  | { kind: "paragraph"; parts: Inline[] }
  | { kind: "heading"; depth: 2 | 3; text: string }
  | { kind: "list"; items: Inline[][] }
  | { kind: "keyFacts"; items: Inline[][] }
  | { kind: "tip"; title: string; text: string }
  | { kind: "callUs"; text: string }
  | { kind: "nextSteps"; items: Inline[][] };

interface Page {
  slug: string;
  frontmatter: string;
  blocks: Block[];
  words: number;
}

/**
 * Copies `fromContent` to `toContent` and adds `pages` generated articles to its articles/; with
 * `twins`, also a translation of each under es/articles/ (same body, marked as a translation),
 * so the build makes and pairs twice as many pages, as the Spanish edition does.
 */
export function generateSite(
  fromContent: string,
  toContent: string,
  pages: number,
  format: PageFormat,
  { twins = false } = {},
): GeneratedSite {
  cpSync(fromContent, toContent, { recursive: true });
  const context = readContext(toContent);
  const articles = join(toContent, "articles");
  const translations = join(toContent, "es", "articles");
  mkdirSync(articles, { recursive: true });
  if (twins) mkdirSync(translations, { recursive: true });
  const words: number[] = [];
  for (let index = 1; index <= pages; index++) {
    const page = generatePage(index, context);
    const body = renderBody(page.blocks, format);
    writeFileSync(join(articles, `${page.slug}.${format}`), `${page.frontmatter}\n${body}`);
    if (twins)
      writeFileSync(
        join(translations, `${page.slug}.${format}`),
        `${twinFrontmatter(page)}\n${body.replaceAll("](/", "](/es/")}`,
      );
    words.push(page.words);
  }
  words.sort((a, b) => a - b);
  return {
    contentDir: toContent,
    pages,
    format,
    words: { min: words[0] ?? 0, median: words[Math.floor(words.length / 2)] ?? 0, max: words.at(-1) ?? 0 },
  };
}

/** The translation's frontmatter: the original's, naming it, translated on its last change. */
function twinFrontmatter(page: Page): string {
  const lastChange =
    /^updated: (\S+)$/m.exec(page.frontmatter)?.[1] ?? /^published: (\S+)$/m.exec(page.frontmatter)![1]!;
  return page.frontmatter.replace(/\n---$/, `\ntranslationOf: articles/${page.slug}\ntranslated: ${lastChange}\n---`);
}

function readContext(content: string): ContentContext {
  const files = findContentFiles(content);
  const ids = (kind: "topics" | "glossary") => loadedFiles(files, kind, "en").map((file) => file.id);
  const glossary = loadedFiles(files, "glossary", "en").map(({ id, absolute }) => {
    const term = readEntryData(absolute)?.term;
    return { id, term: typeof term === "string" ? term : id.replaceAll("-", " ") };
  });
  const links = postFiles(files, "en").map(({ kind, id, name, absolute }) => {
    const title = readEntryData(absolute)?.title;
    return { path: postPath(kind as PostCollection, id), title: typeof title === "string" ? title : name };
  });
  return { topics: ids("topics"), glossary, links };
}

// ---- one page ----

function generatePage(index: number, context: ContentContext): Page {
  const rng = createRng(index);
  const title = titleFor(rng);
  const sources = rng.sample(SOURCES, rng.int(3, 5));
  const published = dayAfter("2016-01-01", rng.int(0, 9 * 365));
  const frontmatter = frontmatterFor(rng, {
    title,
    published,
    sources,
    topics: rng.sample(context.topics, rng.int(1, 2)),
  });
  const writer = new BodyWriter(
    rng,
    sources.map((source) => source.id),
    rng.sample(context.glossary, rng.int(3, 6)),
  );
  const blocks = writer.body(rng.int(1100, 1250), rng.sample(context.links, 5));
  return { slug: `${new GithubSlugger().slug(title)}-${index}`, frontmatter, blocks, words: writer.words };
}

function titleFor(rng: Rng): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const title = capitalize(fill(rng.pick(TITLES), rng));
    if (title.length <= TITLE_MAX) return title;
  }
  return capitalize(fill("A guide to {task}", rng)).slice(0, TITLE_MAX);
}

function descriptionFor(rng: Rng): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const text = capitalize(fill(rng.pick(DESCRIPTIONS), rng));
    if (text.length >= DESCRIPTION_MIN && text.length <= DESCRIPTION_MAX) return text;
  }
  return "What to expect from cancer treatment, what to ask your care team, and where to find help.";
}

/** Half the pages were updated once: `updated` with the `changes` entry that says what changed. */
function updatedLines(rng: Rng, published: string): string[] {
  if (!rng.chance(0.5)) return [];
  const day = dayAfter(published, rng.int(30, 360));
  return [
    `updated: ${day}`,
    "changes:",
    `  - date: ${day}`,
    '    summary: "Checked every source again and made the advice clearer."',
  ];
}

interface FrontmatterParts {
  title: string;
  published: string;
  sources: ReadonlyArray<(typeof SOURCES)[number]>;
  topics: string[];
}

function frontmatterFor(rng: Rng, { title, published, sources, topics }: FrontmatterParts): string {
  const quote = (text: string) => JSON.stringify(text);
  // A review date in the coming year: overdue pages would add one build warning each.
  const nextReview = `${new Date().getUTCFullYear() + 1}-${published.slice(5)}`.replace("-02-29", "-02-28");
  const lines = [
    "---",
    `title: ${quote(title)}`,
    `description: ${quote(descriptionFor(rng))}`,
    `published: ${published}`,
    ...updatedLines(rng, published),
    `nextReview: ${nextReview}`,
    "author: editorial-team",
    `topics: [${topics.join(", ")}]`,
    `keywords: [${quote(fill("{condition}", rng))}, ${quote(fill("{treatment}", rng))}]`,
    ...sourcesYaml(sources, published),
    "---",
  ];
  return lines.join("\n");
}

/**
 * Writes one page body towards a word target: an intro, KeyFacts, 5 or 6 sections of 3-5
 * sentence paragraphs (some with a ### part, one or two with a list, one with the tip), then
 * "Where to learn more" and CallUs, as on the real pages.
 */
class BodyWriter {
  words = 0;
  readonly #rng: Rng;
  readonly #sourceIds: string[];
  readonly #terms: Array<{ id: string; term: string }>;
  readonly #blocks: Block[] = [];

  constructor(rng: Rng, sourceIds: string[], terms: Array<{ id: string; term: string }>) {
    this.#rng = rng;
    this.#sourceIds = sourceIds;
    this.#terms = [...terms];
  }

  /** `links`: real pages; two are linked from the text, the rest listed at the end. */
  body(targetWords: number, links: Array<{ path: string; title: string }>): Block[] {
    const rng = this.#rng;
    const [inlineLinks, listedLinks] = [links.slice(0, 2), links.slice(2)];
    this.#paragraph(2);
    // Key points cite every listed source once, in order, as the content check requires.
    const facts = Math.max(rng.int(3, 5), this.#sourceIds.length);
    this.#add({
      kind: "keyFacts",
      items: Array.from({ length: facts }, (_, index) => [
        ...this.#sentence(),
        { cite: this.#sourceIds[index % this.#sourceIds.length]! },
      ]),
    });
    const sections = rng.int(5, 6);
    const listSections = new Set(rng.sample(range(sections), rng.int(1, 2)));
    const tipSection = rng.int(1, sections - 1);
    const linkSections = rng.sample(range(sections), inlineLinks.length);
    const headings = rng.sample(HEADINGS, sections);
    const closingWords = 30;
    for (let section = 0; section < sections; section++) {
      const budget = (targetWords - closingWords - this.words) / (sections - section);
      const start = this.words;
      this.#add({ kind: "heading", depth: 2, text: capitalize(fill(headings[section] ?? "More to know", rng)) });
      this.#paragraph();
      const link = inlineLinks[linkSections.indexOf(section)];
      if (link)
        this.#add({
          kind: "paragraph",
          parts: [
            { text: "Our page on " },
            { link: link.path, label: midSentence(link.title) },
            { text: " explains more." },
          ],
        });
      if (listSections.has(section)) this.#list();
      this.#paragraph();
      if (section === tipSection) this.#add({ kind: "tip", ...rng.pick(TIPS) });
      if (rng.chance(0.6)) {
        this.#add({ kind: "heading", depth: 3, text: capitalize(fill(rng.pick(SUBHEADINGS), rng)) });
        this.#paragraph();
      }
      while (this.words - start < budget) this.#paragraph();
    }
    this.#add({ kind: "heading", depth: 2, text: "Where to learn more" });
    this.#add({ kind: "list", items: listedLinks.map((link) => [{ link: link.path, label: link.title }]) });
    this.#add({ kind: "callUs", text: "To ask about care at City of Hope," });
    this.#add({
      kind: "nextSteps",
      items: listedLinks.slice(0, 3).map((link) => [{ text: "Read " }, { link: link.path, label: link.title }]),
    });
    return this.#blocks;
  }

  #add(block: Block): void {
    this.#blocks.push(block);
    this.words += blockWords(block);
  }

  /** 3-5 sentences; the first paragraphs introduce the page's glossary terms; a quarter of sentences cite a source. */
  #paragraph(sentences = this.#rng.int(3, 5)): void {
    const rng = this.#rng;
    const termAt = this.#terms.length > 0 ? rng.int(0, sentences - 1) : -1;
    const parts: Inline[] = [];
    for (let index = 0; index < sentences; index++) {
      if (index > 0) parts.push({ text: " " });
      parts.push(...(index === termAt ? this.#termSentence() : this.#sentence()));
      if (rng.chance(0.25)) parts.push(this.#cite());
    }
    this.#add({ kind: "paragraph", parts });
  }

  #list(): void {
    const items = Array.from({ length: this.#rng.int(4, 6) }, () => [
      ...this.#sentence(),
      ...(this.#rng.chance(0.4) ? [this.#cite()] : []),
    ]);
    this.#add({ kind: "list", items });
  }

  #sentence(): Inline[] {
    return [{ text: capitalize(fill(this.#rng.pick(SENTENCES), this.#rng)) }];
  }

  #termSentence(): Inline[] {
    const term = this.#terms.shift();
    if (!term) return this.#sentence();
    const [before = "", after = ""] = capitalize(fill(this.#rng.pick(TERM_SENTENCES), this.#rng)).split("{term}");
    // Proper names and abbreviations ("Medicare Part B", "HIPAA") keep their capitals.
    const label = /[A-Z]/.test(term.term.slice(1)) ? term.term : term.term.toLowerCase();
    return [{ text: before }, { term: term.id, label }, { text: after }];
  }

  #cite(): Inline {
    return { cite: this.#rng.pick(this.#sourceIds) };
  }
}

// ---- rendering ----

/** MDX uses the editors' components; plain Markdown has none, so the same text without them. */
function renderBody(blocks: Block[], format: PageFormat): string {
  return `\n${blocks.map((block) => renderBlock(block, format)).join("\n\n")}\n`;
}

function renderBlock(block: Block, format: PageFormat): string {
  const inline = (parts: Inline[]) => parts.map((part) => renderInline(part, format)).join("");
  const list = (items: Inline[][]) => items.map((item) => `- ${inline(item)}`).join("\n");
  switch (block.kind) {
    case "paragraph":
      return inline(block.parts);
    case "heading":
      return `${"#".repeat(block.depth)} ${block.text}`;
    case "list":
      return list(block.items);
    case "keyFacts":
      return format === "mdx"
        ? `<KeyFacts>\n${list(block.items)}\n</KeyFacts>`
        : `**Key points**\n\n${list(block.items)}`;
    case "tip":
      return format === "mdx"
        ? `<Callout type="tip" title="${block.title}">\n${block.text}\n</Callout>`
        : `> **Tip: ${block.title}.** ${block.text}`;
    case "callUs":
      return format === "mdx" ? `<CallUs>${block.text}</CallUs>` : `${block.text} call us.`;
    case "nextSteps": {
      const steps = block.items
        .map((item, index) => `${index + 1}. ${item.map((part) => renderInline(part, format)).join("")}`)
        .join("\n");
      return format === "mdx" ? `<NextSteps>\n${steps}\n</NextSteps>` : `**Next steps**\n\n${steps}`;
    }
  }
}

function renderInline(part: Inline, format: PageFormat): string {
  if ("cite" in part) return format === "mdx" ? `<Cite id="${part.cite}" />` : "";
  if ("term" in part) return format === "mdx" ? `<Term id="${part.term}">${part.label}</Term>` : part.label;
  if ("link" in part) return `[${part.label}](${part.link})`;
  return part.text;
}

function blockWords(block: Block): number {
  const count = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;
  const inline = (parts: Inline[]) =>
    parts.reduce((sum, part) => sum + ("text" in part ? count(part.text) : "label" in part ? count(part.label) : 0), 0);
  switch (block.kind) {
    case "paragraph":
      return inline(block.parts);
    case "heading":
      return count(block.text);
    case "list":
    case "keyFacts":
    case "nextSteps":
      return block.items.reduce((sum, item) => sum + inline(item), 0);
    case "tip":
      return count(`${block.title} ${block.text}`);
    case "callUs":
      return count(block.text);
  }
}

// ---- text helpers ----

/** Replaces {slot} with a random value of that slot; {slot2} gets a different value than {slot}. */
function fill(template: string, rng: Rng): string {
  const chosen = new Map<string, string>();
  return template.replace(/\{(\w+?)(2)?\}/g, (whole, slot: string, second?: string) => {
    const values = SLOTS[slot];
    if (!values) return whole; // {term}: filled by the caller
    const first = chosen.get(slot);
    const value = second && first ? rng.pick(values.filter((candidate) => candidate !== first)) : rng.pick(values);
    if (!second) chosen.set(slot, value);
    return value;
  });
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A title inside a sentence: lower-case first letter, unless it starts with an abbreviation. */
const midSentence = (title: string) =>
  /^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

function dayAfter(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---- seeded randomness ----

interface Rng {
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: tiny, fast and good enough to vary text; the same seed always gives the same page. */
function createRng(seed: number): Rng {
  let state = (seed * 0x9e3779b9) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("nothing to pick from");
      return items[int(0, items.length - 1)] as T;
    },
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index--) {
        const other = int(0, index);
        [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
      }
      return pool.slice(0, count);
    },
  };
}
