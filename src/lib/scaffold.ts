/**
 * The text of a new post: valid frontmatter and a short skeleton that passes every content
 * check, so an editor starts from something that builds. Placeholders say what to write.
 */
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
  { id: "nci", title: "National Cancer Institute home page", publisher: "National Cancer Institute", url: "https://www.cancer.gov/" },
  { id: "acs", title: "American Cancer Society home page", publisher: "American Cancer Society", url: "https://www.cancer.org/" },
  { id: "cancernet", title: "Cancer.Net home page", publisher: "American Society of Clinical Oncology (ASCO)", url: "https://www.cancer.net/" },
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
  const description = `Replace this with one or two sentences on what "${post.title}" covers and who it is for.`.slice(0, 160);
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
