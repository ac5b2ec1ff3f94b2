/**
 * Questions answered from an MDX syntax tree (src/lib/content/mdx.ts): headings and their ids,
 * cited sources, glossary terms, links, words. Every reader of content asks here instead of
 * walking trees or matching the text with regular expressions of its own.
 */
import { characterClasses, characterLength } from "../characters.ts";
import GithubSlugger from "github-slugger";
import type { Heading, Nodes, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString as mdastToString } from "mdast-util-to-string";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * Calls `enter` on `node` and on every node below it, in document order, except below a node for
 * which `enter` returns false. unist-util-visit walks the same way, but names a closure and copies
 * the list of ancestors for every node: over 300 generated pages, a walk took 0.13 ms a page with
 * it and 0.02 ms with this, and the content check walks each page several times.
 */
export function walk(node: Nodes, enter: (node: Nodes) => boolean): void {
  if (!enter(node) || !("children" in node)) return;
  for (const child of node.children) walk(child, enter);
}

/** Text of a node as a reader sees it (an image's alt text is not part of a heading's id). */
export const plainText = (node: Nodes): string => mdastToString(node, { includeImageAlt: false });

export const isJsx = (node: unknown): node is JsxElement => {
  const type = (node as { type?: string }).type;
  return type === "mdxJsxFlowElement" || type === "mdxJsxTextElement";
};

/** A prop written as plain text (`id="x"`), else undefined. */
export function stringAttribute(node: JsxElement, name: string): string | undefined {
  const attribute = node.attributes.find(
    (item): item is MdxJsxAttribute => item.type === "mdxJsxAttribute" && item.name === name,
  );
  return typeof attribute?.value === "string" ? attribute.value : undefined;
}

export const DYNAMIC = Symbol("dynamic");

/** A prop's value when it is written literally (text, number, true/false, list); DYNAMIC otherwise. */
export function attributeValue(attribute: MdxJsxAttribute): unknown {
  const { value } = attribute;
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value;
  try {
    return JSON.parse(value.value);
  } catch {
    return DYNAMIC;
  }
}

export interface HeadingFact {
  /** The id the build gives it (github-slugger over its text, as Astro does). */
  id: string;
  depth: Heading["depth"];
  text: string;
  node: Heading;
}

interface TreeFacts {
  nodes: RootContent[];
  headings: HeadingFact[];
  /** The `id` props of each component, by component name, in document order, repeats kept. */
  ids: Map<string, string[]>;
  /** Editor components used (capitalised names). */
  components: Set<string>;
  words: number;
}

/**
 * Whitespace-separated words with a letter or digit in them: as many as a global search for a
 * letter or digit followed by non-spaces finds (`[\p{L}\p{N}]\S*`), read a character at a time
 * without building the pieces. Over every text of our pages and 1,000 generated ones, the same
 * counts in 47-48 ms against the expression's 86-93.
 */
function wordsIn(text: string): number {
  let count = 0;
  // Whether the word being read (a run of non-space characters) has been counted: at its first letter or digit.
  let counted = false;
  for (let at = 0; at < text.length; at += characterLength(text, at)) {
    const kind = wordCharacter(text, at);
    if (kind === SPACE) counted = false;
    else if (kind === LETTER_OR_DIGIT && !counted) {
      counted = true;
      count++;
    }
  }
  return count;
}

const SPACE = 0;
const LETTER_OR_DIGIT = 1;
const OTHER = 2;
const wordCharacter = characterClasses((char) =>
  /^\s$/u.test(char) ? SPACE : /^[\p{L}\p{N}]$/u.test(char) ? LETTER_OR_DIGIT : OTHER,
);

// Every question below is answered from one walk of the tree, made the first time one is asked.
const factsOfTree = new WeakMap<Root, TreeFacts>();

function treeFacts(tree: Root): TreeFacts {
  const cached = factsOfTree.get(tree);
  if (cached) return cached;
  const facts: TreeFacts = { nodes: [], headings: [], ids: new Map(), components: new Set(), words: 0 };
  const slugger = new GithubSlugger();
  walk(tree, (node) => {
    if (node.type === "root") return true;
    if (node.type === "yaml") return false;
    facts.nodes.push(node);
    if (node.type === "heading") {
      const text = plainText(node);
      facts.headings.push({ id: slugger.slug(text), depth: node.depth, text, node });
    } else if (node.type === "text" || node.type === "inlineCode" || node.type === "code") {
      // Words a reader reads: prose, headings, lists, tables, code shown on the page (not the
      // frontmatter, editors' comments or code for the page, which are not text nodes).
      facts.words += wordsIn(node.value);
    } else if (isJsx(node) && node.name) {
      if (/^[A-Z]/.test(node.name)) facts.components.add(node.name);
      const id = stringAttribute(node, "id");
      if (id) {
        const ids = facts.ids.get(node.name);
        if (ids) ids.push(id);
        else facts.ids.set(node.name, [id]);
      }
    }
    return true;
  });
  factsOfTree.set(tree, facts);
  return facts;
}

/** Every node of the body in document order (the frontmatter excluded). */
export const bodyNodes = (tree: Root): RootContent[] => treeFacts(tree).nodes;

/** The body's headings in order, with the ids the page will carry. */
export const headings = (tree: Root): HeadingFact[] => treeFacts(tree).headings;

/** Editor components named `name` (e.g. "Cite"), in document order. */
export const components = (tree: Root, name: string): JsxElement[] =>
  treeFacts(tree).nodes.filter((node): node is JsxElement => isJsx(node) && node.name === name);

const componentIds = (tree: Root, name: string): string[] => treeFacts(tree).ids.get(name) ?? [];

/**
 * How many places cite each source (`<Cite id="...">`), in the order `<Cite>` numbers its anchors,
 * so the sources list can link back to every citing place before the body renders.
 */
export function citationCounts(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of componentIds(tree, "Cite")) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Ids of the glossary entries the body explains with `<Term id="...">`. */
export const termIds = (tree: Root): Set<string> => new Set(componentIds(tree, "Term"));

/** Ids of the checklists (`<Checklist id="...">`). */
export const checklistIds = (tree: Root): string[] => componentIds(tree, "Checklist");

/** Words a reader reads in the body. */
export const wordCount = (tree: Root): number => treeFacts(tree).words;

/** Names of the editor components the body uses ("Callout", "Cite", ...). */
export const componentNames = (tree: Root): Set<string> => treeFacts(tree).components;

/** What a post's layout needs from its body before rendering it. */
export interface BodyFacts {
  /** For "about N minutes". */
  words: number;
  /** Sources cited, with how many places cite each (for the sources list's back links). */
  citations: Map<string, number>;
  /** Editor components used (a page carries the CSS of only those it uses). */
  components: Set<string>;
}

export const bodyFacts = (tree: Root): BodyFacts => ({
  words: wordCount(tree),
  citations: citationCounts(tree),
  components: componentNames(tree),
});
