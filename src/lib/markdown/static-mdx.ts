/**
 * A post's MDX body as HTML, made when the build reads content, as Astro does for Markdown:
 * Sätteri parses the MDX, and each editor component is written as its markup
 * (src/components/mdx/markup.ts). Astro then keeps the HTML in its content store, and no post
 * becomes a JavaScript module to bundle, load and run for its one page.
 *
 * The body may hold only Markdown, the editor components with literal props, and comments in
 * braces: what the content check allows. Anything else stops the build with the file and line.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { MarkdownHeading } from "astro";
import type { Loader } from "astro/loaders";
import { toHtml } from "hast-util-to-html";
import GithubSlugger from "github-slugger";
import { mdxToHast } from "satteri";
import type { MdxJsxAttribute } from "mdast-util-mdx-jsx";
import {
  calloutMarkup,
  callUsMarkup,
  checklistMarkup,
  keyFactsMarkup,
  MARKUP_HTML,
  nextStepsMarkup,
  termMarkup,
  defaultTermWords,
  type GlossaryDefinition,
} from "../../components/mdx/markup.ts";
import { citeElement } from "../citation.ts";
import { checklistItems } from "../checklist.ts";
import {
  componentMistakes,
  describeProblems,
  isEditorComponent,
  propProblems,
  type CalloutType,
} from "../component-rules.ts";
import { attributeValue } from "../content/facts.ts";
import { findContentFiles, loadedFiles, type ContentFile } from "../content/files.ts";
import { mdxSyntaxError, readEntryData } from "../content/mdx.ts";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n.ts";
import { withBase } from "../urls.ts";
import { isSiteLink } from "./links.ts";
import { contentDir } from "../paths.ts";

/** What a body needs from its page and the site to be rendered. */
export interface StaticMdxPage {
  locale: Locale;
  /** The ids of the page's sources, in order: a citation's number is its place here. */
  sources: readonly string[];
  /** The site's base path, for links written from the root ("/guides/x/"). */
  base: string;
  /** A glossary entry by id, in the page's language (or English); undefined when there is none. */
  glossary: (id: string, locale: Locale) => GlossaryDefinition | undefined;
  /** Build experiments (src/lib/build-flags.ts): each component as its children; links as written. */
  unwrapComponents?: boolean | undefined;
  linkBase?: boolean | undefined;
}

export interface StaticMdxResult {
  html: string;
  headings: MarkdownHeading[];
  /** Pictures next to the post (`![...](./x.jpg)`), which Astro optimizes as it does Markdown's. */
  imagePaths: string[];
}

/** A mistake in a body that the content check would have named; `line` when Sätteri knows it. */
export class StaticMdxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** The Markdown features of the site's Markdown processor (Astro's defaults: GFM, smart punctuation). */
const FEATURES = { gfm: true, smartPunctuation: true } as const;

type MdxJsxNode = {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: Array<MdxJsxAttribute | { type: "mdxJsxExpressionAttribute" }>;
  children: ElementContent[];
  position?: { start: { line: number } } | undefined;
};
type BodyNode =
  | RootContent
  | MdxJsxNode
  | {
      type: "mdxFlowExpression" | "mdxTextExpression";
      value: string;
      position?: { start: { line: number } } | undefined;
    }
  | { type: "mdxjsEsm"; position?: { start: { line: number } } | undefined };

/** An editor's comment in braces, `{/* ... *\/}`. */
const COMMENT = /^\s*\/\*[\s\S]*\*\/\s*$/;

/** Renders a post's MDX body (without its frontmatter). Throws StaticMdxError on what it cannot render. */
export function renderStaticMdx(body: string, page: StaticMdxPage): StaticMdxResult {
  try {
    return render(body, page, false);
  } catch (error) {
    // Positions cost time on every page: only a body with a mistake is parsed again for its line.
    if (error instanceof StaticMdxError && error.line === undefined) render(body, page, true);
    throw error;
  }
}

function render(body: string, page: StaticMdxPage, position: boolean): StaticMdxResult {
  let tree: Root;
  try {
    tree = mdxToHast(body, { features: FEATURES, position }) as unknown as Root;
  } catch (error) {
    // The parser's own message starts with the line in the body; the caller adds the frontmatter's.
    const { line, message } = mdxSyntaxError(error);
    throw new StaticMdxError(message, line);
  }
  const state: PageState = {
    page,
    slugger: new GithubSlugger(),
    headings: [],
    citations: new Map(),
    terms: new Set(),
    images: new Map(),
  };
  const children = renderNodes(tree.children as BodyNode[], state);
  return {
    html: toHtml({ type: "root", children } as Root, MARKUP_HTML),
    headings: state.headings,
    imagePaths: [...state.images.keys()],
  };
}

interface PageState {
  page: StaticMdxPage;
  slugger: GithubSlugger;
  headings: MarkdownHeading[];
  /** How often each source has been cited so far. */
  citations: Map<string, number>;
  /** Terms already explained on the page: only a term's first use opens its definition. */
  terms: Set<string>;
  /** Each local picture's path, and how many times the page has shown it so far. */
  images: Map<string, number>;
}

const HEADING = /^h[1-6]$/;

/** The body's nodes in document order, with components as their markup. */
function renderNodes(nodes: readonly BodyNode[], state: PageState): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      // Editors' comments, `{/* ... */}`: nothing on the page. Other code in braces is not allowed.
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (!COMMENT.test(node.value))
          throw new StaticMdxError(
            `Code in curly braces, {${node.value.trim().slice(0, 30)}}, is not allowed in posts: write the text itself.`,
            node.position?.start.line,
          );
        break;
      case "mdxjsEsm":
        throw new StaticMdxError(
          "Posts cannot import or export code: the editor components work without an import.",
          node.position?.start.line,
        );
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        out.push(...renderComponent(node, state));
        break;
      case "element": {
        node.children = renderNodes(node.children as BodyNode[], state);
        if (HEADING.test(node.tagName)) addHeading(node, state);
        else if (node.tagName === "a" && state.page.linkBase !== false) withBasePath(node, state.page.base);
        else if (node.tagName === "img") markLocalImage(node, state.images);
        out.push(node);
        break;
      }
      default:
        out.push(node as ElementContent);
    }
  }
  return out;
}

/** A heading's id and its place in the contents, as Astro's Markdown processor gives them. */
function addHeading(node: Element, state: PageState): void {
  const text = textOf(node);
  const existing = node.properties.id;
  const slug = typeof existing === "string" ? existing : state.slugger.slug(text);
  node.properties.id = slug;
  state.headings.push({ depth: Number(node.tagName[1]), slug, text });
}

const textOf = (node: ElementContent): string =>
  node.type === "text" ? node.value : "children" in node ? node.children.map(textOf).join("") : "";

/** Site links written from the root get the base path, so a sub-folder deploy works. */
function withBasePath(node: Element, base: string): void {
  const href = node.properties.href;
  if (typeof href === "string" && isSiteLink(href)) node.properties.href = withBase(href, base);
}

/** Properties Astro keeps on a picture it optimizes; the others go into its image marker. */
const KEPT_IMAGE_PROPERTIES = new Set(["className", "htmlFor"]);

/**
 * A picture next to the post, marked for Astro to optimize as it does in Markdown (its
 * `__ASTRO_IMAGE_` attribute, read when the page renders: the same marker as
 * @astrojs/markdown-satteri's). Remote pictures and ones from the site's root are left as written.
 */
function markLocalImage(node: Element, images: Map<string, number>): void {
  const { src: rawSrc, ...rest } = node.properties;
  if (typeof rawSrc !== "string" || rawSrc.startsWith("/") || URL.canParse(rawSrc)) return;
  const src = decodeURI(rawSrc);
  const index = images.get(src) ?? 0;
  images.set(src, index + 1);
  node.properties = {
    ...Object.fromEntries(Object.entries(rest).filter(([key]) => KEPT_IMAGE_PROPERTIES.has(key))),
    __ASTRO_IMAGE_: JSON.stringify({ ...rest, src, index }),
  };
}

function renderComponent(node: MdxJsxNode, state: PageState): ElementContent[] {
  if (state.page.unwrapComponents) return renderNodes(node.children as BodyNode[], state);
  const name = node.name ?? "";
  const line = node.position?.start.line;
  // An HTML element written as a tag (<sup>, <abbr title="...">, <br />), as MDX writes it.
  if (HTML_ELEMENT.test(name)) return [htmlElement(node, name, state)];
  if (!isEditorComponent(name)) throw new StaticMdxError(`<${name || "(fragment)"}> is not an editor component.`, line);
  const props = propsOf(node, name);
  const problems = propProblems(name, props);
  if (problems.length > 0) throw new StaticMdxError(describeProblems(problems), line);
  const { locale } = state.page;
  const children = () => renderNodes(node.children as BodyNode[], state);
  switch (name) {
    case "Callout":
      return [
        calloutMarkup(
          { type: props.type as CalloutType | undefined, title: props.title as string | undefined },
          locale,
          children(),
        ),
      ];
    case "KeyFacts":
      return [keyFactsMarkup(props.title as string | undefined, locale, children())];
    case "NextSteps":
      return [nextStepsMarkup(props.title as string | undefined, locale, children())];
    case "CallUs": {
      const content = children();
      // The editor's lead is one short paragraph: its words go in the line, without the <p>.
      const words =
        content.length === 1 && content[0]?.type === "element" && content[0].tagName === "p"
          ? content[0].children
          : content;
      return [callUsMarkup(content.length > 0 ? words : undefined, locale)];
    }
    case "Checklist": {
      const id = props.id as string;
      const items = checklistItems(toHtml(children(), MARKUP_HTML));
      if (items.length === 0) throw new StaticMdxError(componentMistakes.checklistWithoutList(id), line);
      return [
        checklistMarkup(
          { id, title: props.title as string, answerLines: props.answerLines as number | undefined },
          items,
          locale,
        ),
      ];
    }
    case "Cite": {
      const id = props.id as string;
      const index = state.page.sources.indexOf(id);
      if (index === -1) throw new StaticMdxError(componentMistakes.unknownSource(id, state.page.sources), line);
      const occurrence = (state.citations.get(id) ?? 0) + 1;
      state.citations.set(id, occurrence);
      return [citeElement(id, index + 1, occurrence, locale)];
    }
    case "Term": {
      const id = props.id as string;
      const entry = state.page.glossary(id, locale);
      if (!entry) throw new StaticMdxError(componentMistakes.unknownTerm(id), line);
      const content = children();
      const words = content.length > 0 ? content : [{ type: "text" as const, value: defaultTermWords(entry) }];
      const firstUse = !state.terms.has(id);
      state.terms.add(id);
      return termMarkup(id, entry, words, { locale, firstUse, base: state.page.base });
    }
  }
}

/** A lowercase tag name: an HTML element, not a component. */
const HTML_ELEMENT = /^[a-z][a-z0-9-]*$/;

function htmlElement(node: MdxJsxNode, name: string, state: PageState): Element {
  return {
    type: "element",
    tagName: name,
    properties: propsOf(node, name) as Element["properties"],
    children: renderNodes(node.children as BodyNode[], state),
  };
}

function propsOf(node: MdxJsxNode, name: string): Record<string, unknown> {
  const line = node.position?.start.line;
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== "mdxJsxAttribute")
      throw new StaticMdxError(`<${name}> has a {...spread} prop: write each prop as name="value".`, line);
    const value = attributeValue(attribute);
    if (typeof value === "symbol")
      throw new StaticMdxError(
        `<${name}> got ${attribute.name}={...}: write a plain value, e.g. ${attribute.name}="..." or {2}.`,
        line,
      );
    props[attribute.name] = value;
  }
  return props;
}

/** The glossary files the build reads, in every language (src/lib/content/files.ts finds them). */
const glossaryFiles = (contentRoot: string): ContentFile[] => loadedFiles(findContentFiles(contentRoot), "glossary");

/**
 * A glossary entry by id and language, read once per reader: the words and definition a term
 * shows. An id missing in a language falls back to English, as `getGlossaryEntry` does.
 */
export function glossaryReader(contentRoot: string): StaticMdxPage["glossary"] {
  const files = new Map(glossaryFiles(contentRoot).map((file) => [`${file.locale}/${file.id}`, file.absolute]));
  const read = new Map<string, GlossaryDefinition | undefined>();
  const entry = (id: string, locale: Locale) => {
    const file = files.get(`${locale}/${id}`);
    if (file === undefined) return undefined;
    if (!read.has(file)) {
      const data = readEntryData(file);
      read.set(
        file,
        typeof data?.term === "string" && typeof data.definition === "string"
          ? { term: data.term, definition: data.definition }
          : undefined,
      );
    }
    return read.get(file);
  };
  return (id, locale) => entry(id, locale) ?? entry(id, DEFAULT_LOCALE);
}

/** A body with every component, link, heading and punctuation rule, to see whether their HTML changed. */
const PROBE = `## A "heading"

It's a [link](/guides/x/) -- with <Term id="probe">words</Term>, <Term id="probe" /> and a source.<Cite id="probe" />

![A picture](./probe.png)

<KeyFacts>
- A point
</KeyFacts>

<Callout type="tip" title="A title">
Text
</Callout>

<Callout>
Text
</Callout>

<CallUs />

<CallUs>
A lead,
</CallUs>

<Checklist id="probe" title="A list" answerLines={1}>
- An item
</Checklist>

| A | B |
| - | - |
| 1 | 2 |

<NextSteps>
1. A step
</NextSteps>
`;

/**
 * What every post's HTML is made from besides its own file: the glossary, and the markup and
 * rules of this renderer (as the HTML it makes of a body with every component). Astro keeps a
 * post's HTML between builds until its file changes; when this changes, every post is rendered again.
 */
export function staticMdxInputs(contentRoot: string, base: string): string {
  const hash = createHash("sha256");
  for (const file of glossaryFiles(contentRoot))
    hash.update(`${file.path}\0`).update(readFileSync(file.absolute)).update("\0");
  for (const locale of LOCALES) {
    const probe = renderStaticMdx(PROBE, {
      locale,
      sources: ["probe"],
      base,
      glossary: () => ({ term: "Probe", definition: "A probe's definition." }),
    });
    hash.update(probe.html).update(JSON.stringify(probe.headings)).update("\0");
  }
  return hash.digest("base64url");
}

const INPUTS_KEY = "static-mdx-inputs";

// Set by the integration (src/integrations/static-mdx.ts) in the config's module graph when it
// renders posts to HTML; read here from Vite's, two copies of this module in one process.
const RENDERS_HTML = Symbol.for("patient-guides.static-mdx");

/**
 * Says that this process's content sync stores MDX posts as HTML (`astro build`), made with these
 * build experiments' switches (src/lib/build-flags.ts), which change the HTML too.
 */
export function announceStaticMdx(switches: Pick<StaticMdxPage, "unwrapComponents" | "linkBase">): void {
  (globalThis as Record<symbol, unknown>)[RENDERS_HTML] = `html ${JSON.stringify(switches)}`;
}

/**
 * A posts loader whose stored HTML is dropped when `staticMdxInputs` changed since the last sync
 * (a glossary definition, a component's markup), so no post keeps HTML made from the old ones.
 * Also when the last sync stored posts the other way: `astro build` stores MDX posts as HTML,
 * `astro dev` and `astro sync` as modules to render, in the one content store they share.
 */
export function rerenderedOnNewInputs(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const stored = (globalThis as Record<symbol, unknown>)[RENDERS_HTML] ?? "modules";
      const inputs = `${stored}:${staticMdxInputs(contentDir(), context.config.base)}`;
      if (context.meta.get(INPUTS_KEY) !== inputs) {
        context.store.clear();
        context.meta.set(INPUTS_KEY, inputs);
      }
      await loader.load(context);
    },
  };
}
