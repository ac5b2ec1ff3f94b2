/**
 * Turning a page's indexed text into what a search result shows: the section that matches best,
 * an excerpt that starts where a sentence (or at least a clause) starts, the matched words marked,
 * and a link that makes the browser highlight those words in the page's body. Pure functions over
 * Pagefind's result data (content, anchors, word positions); nothing here is injected as HTML.
 */
import { foldAccents } from "./search-query.ts";

/** Word characters at the edges of a token: punctuation around a match is not part of it. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** A token that ends a sentence, or a clause (where an excerpt may also start). */
const SENTENCE_END = /[.!?]["'”’)]*$/u;
const CLAUSE_END = /[,;:—–]["'”’)]*$/u;

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const value = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) ? String.fromCodePoint(value) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** An excerpt in Pagefind's form as text parts, each marked or not. Other tags are dropped. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) parts.push({ text: decode(piece.replace(/<[^>]*>/g, "")), marked });
  }
  return parts;
}

/** A word as excerpts compare it: lowercase, without accents ("Médico" and "medico" are one). */
const comparable = (word: string) => foldAccents(word.replace(EDGE_PUNCTUATION, "").toLowerCase());

/** Marks the words of `text` that start with one of `terms` (accents aside), e.g. in a page summary. */
export function highlightParts(text: string, terms: readonly string[]): ExcerptPart[] {
  const wanted = terms.map(comparable).filter((term) => term.length > 1);
  return mergeParts(
    text.split(/(\s+)/).flatMap((token) => {
      const core = comparable(token);
      return core && wanted.some((term) => core.startsWith(term)) ? markCore(token) : [{ text: token, marked: false }];
    }),
  );
}

/** DOM nodes for excerpt parts: text nodes and <mark> elements only (browser use). */
export function excerptNodes(parts: readonly ExcerptPart[]): Node[] {
  return parts.map((part) => {
    if (!part.marked) return document.createTextNode(part.text);
    const mark = document.createElement("mark");
    mark.textContent = part.text;
    return mark;
  });
}

/** The words of Pagefind's `content`, split as Pagefind splits them: word positions index this. */
export const contentWords = (content: string): string[] => content.split(/[^\S\uFEFF]+/);

const bare = (token: string) => token.replace(EDGE_PUNCTUATION, "").toLowerCase();

/** Position of `phrase` (as words, punctuation and case ignored) in `words`, from `from`; -1 if absent. */
export function findWords(words: readonly string[], phrase: string, from = 0, within = 400): number {
  const wanted = contentWords(phrase.trim()).map(bare).filter(Boolean);
  if (wanted.length === 0) return -1;
  const last = Math.min(words.length - wanted.length, from + within);
  for (let start = from; start <= last; start++) {
    if (wanted.every((word, offset) => bare(words[start + offset]!) === word)) return start;
  }
  return -1;
}

/**
 * Where the page's own text starts. Pagefind indexes the page's opening first: the editor's
 * search keywords (hidden), the title and the summary. Results never quote or link into it.
 */
export function openingLength(
  words: readonly string[],
  meta: { title?: string | undefined; description?: string | undefined },
): number {
  const title = meta.title ? findWords(words, meta.title) : -1;
  const afterTitle = title === -1 ? 0 : title + contentWords(meta.title!.trim()).length;
  if (meta.description) {
    const description = findWords(words, meta.description, afterTitle, 40);
    if (description !== -1) return description + contentWords(meta.description.trim()).length;
  }
  return afterTitle;
}

export interface Anchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

export interface Section {
  /** The heading's id; undefined for the text before the first heading. */
  id: string | undefined;
  /** The heading's text (or the page title for the text before the first heading). */
  title: string;
  /** Position of the section's first word (its heading). */
  start: number;
  /** Position of its first word after the heading. */
  textStart: number;
  /** Position just past its last word. */
  end: number;
}

/** The page's sections from its headings (h2 to h6 with an id and text), after the opening. */
export function pageSections(
  words: readonly string[],
  anchors: readonly Anchor[],
  opening: number,
  pageTitle: string,
): Section[] {
  const headings = anchors
    .filter(
      (anchor) => /^h[2-6]$/i.test(anchor.element) && anchor.id && anchor.text?.trim() && anchor.location >= opening,
    )
    .sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  const firstHeading = headings[0]?.location ?? words.length;
  if (firstHeading > opening)
    sections.push({ id: undefined, title: pageTitle, start: opening, textStart: opening, end: firstHeading });
  headings.forEach((heading, index) => {
    const end = headings[index + 1]?.location ?? words.length;
    const textStart = Math.min(end, heading.location + contentWords(heading.text!.trim()).length);
    sections.push({ id: heading.id, title: heading.text!.trim(), start: heading.location, textStart, end });
  });
  return sections;
}

/** The words the reader searched for at a position in the text, by term (term index -> positions). */
export type Matches = ReadonlyMap<number, readonly number[]>;

/** Text a link asks the browser to find and highlight (a URL text fragment). */
export interface TextTarget {
  prefix: string;
  text: string;
  suffix: string;
}

export interface Passage {
  section: Section;
  /** How well the section matches: distinct terms first, then how many matches. */
  score: number;
  parts: ExcerptPart[];
  /** The first matched word in the section's text with a little context, for the link. */
  target: TextTarget | undefined;
}

export interface PassageOptions {
  /** Words in an excerpt, about; it may run on a few words to finish a sentence. */
  length: number;
  /** Positions the link should point at first when the section has them (the reader's own words). */
  preferred?: ReadonlySet<number>;
}

/** How far back an excerpt may start to begin at a sentence (or clause) rather than mid-way. */
const LOOK_BACK = 14;
/** How far past `length` an excerpt may run to end with its sentence. */
const RUN_ON = 8;

/**
 * The sections that contain matches, best first, each with its excerpt. A section whose heading
 * alone matches shows its first sentence.
 */
export function passages(
  words: readonly string[],
  sections: readonly Section[],
  matches: Matches,
  options: PassageOptions,
): Passage[] {
  const termAt = new Map<number, number>();
  for (const [term, positions] of matches)
    for (const position of positions) if (!termAt.has(position)) termAt.set(position, term);
  const found: Passage[] = [];
  for (const section of sections) {
    const inHeading = new Set<number>();
    const inText: number[] = [];
    for (const [position, term] of termAt) {
      if (position >= section.start && position < section.textStart) inHeading.add(term);
      else if (position >= section.textStart && position < section.end) inText.push(position);
    }
    if (inHeading.size === 0 && inText.length === 0) continue;
    inText.sort((a, b) => a - b);
    const distinct = new Set([...inHeading, ...inText.map((position) => termAt.get(position)!)]);
    const score = distinct.size * 100 + inHeading.size * 20 + Math.min(inText.length, 10);
    // A heading with no text of its own (an h2 straight before an h3) quotes the text after it.
    const quoted =
      section.end > section.textStart
        ? section
        : { ...section, end: Math.min(words.length, section.textStart + options.length) };
    const { start, end } = excerptWindow(words, quoted, inText, termAt, options.length);
    const marked = new Set(
      [...termAt.keys()].filter((position) => position >= Math.max(start, section.textStart) && position < end),
    );
    const first = inText.find((position) => options.preferred?.has(position)) ?? inText[0];
    found.push({
      section,
      score,
      parts: excerptOf(words, start, end, marked, quoted),
      target: targetOf(words, section, first),
    });
  }
  return found.sort((a, b) => b.score - a.score || a.section.start - b.section.start);
}

/** Where an excerpt starts: the latest sentence start (else clause start) shortly before `at`. */
export function boundaryBefore(words: readonly string[], at: number, floor: number): number {
  let clause = -1;
  for (let position = at - 1; position >= Math.max(floor, at - LOOK_BACK); position--) {
    const word = words[position]!;
    if (SENTENCE_END.test(word)) return position + 1;
    if (clause === -1 && CLAUSE_END.test(word)) clause = position + 1;
  }
  if (at - floor <= LOOK_BACK) return floor;
  return clause !== -1 ? clause : at;
}

/** The window of text with the most distinct terms (then matches), starting at a boundary. */
function excerptWindow(
  words: readonly string[],
  section: Section,
  inText: readonly number[],
  termAt: ReadonlyMap<number, number>,
  length: number,
) {
  // A short section (a glossary entry's meaning) shows whole.
  if (section.end - section.textStart <= length) return { start: section.textStart, end: section.end };
  let best = { start: section.textStart, score: -1 };
  for (const position of inText.length ? inText : [section.textStart]) {
    const start = boundaryBefore(words, position, section.textStart);
    const inWindow = inText.filter((match) => match >= start && match < start + length);
    const score =
      new Set(inWindow.map((match) => termAt.get(match))).size * 100 + inWindow.length - (position - start) / 100;
    if (score > best.score) best = { start, score };
  }
  let end = Math.min(section.end, best.start + length);
  // Finish the sentence when it ends soon after.
  for (let position = end - 1; position < Math.min(section.end, best.start + length + RUN_ON); position++) {
    if (position >= best.start && SENTENCE_END.test(words[position]!)) {
      end = position + 1;
      break;
    }
  }
  return { start: best.start, end };
}

function excerptOf(
  words: readonly string[],
  start: number,
  end: number,
  marked: ReadonlySet<number>,
  section: Section,
): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const startsClean = start === section.textStart || SENTENCE_END.test(words[start - 1] ?? ".");
  if (!startsClean) parts.push({ text: "… ", marked: false });
  for (let position = start; position < end; position++) {
    const word = words[position]!;
    if (position > start) parts.push({ text: " ", marked: false });
    parts.push(...(marked.has(position) ? markCore(word) : [{ text: word, marked: false }]));
  }
  if (end < section.end && !SENTENCE_END.test(words[end - 1] ?? "")) parts.push({ text: " …", marked: false });
  return mergeParts(parts);
}

/** A token with its word marked and any punctuation around it left plain: "(IORT)," -> ( IORT ),. */
function markCore(token: string): ExcerptPart[] {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token)!;
  const [, before = "", core = "", after = ""] = match;
  if (!core) return [{ text: token, marked: false }];
  return [
    ...(before ? [{ text: before, marked: false }] : []),
    { text: core, marked: true },
    ...(after ? [{ text: after, marked: false }] : []),
  ];
}

function mergeParts(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const merged: ExcerptPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.marked === part.marked) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/**
 * The matched word as the browser should find it in the body: with up to two words before it and
 * one after, from the same sentence, so the highlight lands on this passage and not on the same
 * word in the page's title, breadcrumbs or contents list (which hold headings and titles only).
 */
function targetOf(words: readonly string[], section: Section, at: number | undefined): TextTarget | undefined {
  if (at === undefined) return undefined;
  const token = words[at]!;
  const text = token.replace(EDGE_PUNCTUATION, "");
  if (!text) return undefined;
  const before: string[] = [];
  // Punctuation between the context and the word would break the match: take context only
  // across plain spaces, and never across the end of a sentence (which may be a block's end).
  if (/^[\p{L}\p{N}]/u.test(token)) {
    for (let position = at - 1; position >= section.textStart && before.length < 2; position--) {
      const word = words[position]!;
      if (SENTENCE_END.test(word) || CLAUSE_END.test(word)) break;
      before.unshift(word);
    }
  }
  let suffix = "";
  const next = words[at + 1];
  if (/[\p{L}\p{N}]$/u.test(token) && next !== undefined && at + 1 < section.end && /^[\p{L}\p{N}]/u.test(next)) {
    suffix = next.replace(EDGE_PUNCTUATION, "");
  }
  return { prefix: before.join(" "), text, suffix };
}

/** Encodes text for a text fragment; `-`, `,` and `&` have meaning there and must be escaped. */
const encodeFragmentText = (text: string) => encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C");

/**
 * A result link that makes the browser scroll to and highlight the matched words on the target
 * page: a URL text fragment (native; no script on the target page). If the browser finds no
 * such text, or does not support text fragments, it opens the section (or the page) instead.
 */
export function textFragmentUrl(url: string, target: TextTarget | undefined): string {
  if (!target) return url;
  const directive = [
    target.prefix && `${encodeFragmentText(target.prefix)}-`,
    encodeFragmentText(target.text),
    target.suffix && `-${encodeFragmentText(target.suffix)}`,
  ]
    .filter(Boolean)
    .join(",");
  return `${url}${url.includes("#") ? "" : "#"}:~:text=${directive}`;
}
