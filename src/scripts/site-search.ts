/**
 * <site-search>: runs Pagefind on the search page. Loaded only there. The page works without it
 * (the form submits and the full list of pages stays); this adds results as the reader types.
 *
 * A search goes through src/lib/search-query.ts: filler words are dropped and each meaningful
 * word (with its synonyms) is searched on its own, then the results are ranked together. When a
 * word is unknown to the site, the site's vocabulary is loaded (once) and the closest word is
 * searched instead, saying so. The reader's own words stay in the box and the URL.
 *
 * Everything it says comes from the page, in the page's language (data-messages, made from the
 * dictionary: src/lib/search-messages.ts), as do the word lists and the vocabulary's address.
 * Pagefind itself loads the index of the page's <html lang>.
 */
import {
  Vocabulary,
  correctQuery,
  fuseResults,
  pageRarity,
  pagesFirst,
  planQuery,
  querySettings,
  type Correction,
  type FusedResult,
  type QueryPlan,
  type QuerySettings,
  type ScoredHit,
  type SearchSettingsData,
} from "@/lib/search-query";
import { fill, fillParts, type SearchMessages } from "@/lib/search-messages";
import {
  contentWords,
  excerptNodes,
  highlightParts,
  openingLength,
  pageSections,
  passages,
  textFragmentUrl,
  type Anchor,
  type ExcerptPart,
  type Matches,
} from "@/lib/search-text";

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: Anchor[];
}
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

type Ranked = FusedResult<PagefindResult>;

interface IndexShape {
  /** Records in the index: pages and glossary entries. */
  records: number;
  glossary: Set<string>;
}

interface Outcome {
  plan: QueryPlan;
  results: Ranked[];
  /** The reader's words that the site does not have (candidates for a spelling correction). */
  unknown: Set<string>;
}

/** Results shown at first and per "Show more": each one costs a download of that page's fragment. */
const RESULTS_PER_BATCH = 5;
const SECTIONS_SHOWN = 3;
/** Words in an excerpt (about: it may run on to finish its sentence); a glossary entry shows whole. */
const EXCERPT_WORDS = 26;
const DEFINITION_WORDS = 80;
/**
 * Wait this long after the last keystroke before the live region announces the count, so typing
 * is not read aloud. The visible count does not wait: it belongs with the results it counts.
 */
const ANNOUNCE_DELAY_MS = 700;
/**
 * Queries of one or two letters match almost every word; they run only when the reader stops
 * typing for this long (or presses Enter), not on every keystroke.
 */
const SHORT_QUERY = 3;
const SHORT_QUERY_DELAY_MS = 300;
/** Appended to a word to learn whether Pagefind matched it or fell back to a shorter word. */
const PROBE_SUFFIX = "9";

/**
 * Pagefind's ranking, tuned on the test set (tests/search-queries.yaml, `npm run search:quality`).
 * Rank by where a word appears (title, headings, keywords) more than by how often: on a site
 * where every page mentions "second opinion", frequency buries the page about it. No penalty for
 * length (guides are long, glossary entries a sentence). A title match counts most; the summary
 * is in the text already, and the page type and dates are not words readers mean.
 */
const RANKING = {
  termFrequency: 0.1,
  pageLength: 0,
  metaWeights: { title: 5, description: 0, type: 0, updated: 0, published: 0 },
};

export class SiteSearch extends HTMLElement {
  #pagefind: Promise<PagefindApi> | undefined;
  #vocabulary: Promise<Vocabulary | undefined> | undefined;
  #shape: Promise<IndexShape> | undefined;
  #settings: QuerySettings = querySettings({ stopWords: [], synonyms: {} });
  #messages!: SearchMessages;
  #dates!: Intl.DateTimeFormat;
  #input!: HTMLInputElement;
  #count!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #filters!: HTMLDetailsElement;
  #more!: HTMLButtonElement;
  #spelling!: HTMLElement;
  #none!: HTMLElement;
  /** Results of the current search not shown yet, for "Show more results". */
  #pending: Ranked[] = [];
  #terms: string[] = [];
  /** Each search gets a number; results of an older search arriving late are dropped. */
  #latest = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const part = <T extends Element>(selector: string) => this.querySelector<T>(selector);
    const input = part<HTMLInputElement>('input[name="q"]');
    const count = part<HTMLElement>(".site-search__count");
    const status = part<HTMLElement>('[role="status"]');
    const list = part<HTMLOListElement>(".site-search__results");
    const filters = part<HTMLDetailsElement>(".site-search__filters");
    const more = part<HTMLButtonElement>(".site-search__more");
    const spelling = part<HTMLElement>(".site-search__spelling");
    const none = part<HTMLElement>(".site-search__none");
    if (!input || !count || !status || !list || !filters || !more || !spelling || !none) return;
    try {
      this.#messages = JSON.parse(this.dataset.messages ?? "") as SearchMessages;
      this.#dates = dateFormat(this.#messages.dates);
    } catch {
      // The page always carries its messages; without them the form still searches by reloading.
      return;
    }
    [this.#input, this.#count, this.#status, this.#list, this.#filters, this.#more, this.#spelling, this.#none] = [
      input,
      count,
      status,
      list,
      filters,
      more,
      spelling,
      none,
    ];
    try {
      this.#settings = querySettings(JSON.parse(this.dataset.settings ?? "{}") as SearchSettingsData);
    } catch {
      // Without the word lists, search still works: every word counts and nothing is expanded.
    }
    this.#more.addEventListener("click", () => void this.#showMore());

    this.#readUrl();
    part("form")?.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#run({ announceNow: true });
    });
    this.#input.addEventListener("input", () => void this.#run());
    this.#filters.addEventListener("change", () => void this.#run({ announceNow: true }));
    this.#input.addEventListener("keydown", (event) => this.#onInputKey(event));
    this.#list.addEventListener("keydown", (event) => this.#onResultsKey(event));
    // "Search instead for ..." and "Did you mean ...": links that keep working without this script.
    this.addEventListener("click", (event) => this.#onQueryLink(event));
    document.addEventListener("keydown", (event) => this.#onShortcut(event));
    window.addEventListener("popstate", () => {
      const verbatim = this.#readUrl();
      void this.#run({ announceNow: true, keepUrl: true, verbatim });
    });

    void this.#load().catch(() => undefined);
    if (this.#input.value.trim())
      void this.#run({
        announceNow: true,
        keepUrl: true,
        verbatim: new URLSearchParams(location.search).has("verbatim"),
      });
  }

  #load(): Promise<PagefindApi> {
    this.#pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${this.#bundle}pagefind.js`)) as PagefindApi;
      // noWorker: the engine runs here rather than loading a second copy of itself into a worker
      // (12 KB gzipped less for the first search; searches take a few milliseconds either way).
      await api.options({ ranking: RANKING, noWorker: true });
      await api.init();
      return api;
    })();
    return this.#pagefind;
  }

  get #bundle(): string {
    return this.dataset.bundle ?? "/pagefind/";
  }

  /** The spelling vocabulary of the page's language, fetched the first time a search has a word the site does not know. */
  #loadVocabulary(): Promise<Vocabulary | undefined> {
    this.#vocabulary ??= fetch(this.dataset.vocabulary ?? `${this.#bundle}vocabulary.json`)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((json) => (json === undefined ? undefined : Vocabulary.parse(json, this.#settings.locale)))
      .catch(() => undefined);
    return this.#vocabulary;
  }

  /**
   * What the index holds: how many records, and which are glossary entries (so they can leave
   * room for pages at the top, and so words are weighed by their rarity among pages).
   */
  #index(api: PagefindApi): Promise<IndexShape> {
    this.#shape ??= Promise.all([
      api.search(null),
      api.search(null, { filters: { type: this.#messages.glossaryType } }),
    ])
      .then(([all, glossary]) => ({
        records: all?.results.length ?? 0,
        glossary: new Set(glossary?.results.map((result) => result.id)),
      }))
      .catch(() => ({ records: 0, glossary: new Set<string>() }));
    return this.#shape;
  }

  async #run({ announceNow = false, keepUrl = false, verbatim = false } = {}): Promise<void> {
    const query = this.#input.value.trim();
    const filters = this.#selectedFilters();
    const run = ++this.#latest;
    performance.mark("search-start");
    if (!keepUrl) this.#writeUrl(query, filters, verbatim);
    if (!query) {
      this.#clear();
      this.#setState("idle");
      this.#announce("", true);
      return;
    }
    this.#setState("searching");
    if (query.length < SHORT_QUERY && !announceNow) {
      await new Promise((done) => setTimeout(done, SHORT_QUERY_DELAY_MS));
      if (run !== this.#latest) return;
    }
    let api: PagefindApi;
    try {
      api = await this.#load();
    } catch {
      this.#setState("error");
      this.#announce(
        import.meta.env.DEV
          ? "Search uses the index made by a build. Run `npm run build` once, then reload this page."
          : this.#messages.couldNotLoad,
        true,
      );
      return;
    }
    const pagefindFilters = this.#pagefindFilters(filters);
    const shape = await this.#index(api);
    const first = await search(api, planQuery(query, this.#settings), pagefindFilters, shape);
    if (run !== this.#latest) return;

    let outcome = first;
    let correction: { query: string; corrections: Correction[] } | undefined;
    let suggestion: string | undefined;
    if (outcome.unknown.size > 0) {
      const vocabulary = await this.#loadVocabulary();
      if (run !== this.#latest) return;
      const corrected = vocabulary && correctQuery(query, outcome.unknown, vocabulary);
      if (corrected && verbatim) suggestion = corrected.query;
      else if (corrected) {
        const second = await search(api, planQuery(corrected.query, this.#settings), pagefindFilters, shape);
        if (run !== this.#latest) return;
        if (second.results.length > 0) [outcome, correction] = [second, corrected];
      }
    }

    const ranked = pagesFirst(outcome.results, (result) => shape.glossary.has(result.id));
    this.#terms = outcome.plan.terms.flatMap((term) =>
      term.alternatives.flatMap((alternative) => alternative.query.split(" ")),
    );
    const shown = ranked.slice(0, RESULTS_PER_BATCH);
    const items = await Promise.all(shown.map((result) => this.#render(result)));
    if (run !== this.#latest) return;

    this.#list.replaceChildren(...items);
    this.#pending = ranked.slice(RESULTS_PER_BATCH);
    this.#more.hidden = this.#pending.length === 0;
    this.#showSpelling(query, correction);
    this.#showNone(ranked.length === 0, suggestion);
    document.body.classList.toggle("has-search-results", items.length > 0);
    this.#setState("done");
    performance.mark("search-rendered");
    performance.measure("search", "search-start", "search-rendered");
    const { visible, spoken } = this.#message(query, ranked.length, correction, suggestion);
    this.#announce(spoken, announceNow, visible);
  }

  #message(
    query: string,
    total: number,
    correction: { query: string } | undefined,
    suggestion: string | undefined,
  ): { visible: string; spoken: string } {
    const say = this.#messages;
    if (total === 0) {
      const didYouMean = suggestion ? fill(say.didYouMeanSentence, suggestion) : "";
      const none = `${fill(say.noResults, query)}${didYouMean}${fill(say.noResultsHelp, this.dataset.phone ?? "")}`;
      return { visible: none, spoken: none };
    }
    const count = total === 1 ? say.oneResult : fill(say.manyResults, String(total));
    const found = correction
      ? fill(say.resultsForCorrected, count, correction.query, query)
      : fill(say.resultsFor, count, query);
    // Listeners are told how many follow; on screen the results and "Show more" say it, and
    // on a phone with large text the line would push the first result off the screen.
    const shown = total > RESULTS_PER_BATCH ? fill(say.showingBest, String(RESULTS_PER_BATCH)) : "";
    return { visible: found, spoken: `${found}${shown}` };
  }

  /** “Showing results for pathology. Search instead for pathalogy.”, when a word was corrected. */
  #showSpelling(query: string, correction: { query: string } | undefined): void {
    this.#spelling.hidden = !correction;
    if (!correction) {
      this.#spelling.replaceChildren();
      return;
    }
    const corrected = element("strong");
    corrected.textContent = correction.query;
    this.#spelling.replaceChildren(
      ...fillParts<Node>(this.#messages.showingInstead, corrected, this.#queryLink(query, true)),
    );
  }

  /** No results: the suggestion (if any) and ways on (topics, glossary, phone) in the panel. */
  #showNone(none: boolean, suggestion: string | undefined): void {
    this.#none.hidden = !none;
    const slot = this.#none.querySelector<HTMLElement>(".site-search__suggestion");
    if (!slot) return;
    slot.hidden = !suggestion;
    slot.replaceChildren(
      ...(suggestion ? fillParts<Node>(this.#messages.didYouMean, this.#queryLink(suggestion, false)) : []),
    );
  }

  #queryLink(query: string, verbatim: boolean): HTMLAnchorElement {
    const params = new URLSearchParams({ q: query });
    if (verbatim) params.set("verbatim", "1");
    const anchor = link(`${location.pathname}?${params}`, query);
    anchor.dataset.query = query;
    if (verbatim) anchor.dataset.verbatim = "";
    return anchor;
  }

  #onQueryLink(event: MouseEvent): void {
    const anchor = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-query]");
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.#input.value = anchor.dataset.query ?? "";
    this.#input.focus();
    void this.#run({ announceNow: true, verbatim: anchor.dataset.verbatim !== undefined });
  }

  /** One result, its data loaded (one fragment download). */
  async #render(result: Ranked): Promise<HTMLLIElement> {
    return renderResult(await result.result.data(), result, this.#terms, this.#messages, this.#dates);
  }

  /** Adds the next batch of results and moves focus to the first new one. */
  async #showMore(): Promise<void> {
    const run = this.#latest;
    const items = await Promise.all(this.#pending.slice(0, RESULTS_PER_BATCH).map((result) => this.#render(result)));
    if (run !== this.#latest) return;
    this.#list.append(...items);
    this.#pending = this.#pending.slice(RESULTS_PER_BATCH);
    this.#more.hidden = this.#pending.length === 0;
    items[0]?.querySelector("a")?.focus();
    this.#announce(fill(this.#messages.showingCount, String(this.#list.children.length)), true);
  }

  #clear(): void {
    this.#list.replaceChildren();
    this.#pending = [];
    this.#more.hidden = true;
    this.#showSpelling("", undefined);
    this.#showNone(false, undefined);
    document.body.classList.remove("has-search-results");
  }

  /** Shows the message (or its visible form) at once; the live region reads it now or once typing pauses. */
  #announce(message: string, now: boolean, visible = message): void {
    clearTimeout(this.#announceTimer);
    this.#count.textContent = visible;
    if (now) this.#status.textContent = message;
    else this.#announceTimer = setTimeout(() => (this.#status.textContent = message), ANNOUNCE_DELAY_MS);
  }

  #setState(state: "idle" | "searching" | "done" | "error"): void {
    this.dataset.state = state;
  }

  #selectedFilters(): Record<string, string[]> {
    const selected: Record<string, string[]> = {};
    for (const box of this.#filters.querySelectorAll<HTMLInputElement>("input:checked")) {
      (selected[box.name] ??= []).push(box.value);
    }
    return selected;
  }

  #pagefindFilters(selected: Record<string, string[]>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(selected).map(([name, values]) => [name, { any: values }]));
  }

  /** Shareable state: ?q=...&topic=...&type=..., replaced as the reader types. */
  #writeUrl(query: string, filters: Record<string, string[]>, verbatim: boolean): void {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (query && verbatim) params.set("verbatim", "1");
    for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
    const search = params.toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
  }

  /** Puts the URL's query and filters in the form; true when the URL asks for the words as typed. */
  #readUrl(): boolean {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get("q") ?? "";
    for (const box of this.#filters.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
    if (Object.keys(this.#selectedFilters()).length > 0) this.#filters.open = true;
    return params.has("verbatim");
  }

  #onInputKey(event: KeyboardEvent): void {
    if (event.key === "Escape" && this.#input.value) {
      event.preventDefault();
      this.#input.value = "";
      void this.#run({ announceNow: true });
    } else if (event.key === "ArrowDown") {
      const first = this.#resultLinks()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  /** Up and down arrows move between result links; up from the first goes back to the box. */
  #onResultsKey(event: KeyboardEvent): void {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = this.#resultLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? links[index + 1] : (links[index - 1] ?? this.#input);
    next?.focus();
  }

  #onShortcut(event: KeyboardEvent): void {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    this.#input.focus();
    this.#input.select();
  }

  #resultLinks(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>("a")];
  }
}

/**
 * Runs the plan: every alternative of every term is one Pagefind search, its scores re-weighed by
 * the words' rarity among pages; the results are fused into one ranking. A single word the index does not have is noted as unknown: Pagefind then
 * falls back to the longest indexed word it starts with ("medicaire" matches "medic..."), which
 * is also what it does for the same word with a digit added, while a real word or the start of
 * one ("patholog") finds different pages than that.
 */
async function search(
  api: PagefindApi,
  plan: QueryPlan,
  filters: Record<string, unknown>,
  shape: IndexShape,
): Promise<Outcome> {
  const cache = new Map<string, Promise<PagefindResult[]>>();
  const run = (query: string) => {
    let found = cache.get(query);
    if (!found) {
      found = api.search(query, { filters }).then((response) => response?.results ?? []);
      cache.set(query, found);
    }
    return found;
  };
  const hits = await Promise.all(
    plan.terms.map((term) =>
      Promise.all(
        term.alternatives.map(async (alternative): Promise<Array<ScoredHit<PagefindResult>>> => {
          const results = await run(alternative.query);
          const entries = results.filter((result) => shape.glossary.has(result.id)).length;
          const rarity = pageRarity({
            pages: shape.records - shape.glossary.size,
            records: shape.records,
            pagesMatched: results.length - entries,
            recordsMatched: results.length,
          });
          return results.map((result) => ({
            id: result.id,
            score: result.score * rarity,
            words: result.words,
            result,
          }));
        }),
      ),
    ),
  );
  const unknown = new Set<string>();
  await Promise.all(
    plan.terms.map(async (term, index) => {
      if (term.alternatives.length > 1 || term.text.includes(" ") || term.text.length < 4) return;
      const own = hits[index]?.[0] ?? [];
      if (own.length > 0 && (await run(`"${term.text}"`)).length > 0) return;
      const probe = await run(`${term.text}${PROBE_SUFFIX}`);
      if (sameIds(own, probe)) unknown.add(term.text);
    }),
  );
  return { plan, results: fuseResults(plan, hits), unknown };
}

const sameIds = (a: ReadonlyArray<{ id: string }>, b: ReadonlyArray<{ id: string }>) =>
  a.length === b.length && a.every((result) => b.some((other) => other.id === result.id));

const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/**
 * One result: the title links to the best-matching section, with the matched words highlighted
 * there by the browser; the excerpt comes from that section, starting at a sentence. The page's
 * opening (keywords, title and summary) is never quoted: when only it matched, the summary is
 * shown instead. A glossary entry shows its plain meaning and links to it on the glossary page.
 */
function renderResult(
  data: PagefindData,
  { locations, ownWords }: { locations: Matches; ownWords: ReadonlySet<number> },
  terms: readonly string[],
  say: SearchMessages,
  dates: Intl.DateTimeFormat,
): HTMLLIElement {
  const words = contentWords(data.content);
  const title = data.meta.title ?? data.url;
  const opening = openingLength(words, data.meta);
  const isGlossary = data.meta.type === say.glossaryType;
  const sections = isGlossary
    ? [{ id: undefined, title, start: opening, textStart: opening, end: words.length }]
    : pageSections(words, data.anchors, opening, title);
  const [best, ...others] = passages(words, sections, locations, {
    length: isGlossary ? DEFINITION_WORDS : EXCERPT_WORDS,
    preferred: ownWords,
  });
  const sectionUrl = (id: string | undefined) => (id ? `${data.url}#${id}` : data.url);

  const item = element("li", "search-result");
  const heading = element("h2", "search-result__title");
  heading.append(
    link(isGlossary || !best ? data.url : textFragmentUrl(sectionUrl(best.section.id), best.target), title),
  );

  const meta = element("p", "search-result__meta");
  const date = data.meta.updated ?? data.meta.published;
  const when = date
    ? `${data.meta.updated ? say.updated : say.published} ${dates.format(new Date(`${date}T00:00:00Z`))}`
    : undefined;
  meta.textContent = [data.meta.type, when, ...(data.filters.topic ?? []).slice(0, 2)].filter(Boolean).join(" · ");

  const excerpt = element("p", "search-result__excerpt");
  const parts: ExcerptPart[] = best
    ? best.parts
    : highlightParts(data.meta.description ?? words.slice(opening, opening + EXCERPT_WORDS).join(" "), terms);
  excerpt.append(...excerptNodes(parts));
  item.append(heading, meta, excerpt);

  const more = others.filter((passage) => passage.section.id).slice(0, SECTIONS_SHOWN);
  if (more.length && !isGlossary) {
    const list = element("ul", "search-result__sections");
    list.setAttribute("aria-label", fill(say.otherSections, title));
    for (const passage of more) {
      const entry = element("li");
      const text = element("p");
      text.append(...excerptNodes(passage.parts));
      entry.append(link(textFragmentUrl(sectionUrl(passage.section.id), passage.target), passage.section.title), text);
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = element("a");
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}
