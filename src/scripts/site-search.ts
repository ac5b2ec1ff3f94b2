/**
 * <site-search>: runs Pagefind on the search page. Loaded only there. The page works without it
 * (the form submits and the full list of pages stays); this adds results as the reader types.
 */
import { excerptNodes, highlightWords, textFragmentUrl } from "@/lib/search-text";

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations: Array<{ balanced_score: number }>;
  anchor?: { id: string };
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Results shown at first and per "Show more": each one costs a download of that page's fragment. */
const RESULTS_PER_BATCH = 5;
const SECTIONS_SHOWN = 3;
/** Wait this long after the last keystroke before announcing the count, so typing is not read aloud. */
const ANNOUNCE_DELAY_MS = 700;

export class SiteSearch extends HTMLElement {
  #pagefind: Promise<PagefindApi> | undefined;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #filters!: HTMLDetailsElement;
  #more!: HTMLButtonElement;
  /** Results of the current search not shown yet, for "Show more results". */
  #pending: PagefindResult[] = [];
  /** Each search gets a number; results of an older search arriving late are dropped. */
  #latest = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[name="q"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const list = this.querySelector<HTMLOListElement>(".site-search__results");
    const filters = this.querySelector<HTMLDetailsElement>(".site-search__filters");
    const more = this.querySelector<HTMLButtonElement>(".site-search__more");
    if (!input || !status || !list || !filters || !more) return;
    [this.#input, this.#status, this.#list, this.#filters, this.#more] = [input, status, list, filters, more];
    this.#more.addEventListener("click", () => void this.#showMore());

    this.#readUrl();
    this.querySelector("form")?.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#run({ announceNow: true });
    });
    this.#input.addEventListener("input", () => void this.#run());
    this.#filters.addEventListener("change", () => void this.#run({ announceNow: true }));
    this.#input.addEventListener("keydown", (event) => this.#onInputKey(event));
    this.#list.addEventListener("keydown", (event) => this.#onResultsKey(event));
    document.addEventListener("keydown", (event) => this.#onShortcut(event));
    window.addEventListener("popstate", () => {
      this.#readUrl();
      void this.#run({ announceNow: true, keepUrl: true });
    });

    this.#load();
    if (this.#input.value.trim()) void this.#run({ announceNow: true, keepUrl: true });
  }

  #load(): Promise<PagefindApi> {
    this.#pagefind ??= (async () => {
      const bundle = this.dataset.bundle ?? "/pagefind/";
      const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
      // Rank by where a word appears (title, headings, keywords) more than by how often: on a
      // site where every page mentions "second opinion", frequency buried the main article.
      // Measured over 16 expected queries: default 15/16 first, termFrequency 0.1 gives 16/16.
      // noWorker: the engine runs here rather than loading a second copy of itself into a worker
      // (12 KB gzipped less for the first search; searches take a few milliseconds either way).
      await api.options({ excerptLength: 24, ranking: { termFrequency: 0.1 }, noWorker: true });
      await api.init();
      return api;
    })();
    return this.#pagefind;
  }

  async #run({ announceNow = false, keepUrl = false } = {}): Promise<void> {
    const query = this.#input.value.trim();
    const filters = this.#selectedFilters();
    const run = ++this.#latest;
    performance.mark("search-start");
    if (!keepUrl) this.#writeUrl(query, filters);
    if (!query) {
      this.#list.replaceChildren();
      this.#pending = [];
      this.#more.hidden = true;
      this.#setState("idle");
      this.#announce("", true);
      document.body.classList.remove("has-search-results");
      return;
    }
    this.#setState("searching");
    let api: PagefindApi;
    try {
      api = await this.#load();
    } catch {
      this.#setState("error");
      this.#announce(
        import.meta.env.DEV
          ? "Search uses the index made by a build. Run `npm run build` once, then reload this page."
          : "Search could not load. Every page is listed below.",
        true,
      );
      return;
    }
    const response = await api.search(query, { filters: this.#pagefindFilters(filters) });
    if (!response || run !== this.#latest) return;
    const first = response.results.slice(0, RESULTS_PER_BATCH);
    const results = await Promise.all(first.map((result) => result.data()));
    if (run !== this.#latest) return;

    this.#list.replaceChildren(...results.map((result) => renderResult(result, query)));
    this.#pending = response.results.slice(RESULTS_PER_BATCH);
    this.#more.hidden = this.#pending.length === 0;
    document.body.classList.toggle("has-search-results", results.length > 0);
    this.#setState("done");
    performance.mark("search-rendered");
    performance.measure("search", "search-start", "search-rendered");
    const total = response.results.length;
    const count = total === 1 ? "1 result" : `${total} results`;
    const shown = total > RESULTS_PER_BATCH ? ` Showing the best ${RESULTS_PER_BATCH}.` : "";
    this.#announce(`${total ? count : "No results"} for “${query}”.${shown}`, announceNow);
  }

  /** Adds the next batch of results and moves focus to the first new one. */
  async #showMore(): Promise<void> {
    const run = this.#latest;
    const batch = this.#pending.slice(0, RESULTS_PER_BATCH);
    const results = await Promise.all(batch.map((result) => result.data()));
    if (run !== this.#latest) return;
    const query = this.#input.value.trim();
    const items = results.map((result) => renderResult(result, query));
    this.#list.append(...items);
    this.#pending = this.#pending.slice(RESULTS_PER_BATCH);
    this.#more.hidden = this.#pending.length === 0;
    items[0]?.querySelector("a")?.focus();
    this.#announce(`Showing ${this.#list.children.length} results.`, true);
  }

  #announce(message: string, now: boolean): void {
    clearTimeout(this.#announceTimer);
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
  #writeUrl(query: string, filters: Record<string, string[]>): void {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
    const search = params.toString();
    history.replaceState(null, "", `${location.pathname}${search ? `?${search}` : ""}`);
  }

  #readUrl(): void {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get("q") ?? "";
    for (const box of this.#filters.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
    if (Object.keys(this.#selectedFilters()).length > 0) this.#filters.open = true;
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

const subScore = (sub: PagefindSubResult) => sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/**
 * One result: the title links to the best-matching section, with the matched words highlighted
 * there; the excerpt comes from that section. The page's opening segment (title, summary and the
 * hidden search keywords) is never quoted: when only it matched, the summary is shown instead.
 */
function renderResult(result: PagefindData, query: string): HTMLLIElement {
  const sections = result.sub_results.filter((sub) => sub.anchor && sub.url.includes("#")).sort((a, b) => subScore(b) - subScore(a));
  const [best, ...others] = sections;
  const item = element("li", "search-result");
  const heading = element("h2", "search-result__title");
  heading.append(link(best ? textFragmentUrl(best.url, best.excerpt) : result.url, result.meta.title ?? result.url));

  const meta = element("p", "search-result__meta");
  const date = result.meta.updated ?? result.meta.published;
  const when = date ? `${result.meta.updated ? "Updated" : "Published"} ${dateFormat.format(new Date(`${date}T00:00:00Z`))}` : undefined;
  meta.textContent = [result.meta.type, when, ...(result.filters.topic ?? []).slice(0, 2)].filter(Boolean).join(" · ");

  const excerpt = element("p", "search-result__excerpt");
  excerpt.append(...(best ? excerptNodes(best.excerpt) : excerptNodes(highlightWords(result.meta.description ?? "", query))));
  item.append(heading, meta, excerpt);

  const more = others.slice(0, SECTIONS_SHOWN);
  if (more.length) {
    const list = element("ul", "search-result__sections");
    list.setAttribute("aria-label", `Other matching sections of ${result.meta.title ?? "this page"}`);
    for (const section of more) {
      const entry = element("li");
      const text = element("p");
      text.append(...excerptNodes(section.excerpt));
      entry.append(link(textFragmentUrl(section.url, section.excerpt), section.title), text);
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
