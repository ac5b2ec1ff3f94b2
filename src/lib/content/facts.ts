/**
 * Questions answered from an MDX syntax tree (src/lib/content/mdx.ts): headings and their ids,
 * cited sources, glossary terms, links, words. Every reader of content asks here instead of
 * walking trees or matching the text with regular expressions of its own.
 */
import GithubSlugger from "github-slugger";
import type { Heading, Nodes, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

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

/** Every node of the body in document order (the frontmatter excluded). */
export function bodyNodes(tree: Root): RootContent[] {
  const nodes: RootContent[] = [];
  visit(tree, (node) => {
    if (node.type !== "root" && node.type !== "yaml") nodes.push(node);
  });
  return nodes;
}

export interface HeadingFact {
  /** The id the build gives it (github-slugger over its text, as Astro does). */
  id: string;
  depth: Heading["depth"];
  text: string;
  node: Heading;
}

/** The body's headings in order, with the ids the page will carry. */
export function headings(tree: Root): HeadingFact[] {
  const slugger = new GithubSlugger();
  const found: HeadingFact[] = [];
  visit(tree, "heading", (node) => {
    const text = plainText(node);
    found.push({ id: slugger.slug(text), depth: node.depth, text, node });
  });
  return found;
}

/** Editor components named `name` (e.g. "Cite"), in document order. */
export function components(tree: Root, name: string): JsxElement[] {
  const found: JsxElement[] = [];
  visit(tree, (node) => {
    if (isJsx(node) && node.name === name) found.push(node);
  });
  return found;
}

/** The `id` props of the components named `name`, in document order, repeats kept. */
const componentIds = (tree: Root, name: string): string[] =>
  components(tree, name).flatMap((node) => {
    const id = stringAttribute(node, "id");
    return id ? [id] : [];
  });

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

export interface LinkFact {
  url: string;
  node: RootContent;
  /** How an editor would name it in a message: "link to /guides/x/", "image", "<a> href". */
  field: string;
}

/** Every link and image address written in the body: Markdown links, definitions, images and HTML. */
export function links(tree: Root): LinkFact[] {
  const found: LinkFact[] = [];
  visit(tree, (node) => {
    if (node.type === "link" || node.type === "definition") {
      found.push({ url: node.url, node, field: `link to ${node.url}` });
    } else if (node.type === "image") {
      found.push({ url: node.url, node, field: "image" });
    } else if (isJsx(node) && node.name && /^[a-z]/.test(node.name)) {
      const href = stringAttribute(node, "href");
      const src = stringAttribute(node, "src");
      const url = href ?? src;
      if (url) found.push({ url, node, field: `<${node.name}> ${href !== undefined ? "href" : "src"}` });
    }
  });
  return found;
}

// Text a reader does not read: the frontmatter, code for the page, editors' comments.
const NOT_READ = new Set(["yaml", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html"]);

/** Words a reader reads in the body (prose, headings, lists, tables, code shown on the page). */
export function wordCount(tree: Root): number {
  let words = 0;
  visit(tree, (node) => {
    if (NOT_READ.has(node.type)) return "skip";
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") {
      for (const word of node.value.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) words++;
    }
    return undefined;
  });
  return words;
}

/** Names of the editor components the body uses ("Callout", "Cite", ...). */
export function componentNames(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, (node) => {
    if (isJsx(node) && node.name && /^[A-Z]/.test(node.name)) names.add(node.name);
  });
  return names;
}

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
