/**
 * What the search script says, in the page's language. The words live in the dictionaries'
 * `search` section (src/i18n/); the page hands them to the script as one small JSON attribute
 * (src/components/SiteSearch.astro), each message with a value written as a template: the
 * dictionary's function called with "{0}", "{1}"... in place of its values, which the script
 * fills in (fill, fillParts). Pure, so the script and the tests share it.
 */
import type { UiStrings } from "../i18n/index.ts";

export interface SearchMessages {
  /** The language tag dates are written in ("en-US", "es-US"). */
  dates: string;
  /** The `type` of glossary records (their filter value and the label results show). */
  glossaryType: string;
  updated: string;
  published: string;
  couldNotLoad: string;
  noResults: string;
  didYouMeanSentence: string;
  noResultsHelp: string;
  oneResult: string;
  manyResults: string;
  resultsFor: string;
  resultsForCorrected: string;
  showingBest: string;
  showingCount: string;
  showingInstead: string;
  didYouMean: string;
  otherSections: string;
}

/** The placeholder of a template's n-th value. */
const slot = (index: number) => `{${index}}`;

/** The messages of a dictionary, for the script. */
export function searchMessages(t: UiStrings, dates: string): SearchMessages {
  const s = t.search;
  const [a, b, c] = [slot(0), slot(1), slot(2)];
  return {
    dates,
    glossaryType: t.glossary.title,
    updated: t.post.updated,
    published: t.post.published,
    couldNotLoad: s.couldNotLoad,
    noResults: s.noResults(a),
    didYouMeanSentence: s.didYouMeanSentence(a),
    noResultsHelp: s.noResultsHelp(a),
    oneResult: s.oneResult,
    manyResults: s.manyResults(a),
    resultsFor: s.resultsFor(a, b),
    resultsForCorrected: s.resultsForCorrected(a, b, c),
    showingBest: s.showingBest(a),
    showingCount: s.showingCount(a),
    showingInstead: s.showingInstead(a, b),
    didYouMean: s.didYouMean(a),
    otherSections: s.otherSections(a),
  };
}

/** A template with its values in place of {0}, {1}...; a placeholder without a value stays as it is. */
export function fill(template: string, ...values: readonly string[]): string {
  return template.replace(/\{(\d)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

/**
 * A template as parts, its values in place (text or elements): "Did you mean {0}?" with a link
 * -> ["Did you mean ", <a>, "?"]. Empty text parts are left out.
 */
export function fillParts<Value>(template: string, ...values: readonly Value[]): Array<string | Value> {
  return template
    .split(/(\{\d\})/)
    .map((piece): string | Value => {
      const match = /^\{(\d)\}$/.exec(piece);
      return match && Number(match[1]) < values.length ? values[Number(match[1])]! : piece;
    })
    .filter((piece) => piece !== "");
}
