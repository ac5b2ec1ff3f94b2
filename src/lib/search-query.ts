/**
 * What a reader's search means, before and after Pagefind: pure functions, used by the search
 * page's script (src/scripts/site-search.ts), the build's word lists (src/lib/search-settings.ts)
 * and the tests. Pagefind matches every word of a query (all of them, as prefixes) and knows no
 * stop words, synonyms or misspellings; this module adds them around it:
 *
 * 1. planQuery: the reader's words become terms. Filler words ("how", "do", "I", "my") are
 *    dropped, and each remaining word or known phrase carries its alternatives (synonyms).
 * 2. Each alternative is searched on its own; fuseResults ranks pages by the terms they match
 *    (the sum of each term's best score, times the share of terms matched), so a page with all
 *    the meaningful words comes first and a page with some of them still comes after. That is
 *    the fallback too: when no page has every word, the pages with most of them lead.
 * 3. When a word is not on the site, the script loads the site's vocabulary and
 *    Vocabulary.correct proposes the closest word the site uses ("pathalogy" -> "pathology").
 *
 * Each language has its own lists and vocabulary. Accents never decide a match: readers often
 * type "historial medico" for "historial médico", so the lists, the vocabulary and the marked
 * words compare words without them (foldAccents). Pagefind (1.5 and later) does the same in its
 * index: "medico" finds "médico", with the accented form ranked a little higher.
 */
import type { Locale } from "./i18n.ts";

/** Stop words and synonyms of one language, from content/search/ (see src/lib/search-settings.ts). */
export interface QuerySettings {
  /** The language of the words (it decides how a plural is read); English when not said. */
  locale: Locale;
  /** Words that carry no meaning in a search, lowercase and without accents. */
  stopWords: ReadonlySet<string>;
  /** A word or phrase readers use (its synonymKey) -> words or phrases our pages use. */
  synonyms: ReadonlyMap<string, readonly string[]>;
}

/** The same lists as plain data: how the build hands them to the search page (JSON). */
export interface SearchSettingsData {
  locale?: Locale;
  stopWords: string[];
  synonyms: Record<string, string[]>;
}

export function querySettings(data: SearchSettingsData): QuerySettings {
  return {
    locale: data.locale ?? "en",
    stopWords: new Set(data.stopWords.map(foldAccents)),
    synonyms: new Map(Object.entries(data.synonyms)),
  };
}

export interface Alternative {
  /** Sent to Pagefind as it is (its words must all match). */
  query: string;
  /** 1 for the reader's own word; less for a synonym, so the reader's word wins a tie. */
  weight: number;
}

export interface QueryTerm {
  /** The reader's word or phrase, normalized. */
  text: string;
  alternatives: Alternative[];
}

export interface QueryPlan {
  /** The reader's query as typed: what the box, the URL and the announcements keep. */
  query: string;
  /** Meaningful terms, in the reader's order; empty only for an empty query. */
  terms: QueryTerm[];
}

/** A synonym counts a little less than the word the reader typed. */
export const SYNONYM_WEIGHT = 0.8;
/** Longest phrase (in words) looked up among the synonyms. */
const MAX_PHRASE_WORDS = 4;
/** Terms searched at most: each is a search of its own, and a pasted paragraph should stay quick. */
export const MAX_TERMS = 10;

/** The words of a query as Pagefind would see them: lowercase, without surrounding punctuation. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/['’]/g, ""))
    .filter(Boolean);
}

/** A word without its accents ("médico" -> "medico", "año" -> "ano"): how words are compared. */
export const foldAccents = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");

/**
 * A rough singular, only to look words up among the stop words and synonyms ("scans" -> "scan",
 * "copies" -> "copy"). Pagefind does its own stemming when it searches.
 *
 * In Spanish it is a shared stem rather than a real singular: a final -s goes, then an -e after
 * l, n, r, d, j or s ("hospitales" -> "hospital", "exámenes" -> "exámen", "pacientes" ->
 * "paciente"), so a word and its plural always meet. Words in -is and -us do not change
 * ("análisis", "virus"). Only the lookups use it, both sides the same way.
 */
export function singular(word: string, locale: Locale = "en"): string {
  if (locale === "es") {
    if (word.length <= 4 || !word.endsWith("s") || /[iu]s$/.test(foldAccents(word))) return word;
    const stem = word.slice(0, -1);
    return /[lnrdjs]e$/.test(stem) ? stem.slice(0, -1) : stem;
  }
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A word as the lists are keyed by: singular and without accents. */
const wordKey = (word: string, locale: Locale): string => foldAccents(singular(word, locale));

/** A word or phrase in the form the settings are keyed by: lowercase words, each singular, no accents. */
export const synonymKey = (text: string, locale: Locale = "en"): string =>
  queryWords(text)
    .map((word) => wordKey(word, locale))
    .join(" ");

/** The reader's query as terms to search, filler words dropped, synonyms attached. */
export function planQuery(query: string, settings: QuerySettings): QueryPlan {
  const words = queryWords(query);
  const keys = words.map((word) => wordKey(word, settings.locale));
  const terms: QueryTerm[] = [];
  const add = (text: string, synonyms: readonly string[] = []) => {
    if (terms.some((term) => term.text === text)) return;
    const alternatives: Alternative[] = [{ query: text, weight: 1 }];
    for (const synonym of synonyms) {
      const normalized = queryWords(synonym).join(" ");
      if (normalized && !alternatives.some((alternative) => alternative.query === normalized))
        alternatives.push({ query: normalized, weight: SYNONYM_WEIGHT });
    }
    terms.push({ text, alternatives });
  };
  for (let index = 0; index < words.length; ) {
    // The longest known phrase starting here, e.g. "sugar pill", "far away".
    let matched = 0;
    for (let length = Math.min(MAX_PHRASE_WORDS, words.length - index); length > 0 && !matched; length--) {
      const synonyms = settings.synonyms.get(keys.slice(index, index + length).join(" "));
      if (synonyms) {
        add(words.slice(index, index + length).join(" "), synonyms);
        matched = length;
      }
    }
    if (matched) {
      index += matched;
      continue;
    }
    const word = words[index]!;
    if (!settings.stopWords.has(foldAccents(word)) && !settings.stopWords.has(keys[index]!)) add(word);
    index++;
  }
  // A query of filler words only ("what is it") is searched as typed rather than not at all.
  if (terms.length === 0) for (const word of words) add(word);
  return { query, terms: terms.slice(0, MAX_TERMS) };
}

/** What Pagefind returned for one result of one alternative's search. */
export interface ScoredHit<Result> {
  id: string;
  score: number;
  /** Word positions of the match in the page's content. */
  words: readonly number[];
  result: Result;
}

export interface FusedResult<Result> {
  id: string;
  score: number;
  /** How many of the plan's terms the page matches. */
  matched: number;
  /** Word positions per matched term (term index -> positions, of all its alternatives), for excerpts. */
  locations: Map<number, readonly number[]>;
  /** Positions of the reader's own words (not synonyms): what a result's link points at first. */
  ownWords: Set<number>;
  /** The Pagefind result to load the page's data from (from its best-scoring search). */
  result: Result;
}

/** BM25's inverse document frequency: how much a word on `containing` of `total` records tells apart. */
export const idf = (total: number, containing: number): number =>
  Math.log(1 + (total - containing + 0.5) / (containing + 0.5));

/**
 * Pagefind weighs a word by how rare it is among all its records, and the glossary's many short
 * records make a word that is on every page ("second", "opinion" on this site) look rare. This is
 * the factor that re-weighs a search's scores by the word's rarity among pages alone, so the
 * word that tells the pages apart decides ("second opinion costs": "costs").
 */
export function pageRarity({
  pages,
  records,
  pagesMatched,
  recordsMatched,
}: {
  pages: number;
  records: number;
  pagesMatched: number;
  recordsMatched: number;
}): number {
  const overall = idf(records, recordsMatched);
  if (pages <= 0 || pagesMatched <= 0 || overall <= 0) return 1;
  return idf(pages, pagesMatched) / overall;
}

/**
 * How strongly matching every term outranks matching some: the score is multiplied by
 * (terms matched / terms) to this power. 2 keeps "all the meaningful words" first in practice
 * while a page that matches most of them still ranks.
 */
export const COVERAGE_POWER = 2;

/**
 * One ranked list from the searches of each term's alternatives (`hits[term][alternative]`):
 * a page scores the sum over terms of its best weighted score for that term, times its coverage.
 */
export function fuseResults<Result>(
  plan: QueryPlan,
  hits: ReadonlyArray<ReadonlyArray<ReadonlyArray<ScoredHit<Result>>>>,
): FusedResult<Result>[] {
  interface Page {
    perTerm: Map<number, { score: number; hit: ScoredHit<Result> }>;
    locations: Map<number, Set<number>>;
    ownWords: Set<number>;
  }
  const pages = new Map<string, Page>();
  plan.terms.forEach((term, termIndex) => {
    term.alternatives.forEach((alternative, alternativeIndex) => {
      for (const hit of hits[termIndex]?.[alternativeIndex] ?? []) {
        const score = hit.score * alternative.weight;
        let page = pages.get(hit.id);
        if (!page) pages.set(hit.id, (page = { perTerm: new Map(), locations: new Map(), ownWords: new Set() }));
        const best = page.perTerm.get(termIndex);
        if (!best || score > best.score) page.perTerm.set(termIndex, { score, hit });
        const positions = page.locations.get(termIndex) ?? new Set<number>();
        page.locations.set(termIndex, positions);
        for (const position of hit.words) {
          positions.add(position);
          if (alternativeIndex === 0) page.ownWords.add(position);
        }
      }
    });
  });
  const termCount = Math.max(plan.terms.length, 1);
  const fused: FusedResult<Result>[] = [];
  for (const [id, { perTerm, locations, ownWords }] of pages) {
    let sum = 0;
    let best: { score: number; hit: ScoredHit<Result> } | undefined;
    for (const entry of perTerm.values()) {
      sum += entry.score;
      if (!best || entry.score > best.score) best = entry;
    }
    const coverage = perTerm.size / termCount;
    fused.push({
      id,
      score: sum * coverage ** COVERAGE_POWER,
      matched: perTerm.size,
      locations: new Map([...locations].map(([term, positions]) => [term, [...positions].sort((a, b) => a - b)])),
      ownWords,
      result: best!.hit.result,
    });
  }
  return fused.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Keeps answers from one kind of result from crowding out the rest: at most `limit` results for
 * which `isCapped` is true among the first `within`; the others move to just after that point,
 * in order.
 */
export function capWithin<T>(
  results: readonly T[],
  isCapped: (result: T) => boolean,
  limit: number,
  within: number,
): T[] {
  const head: T[] = [];
  const moved: T[] = [];
  let index = 0;
  for (; index < results.length && head.length < within; index++) {
    const result = results[index]!;
    if (isCapped(result) && head.filter(isCapped).length >= limit) moved.push(result);
    else head.push(result);
  }
  return [...head, ...moved, ...results.slice(index)];
}

/**
 * Glossary entries are short, so they rank high for any word they define; they make room for
 * the pages: a page comes first whenever one matches, and one entry at most is in the top three
 * (the definition right after the page that explains it).
 */
export function pagesFirst<T>(results: readonly T[], isEntry: (result: T) => boolean): T[] {
  const capped = capWithin(results, isEntry, 1, 3);
  const page = capped.findIndex((result) => !isEntry(result));
  return page > 0 ? [capped[page]!, ...capped.slice(0, page), ...capped.slice(page + 1)] : capped;
}

/**
 * The site's vocabulary for spelling, in one language: words from titles, headings, keywords,
 * glossary terms and text, most weighty first (written by the search index build as one
 * space-separated string per language). Words are compared without their accents, and a
 * correction is the word as the site writes it ("radiacion" is known; "radioterapya" ->
 * "radioterapia").
 */
export class Vocabulary {
  readonly words: readonly string[];
  readonly locale: Locale;
  /** Each word without accents, in the same order. */
  readonly #folded: readonly string[];
  readonly #rank: Map<string, number>;

  constructor(words: readonly string[], locale: Locale = "en") {
    this.words = words;
    this.locale = locale;
    this.#folded = words.map(foldAccents);
    this.#rank = new Map();
    this.#folded.forEach((word, index) => {
      if (!this.#rank.has(word)) this.#rank.set(word, index);
    });
  }

  static parse(json: unknown, locale: Locale = "en"): Vocabulary {
    const words =
      typeof json === "object" && json !== null && typeof (json as { words?: unknown }).words === "string"
        ? (json as { words: string }).words
        : "";
    return new Vocabulary(words.split(" ").filter(Boolean), locale);
  }

  /** True when the site has this word, or a word it starts (Pagefind matches prefixes), accents aside. */
  knows(word: string): boolean {
    const folded = foldAccents(word);
    if (this.#rank.has(folded) || this.#rank.has(foldAccents(singular(word, this.locale)))) return true;
    // The vocabulary holds the parts of hyphenated words ("targit-a": "targit").
    if (word.includes("-")) return word.split("-").every((part) => part.length < 4 || this.knows(part));
    return this.#folded.some((known) => known.startsWith(folded));
  }

  /**
   * The word the reader most likely meant: the closest site word within one edit (two for words
   * of six letters or more; a swap of two neighbours is one edit), preferring the same first
   * letter, then the weightier word. Undefined for short words, known words and no close match.
   */
  correct(word: string): string | undefined {
    if (word.length < 4 || /\d/.test(word) || this.knows(word)) return undefined;
    const folded = foldAccents(word);
    const limit = folded.length >= 6 ? 2 : 1;
    let best: { word: string; cost: number; rank: number } | undefined;
    this.#folded.forEach((candidate, rank) => {
      if (Math.abs(candidate.length - folded.length) > limit) return;
      const distance = editDistance(folded, candidate, limit);
      if (distance > limit) return;
      // A different first letter is a rarer slip: it costs half an edit more.
      const cost = distance + (candidate[0] === folded[0] ? 0 : 0.5);
      if (cost > limit) return;
      if (!best || cost < best.cost || (cost === best.cost && rank < best.rank))
        best = { word: this.words[rank]!, cost, rank };
    });
    return best?.word;
  }
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, and swaps of two
 * neighbouring letters each cost 1). Stops early and returns `limit + 1` once it is over `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export interface Correction {
  /** The reader's word. */
  from: string;
  /** What is searched instead. */
  to: string;
}

/**
 * The query with its unknown words corrected, keeping the reader's other words and order
 * ("how is pathalogy done" -> "how is pathology done"); undefined when nothing needs correcting.
 * Only `suspects` (words whose own search found little) are considered.
 */
export function correctQuery(
  query: string,
  suspects: ReadonlySet<string>,
  vocabulary: Vocabulary,
): { query: string; corrections: Correction[] } | undefined {
  const corrections: Correction[] = [];
  const corrected = query
    .split(/(\s+)/)
    .map((token) => {
      const [word] = queryWords(token);
      if (!word || !suspects.has(word)) return token;
      const to = vocabulary.correct(word);
      if (!to) return token;
      corrections.push({ from: word, to });
      return to;
    })
    .join("");
  return corrections.length ? { query: corrected, corrections } : undefined;
}
