/**
 * Checks on an MDX body, read from its syntax tree: only the editor components, with good props;
 * no scripts, event handlers or inline styles; links that resolve (page and heading) and use
 * https; every Cite pointing at a listed source and every Term at a glossary entry.
 */
import type { Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx-jsx";
import { componentRules, isEditorComponent, propProblems } from "../component-rules.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { splitLocale } from "../i18n.ts";
import { PLACEHOLDER } from "../scaffold.ts";

/** Every page a link may point to, with the ids on it (undefined: the page exists, ids unchecked). */
export type RouteIndex = Map<string, Set<string> | undefined>;

export interface BodyContext {
  file: string;
  /** URL path of this post, to resolve `#fragment` links. */
  path: string;
  sourceIds: ReadonlySet<string>;
  glossaryIds: ReadonlySet<string>;
  /**
   * For a translation: glossary ids of the English glossary, which the page falls back to when
   * its own language has no entry (a warning, not an error).
   */
  fallbackGlossaryIds?: ReadonlySet<string>;
  /** Where this language's glossary files are, for messages (default content/glossary). */
  glossaryFolder?: string;
  /** Address prefix of this language's pages, for messages (default none; Spanish "/es"). */
  pathPrefix?: string;
  /**
   * Links to pages on the site are checked later: each is handed here, to check with
   * `checkPageLink` once every page is known. The content check reads each post once and checks
   * its body then, before it has seen the pages the body links to.
   */
  checkPageLinksLater: (link: PageLink) => void;
}

/**
 * A link to a page of the site, as plain data: the syntax tree need not stay in memory until
 * every page is known, and a thread that read the post can hand it on.
 */
export interface PageLink {
  file: string;
  line: number | undefined;
  /** The address without its fragment, as written. */
  path: string;
  fragment: string | undefined;
  field: string;
  /** Address prefix of the linking page's language, for messages. */
  pathPrefix: string | undefined;
}

/** The pages a link may point to, and those that exist but will not be built. */
export interface SitePages {
  routes: RouteIndex;
  /** Pages that exist in content but will not be built (drafts, scheduled), with the reason. */
  unpublished: ReadonlyMap<string, string>;
}

import { LAYOUT_IDS, citeAnchor, sourceAnchor, termAnchor } from "../page-ids.ts";
import {
  DYNAMIC,
  attributeValue,
  bodyNodes,
  checklistIds,
  citationCounts,
  headings,
  plainText,
  stringAttribute,
  termIds,
  type HeadingFact,
  type JsxElement,
} from "../content/index.ts";

export { LAYOUT_IDS };

/** What the checks look at, from one parse: the body's nodes in document order and its headings. */
export interface BodyOutline {
  headings: HeadingFact[];
  nodes: RootContent[];
  /** Every id on the page except its sources' (see pageIds). */
  ids: Set<string>;
  /** Ids of the sources the body cites. */
  cited: Set<string>;
  /** The last top-level block a reader sees (editors' comments left out). */
  lastBlock: RootContent | undefined;
}

/** The body's outline, from its syntax tree. */
export function outline(tree: Root): BodyOutline {
  const found = headings(tree);
  const cited = new Set(citationCounts(tree).keys());
  const ids = new Set<string>([
    ...LAYOUT_IDS,
    ...found.map(({ id }) => id),
    ...checklistIds(tree),
    ...[...termIds(tree)].map(termAnchor),
    ...[...cited].map((id) => citeAnchor(id, 1)),
  ]);
  const blocks = tree.children.filter((node) => node.type !== "yaml" && !isComment(node));
  return { headings: found, nodes: bodyNodes(tree), ids, cited, lastBlock: blocks.at(-1) };
}

/** Every id a post page will carry: headings, layout parts, sources, citations, checklists, terms. */
export function pageIds(bodyIds: Iterable<string>, sourceIds: Iterable<string>): Set<string> {
  return new Set([...bodyIds, ...[...sourceIds].map(sourceAnchor)]);
}

/** Ids of the sources a body cites with `<Cite id="...">`. */
export const citedSourceIds = (body: BodyOutline): Set<string> => body.cited;

/** Adds a problem about `file` to `problems`, at a node's line. */
const adder =
  (file: string, problems: Problem[]): Add =>
  (node, field, message, fix, severity) =>
    problems.push({
      file,
      line: node?.position?.start.line,
      field,
      message,
      fix,
      ...(severity ? { severity } : {}),
    });

export function checkBody(body: BodyOutline, context: BodyContext): Problem[] {
  const problems: Problem[] = [];
  const add = adder(context.file, problems);

  checkHeadings(body, add);

  const checklistIds = new Map<string, { count: number; node: RootContent }>();
  let keyFactsCount = 0;
  const nextSteps: RootContent[] = [];
  for (const node of body.nodes) {
    switch (node.type) {
      case "mdxjsEsm":
        add(
          node,
          "import/export",
          "posts cannot import or export code",
          "delete this line: the editor components work without an import",
        );
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (!isComment(node)) {
          add(
            node,
            `{${node.value.trim().slice(0, 30)}}`,
            "code in curly braces is not allowed in posts",
            "write the text itself; for a note to other editors use {/* comment */}",
          );
        }
        break;
      case "text":
        if (node.value.includes(PLACEHOLDER)) {
          const at = node.value.indexOf(PLACEHOLDER);
          const snippet = node.value.slice(at, at + 60).trim();
          add(
            node,
            "TODO",
            `a placeholder is still on the page: "${snippet}${node.value.length > at + 60 ? "..." : ""}"`,
            `write this part (in a translation: translate it from the original), then delete the ${PLACEHOLDER} marker`,
          );
        }
        break;
      case "image":
        if (!node.alt?.trim())
          add(
            node,
            `![](${node.url})`,
            "the image has no alt text",
            "describe the picture between the brackets: ![what it shows](file.png)",
          );
        checkLink(node.url, node, "image", context, add);
        break;
      case "link":
      case "definition":
        checkLink(node.url, node, `link to ${node.url}`, context, add);
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        if (node.name === "KeyFacts") keyFactsCount++;
        if (node.name === "NextSteps") {
          nextSteps.push(node);
          if (!node.children.some((child) => child.type === "list" && child.ordered)) {
            add(
              node,
              "<NextSteps>",
              "has no numbered list",
              "write the steps as a numbered list inside it: 1. First step, 2. Second step",
            );
          }
        }
        if (node.name === "Checklist") {
          const id = stringAttribute(node, "id");
          if (id)
            checklistIds.set(id, {
              count: (checklistIds.get(id)?.count ?? 0) + 1,
              node: checklistIds.get(id)?.node ?? node,
            });
        }
        checkElement(node, context, add);
        break;
      default:
        break;
    }
  }

  if (nextSteps.length > 1)
    add(
      nextSteps[1],
      "<NextSteps>",
      `the page has ${nextSteps.length} NextSteps boxes; it may have one`,
      "merge them into one numbered list at the end",
    );
  if (nextSteps.length === 1 && body.lastBlock !== nextSteps[0]) {
    add(
      body.lastBlock,
      "<NextSteps>",
      "the Next steps list is not the last part of the page",
      "move <NextSteps> to the end, after the last section, so readers finish with what to do",
    );
  }
  if (nextSteps.length === 0) {
    problems.push({
      file: context.file,
      field: "<NextSteps>",
      message: "the page has no Next steps list",
      fix: "end the page with <NextSteps> and a short numbered list of what a reader can do next",
      severity: "warning",
    });
  }
  if (keyFactsCount > 1)
    add(
      undefined,
      "<KeyFacts>",
      `the page has ${keyFactsCount} KeyFacts boxes; it may have one`,
      "merge them into one summary near the top",
    );
  const headingSlugs = new Set(body.headings.map(({ id }) => id));
  for (const [id, { count, node }] of checklistIds) {
    if (count > 1)
      add(node, `<Checklist id="${id}">`, `${count} checklists share the id "${id}"`, "give each checklist its own id");
    if (headingSlugs.has(id) || LAYOUT_IDS.includes(id)) {
      add(
        node,
        `<Checklist id="${id}">`,
        `the id "${id}" is already used by a heading or part of the page`,
        `choose another id, e.g. "${id}-list"`,
      );
    }
  }
  return problems;
}

type Add = (node: RootContent | undefined, field: string, message: string, fix: string, severity?: "warning") => void;

function checkHeadings(body: BodyOutline, add: Add): void {
  let previousDepth = 1;
  for (const { id, node } of body.headings) {
    const text = plainText(node);
    if (node.depth === 1) {
      add(
        node,
        `# ${text}`,
        "a post cannot have its own top-level (#) heading: the title is the page's heading",
        "start section headings with ## (and ### for parts of a section)",
      );
    } else if (node.depth > previousDepth + 1) {
      add(
        node,
        `${"#".repeat(node.depth)} ${text}`,
        `this heading skips from level ${previousDepth} to ${node.depth}, which confuses screen-reader users`,
        `use ${"#".repeat(previousDepth + 1)} here`,
      );
    }
    if (LAYOUT_IDS.includes(id)) {
      add(
        node,
        `${"#".repeat(node.depth)} ${text}`,
        `the heading's id "${id}" clashes with a part of the page the layout adds`,
        "reword the heading (the page already has its own Sources and Related sections)",
      );
    }
    previousDepth = node.depth;
  }
}

function checkElement(node: JsxElement, context: BodyContext, add: Add): void {
  const name = node.name;
  if (!name) return;
  const label = `<${name}>`;
  const attributes = node.attributes.filter(
    (attribute): attribute is MdxJsxAttribute => attribute.type === "mdxJsxAttribute",
  );
  if (
    node.attributes.some(
      (attribute: MdxJsxAttribute | MdxJsxExpressionAttribute) => attribute.type === "mdxJsxExpressionAttribute",
    )
  ) {
    add(node, label, "spread props ({...}) are not allowed in posts", 'write each prop out, e.g. type="tip"');
  }

  if (/^[A-Z]/.test(name)) {
    if (!isEditorComponent(name)) {
      const guess = didYouMean(name, Object.keys(componentRules));
      add(
        node,
        label,
        `there is no component called ${name}${guess ? ` (did you mean <${guess}>?)` : ""}`,
        `use one of: ${Object.keys(componentRules)
          .map((known) => `<${known}>`)
          .join(", ")}`,
      );
      return;
    }
    const props: Record<string, unknown> = {};
    for (const attribute of attributes) {
      const value = attributeValue(attribute);
      if (value !== DYNAMIC) props[attribute.name] = value;
    }
    for (const problem of propProblems(name, props))
      add(node, label, problem.message.replace(/^<\w+> /, ""), problem.fix);
    if (name === "Cite" && typeof props.id === "string" && !context.sourceIds.has(props.id)) {
      const guess = didYouMean(props.id, [...context.sourceIds]);
      add(
        node,
        `<Cite id="${props.id}">`,
        `this page's sources have no entry with id "${props.id}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        `use one of: ${[...context.sourceIds].join(", ")}; or add the source to \`sources\``,
      );
    }
    if (name === "Term" && typeof props.id === "string" && !context.glossaryIds.has(props.id)) {
      const folder = context.glossaryFolder ?? "content/glossary";
      if (context.fallbackGlossaryIds?.has(props.id)) {
        add(
          node,
          `<Term id="${props.id}">`,
          `${folder}/ has no entry "${props.id}", so the page shows the English definition`,
          `translate content/glossary/${props.id}.yaml into ${folder}/${props.id}.yaml (with translationOf: glossary/${props.id} and translated: the day)`,
          "warning",
        );
        return;
      }
      const known = [...context.glossaryIds, ...(context.fallbackGlossaryIds ?? [])];
      const guess = didYouMean(props.id, known);
      add(
        node,
        `<Term id="${props.id}">`,
        `there is no glossary entry "${props.id}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
        context.fallbackGlossaryIds
          ? `add content/glossary/${props.id}.yaml and its translation ${folder}/${props.id}.yaml (see CONTRIBUTING.md), or use an existing term`
          : `add content/glossary/${props.id}.yaml (see CONTRIBUTING.md), or use an existing term`,
      );
    }
    return;
  }

  const lower = name.toLowerCase();
  if (["script", "iframe", "object", "embed", "style", "form", "link", "meta", "base"].includes(lower)) {
    add(
      node,
      label,
      `<${lower}> is not allowed in posts: it could run code, load other sites or change the page`,
      "remove it; ask a developer if the page needs something interactive",
    );
    return;
  }
  for (const attribute of attributes) {
    const attr = attribute.name.toLowerCase();
    if (attr.startsWith("on")) {
      add(
        node,
        `${label} ${attribute.name}`,
        "inline event handlers (on...) run code and are not allowed",
        "remove the attribute",
      );
    } else if (attr === "style") {
      add(
        node,
        `${label} style`,
        "inline styles are blocked by the site's security policy",
        "remove the style; use a component (e.g. <Callout>) for emphasis",
      );
    } else if (attr === "dangerouslysetinnerhtml") {
      add(node, `${label} ${attribute.name}`, "raw HTML injection is not allowed", "write the content as Markdown");
    }
  }
  const href = stringAttribute(node, "href") ?? stringAttribute(node, "src");
  if (href) checkLink(href, node, `${label} ${lower === "img" ? "src" : "href"}`, context, add);
  if (lower === "img" && !stringAttribute(node, "alt")?.trim()) {
    add(node, label, "the image has no alt text", 'add alt="what the picture shows"');
  }
}

function checkLink(url: string, node: RootContent, field: string, context: BodyContext, add: Add): void {
  const trimmed = url.trim();
  if (/^javascript:/i.test(trimmed)) {
    add(node, field, "javascript: links run code and are not allowed", "link to a page instead");
  } else if (/^http:\/\//i.test(trimmed)) {
    add(
      node,
      field,
      "the link uses http://, which is not secure",
      `use https://${trimmed.slice(7)} (check that the site supports it)`,
    );
  } else if (/^(https:|mailto:|tel:)/i.test(trimmed)) {
    return;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    add(node, field, `links of this kind (${trimmed.split(":")[0]}:) are not allowed`, "use an https:// address");
  } else if (trimmed.startsWith("#")) {
    linkToPage(context.path, trimmed.slice(1), node, field, context);
  } else if (trimmed.startsWith("/")) {
    const [path = "", fragment] = trimmed.split("#", 2);
    linkToPage(path, fragment, node, field, context);
  } else if (field === "image") {
    return;
  } else {
    add(
      node,
      field,
      "links between pages must start from the site root",
      `write it as ${context.pathPrefix ?? ""}/guides/${trimmed.replace(/^\.?\.?\//, "")} (starting with /)`,
    );
  }
}

/** A link to a page of the site, handed on to check once every page is known. */
function linkToPage(
  path: string,
  fragment: string | undefined,
  node: RootContent,
  field: string,
  context: BodyContext,
): void {
  context.checkPageLinksLater({
    file: context.file,
    line: node.position?.start.line,
    path,
    fragment,
    field,
    pathPrefix: context.pathPrefix,
  });
}

/** Problems of a link to a page of the site: the page must be published, and the section on it. */
export function checkPageLink(link: PageLink, pages: SitePages): Problem[] {
  const { file, line, path, fragment, field } = link;
  const problem = (message: string, fix: string): Problem[] => [{ file, line, field, message, fix }];
  const withoutQuery = path.split("?")[0] ?? path;
  const normalized =
    withoutQuery.endsWith("/") || /\.[a-z0-9]+$/i.test(withoutQuery) ? withoutQuery : `${withoutQuery}/`;
  const unpublished = pages.unpublished.get(normalized);
  if (unpublished)
    return problem(
      `${normalized} is ${unpublished}, so it will not be on the site`,
      "link to a published page, or publish that one first",
    );
  if (!pages.routes.has(normalized)) {
    // Suggest a page in the language the link points to: /es/guides/x/ is no answer to /guides/y/.
    const { locale } = splitLocale(normalized);
    const guess = didYouMean(
      normalized,
      [...pages.routes.keys()].filter((route) => splitLocale(route).locale === locale),
    );
    return problem(
      `there is no page at ${normalized}${guess ? ` (did you mean ${guess}?)` : ""}`,
      `check the address; page addresses end with a slash, e.g. ${link.pathPrefix ?? ""}/guides/medical-records/`,
    );
  }
  const ids = fragment ? pages.routes.get(normalized) : undefined;
  if (!fragment || !ids || ids.has(decodeURIComponent(fragment))) return [];
  const sections = [...ids].filter((id) => !LAYOUT_IDS.includes(id) && !/^(source|cite|term)-/.test(id));
  const guess = didYouMean(fragment, sections);
  return problem(
    `${normalized} has no section #${fragment}${guess ? ` (did you mean #${guess}?)` : ""}`,
    `link to one of its sections: ${sections.map((id) => `#${id}`).join(", ") || "(none)"}`,
  );
}

/** `{/* a note to other editors *\/}`: the one kind of curly-brace expression posts may have. */
const isComment = (node: RootContent): boolean =>
  (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") &&
  /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
