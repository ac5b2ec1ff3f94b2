/**
 * The text of a new post: valid frontmatter and a short skeleton that passes every content
 * check, so an editor starts from something that builds. Placeholders say what to write.
 * A new translation (renderTranslation) is the opposite: its TODO placeholders fail the content
 * check until every part is translated, so an English skeleton is never published as Spanish.
 */
import type { Root, RootContent } from "mdast";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { parseMdx } from "./content/index.ts";

export type PostKind = "article" | "guide";

export interface NewPost {
  kind: PostKind;
  title: string;
  /** Publication day, YYYY-MM-DD. */
  date: string;
  author: string;
  topics: readonly string[];
  draft: boolean;
}

/** Homepages of trusted publishers: real starting points, to be replaced with the pages used. */
const STARTER_SOURCES = [
  {
    id: "nci",
    title: "National Cancer Institute home page",
    publisher: "National Cancer Institute",
    url: "https://www.cancer.gov/",
  },
  {
    id: "acs",
    title: "American Cancer Society home page",
    publisher: "American Cancer Society",
    url: "https://www.cancer.org/",
  },
  {
    id: "cancernet",
    title: "Cancer.Net home page",
    publisher: "American Society of Clinical Oncology (ASCO)",
    url: "https://www.cancer.net/",
  },
];

const yamlString = (text: string) => JSON.stringify(text);

/** A source as frontmatter takes it; `year` when the source shows one, else the day it was read. */
export interface SourceEntry {
  id: string;
  title: string;
  publisher: string;
  url: string;
  year?: number | undefined;
}

/** The `sources:` block of a post's frontmatter (shared with the benchmark's generated pages). */
export function sourcesYaml(sources: readonly SourceEntry[], accessed: string): string[] {
  return [
    "sources:",
    ...sources.flatMap((source) => [
      `  - id: ${source.id}`,
      `    title: ${yamlString(source.title)}`,
      `    publisher: ${yamlString(source.publisher)}`,
      `    url: ${source.url}`,
      source.year ? `    year: ${source.year}` : `    accessed: ${accessed}`,
    ]),
  ];
}

export function renderPost(post: NewPost): string {
  const sources = STARTER_SOURCES.slice(0, post.kind === "guide" ? 3 : 1);
  const description = `Replace this with one or two sentences on what "${post.title}" covers and who it is for.`.slice(
    0,
    160,
  );
  const frontmatter = [
    "---",
    `title: ${yamlString(post.title)}`,
    `description: ${yamlString(description.length >= 50 ? description : `${description} Say what a reader will learn.`)}`,
    `published: ${post.date}`,
    `author: ${post.author}`,
    `topics: [${post.topics.join(", ")}]`,
    ...(post.draft ? ["draft: true"] : []),
    ...sourcesYaml(sources, post.date),
    "---",
  ];
  const cites = sources.map((source) => `<Cite id="${source.id}" />`).join("");
  const body = [
    "Say in one or two short sentences who this page is for and what it covers.",
    "",
    "<KeyFacts>",
    `- The most important point, in one short sentence.${cites}`,
    "- A second point a reader should take away.",
    "</KeyFacts>",
    "",
    "## What to know",
    "",
    `Write the facts here in plain words. Put a citation after each fact.${cites}`,
    "",
    "## What you can do",
    "",
    "Write the steps a reader can take. Use a list when there are several.",
    "",
    "## Where to learn more",
    "",
    "Link to related pages on this site, for example [all our guides](/guides/).",
    "",
  ];
  return [...frontmatter, "", ...body].join("\n");
}

/**
 * The marker a scaffold puts where a translator still has to write. The content check fails on
 * it (src/lib/validate/body.ts), so a half-translated page cannot be published, while
 * `npm run dev` still shows it.
 */
export const PLACEHOLDER = "TODO:";

export interface NewTranslation {
  kind: PostKind;
  /** The translated title, as the editor typed it. */
  title: string;
  /** Today, YYYY-MM-DD: the page's `published` and `translated` dates. */
  date: string;
  /** The original's "collection/id", e.g. guides/insurance. */
  original: string;
  /** Path of the original, for the notes in the file, e.g. content/guides/insurance.mdx. */
  originalFile: string;
  /** The original's text (frontmatter and body). */
  originalText: string;
  draft: boolean;
}

/**
 * A translation to start from: the original's frontmatter that a translation keeps (author,
 * topics, usOnly, nextReview, adaptedFrom, and its sources with the same ids, marked
 * `language: en` until the translator points them at Spanish versions), `translationOf` and
 * `translated`, and a body skeleton: each heading of the original, and each of its sections,
 * as a TODO placeholder naming the citations, terms and components the section uses, with the
 * citations in place. Keywords, the description and every heading are for the translator to
 * write. Fields that are true only of the English page (its reviews, changes, hero image, old
 * addresses) are left out.
 */
export function renderTranslation(translation: NewTranslation): string {
  const { frontmatterText, tree } = parseMdx(translation.originalText);
  const data = (parseYaml(frontmatterText) ?? {}) as Record<string, unknown>;
  const sources = (Array.isArray(data.sources) ? data.sources : []) as Array<Record<string, unknown>>;
  const englishDescription = typeof data.description === "string" ? data.description : "";
  const kept = (field: string) =>
    data[field] === undefined
      ? []
      : [stringifyYaml({ [field]: data[field] }, { lineWidth: 0, flowCollectionPadding: false }).trimEnd()];
  const frontmatter = [
    "---",
    `title: ${yamlString(translation.title)}`,
    `# English: ${yamlString(englishDescription)}`,
    `description: ${yamlString(`${PLACEHOLDER} escriba en español, en 50 a 160 caracteres, lo que cubre esta página.`)}`,
    `published: ${translation.date}`,
    `translationOf: ${translation.original}`,
    `translated: ${translation.date}`,
    ...kept("nextReview"),
    `author: ${String(data.author ?? "editorial-team")}`,
    `topics: [${(Array.isArray(data.topics) ? data.topics : []).join(", ")}]`,
    ...(data.usOnly === true ? ["usOnly: true"] : []),
    ...(translation.draft ? ["draft: true"] : []),
    "# Keywords: what Spanish-speaking readers type to find this page (see CONTRIBUTING.md).",
    "keywords: []",
    ...kept("adaptedFrom"),
    "# Sources keep the original's ids. Where the publisher has the page in Spanish (cancer.gov/espanol,",
    "# MedlinePlus en español, ...), point title and url there and remove `language: en`.",
    stringifyYaml(
      { sources: sources.map((source) => ({ ...source, ...(source.language ? {} : { language: "en" }) })) },
      { lineWidth: 0 },
    ).trimEnd(),
    "---",
  ];
  return [
    ...frontmatter,
    "",
    `{/* Traducción de ${translation.originalFile}: traduzca cada parte y borre cada ${PLACEHOLDER} */}`,
    "",
    ...skeleton(tree),
    "",
  ].join("\n");
}

/** The body of a translation to write: the original's headings and sections as placeholders. */
function skeleton(tree: Root): string[] {
  const lines: string[] = [];
  let section: RootContent[] = [];
  const flush = (what: string) => {
    const used = usedIn(section);
    const notes = [
      used.terms.length ? `términos: ${used.terms.map((id) => `\`<Term id="${id}">\``).join(", ")}` : "",
      used.components.length ? `componentes: ${used.components.map((name) => `\`${name}\``).join(", ")}` : "",
    ].filter(Boolean);
    if (section.length > 0) {
      lines.push(
        `${PLACEHOLDER} traduzca ${what}${notes.length ? ` (${notes.join("; ")})` : ""}.${used.cites.map((id) => `<Cite id="${id}" />`).join("")}`,
        "",
      );
    }
    section = [];
  };
  let what = "la introducción";
  for (const node of tree.children) {
    if (node.type === "yaml" || node.type === "mdxjsEsm") continue;
    if (node.type === "heading") {
      flush(what);
      lines.push(`${"#".repeat(node.depth)} ${PLACEHOLDER} ${plainText(node)}`, "");
      what = "esta sección";
      continue;
    }
    // The two boxes every page has keep their place and form; the text in them is to translate.
    const box = BOXES.find(({ name }) => isElement(node, name));
    if (box) {
      flush(what);
      const cites = usedIn([node])
        .cites.map((id) => `<Cite id="${id}" />`)
        .join("");
      lines.push(
        `<${box.name}>`,
        `${box.item} ${PLACEHOLDER} traduzca ${box.what} del original.${cites}`,
        `</${box.name}>`,
        "",
      );
      what = "esta parte";
      continue;
    }
    section.push(node);
  }
  flush(what);
  return lines.length
    ? lines.slice(0, lines.at(-1) === "" ? -1 : undefined)
    : [`${PLACEHOLDER} traduzca el texto del original.`];
}

const BOXES = [
  { name: "KeyFacts", item: "-", what: "los puntos clave (Key facts)" },
  { name: "NextSteps", item: "1.", what: "los pasos (Next steps)" },
];

function usedIn(nodes: readonly RootContent[]): { cites: string[]; terms: string[]; components: string[] } {
  const cites = new Set<string>();
  const terms = new Set<string>();
  const components = new Set<string>();
  const walk = (node: RootContent): void => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const id = node.attributes.find(
        (attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "id",
      )?.value;
      if (node.name === "Cite" && typeof id === "string") cites.add(id);
      else if (node.name === "Term" && typeof id === "string") terms.add(id);
      else if (node.name) components.add(typeof id === "string" ? `<${node.name} id="${id}">` : `<${node.name}>`);
    }
    if ("children" in node) for (const child of node.children as RootContent[]) walk(child);
  };
  nodes.forEach(walk);
  return { cites: [...cites], terms: [...terms], components: [...components] };
}

function isElement(node: RootContent, name: string): boolean {
  return (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === name;
}

function plainText(node: unknown): string {
  const value = node as { value?: unknown; children?: unknown[] };
  if (typeof value.value === "string") return value.value;
  return (value.children ?? []).map(plainText).join("");
}
