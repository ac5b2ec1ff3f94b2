/**
 * A Sätteri mdast plugin that writes each `<Cite id="..." />` of a post as the citation's HTML
 * (src/lib/citation.ts) when the page is compiled, instead of leaving it a component to render
 * with the page.
 *
 * A generated page cites its sources about 20 times, and what Astro does for each component it
 * renders, not the citation itself, was most of what citations cost: 1,000 generated .mdx pages,
 * 5 alternating pairs of cold builds, pages generated in 7.4-10.5 s instead of 8.2-11.9 s (less
 * in every pair), the build 0.0-2.8 s sooner, and the same dist/ byte for byte.
 *
 * Only a citation the component would render is compiled: an `id` written as text (or as a quoted
 * string in braces) that names one of the page's sources, in a page of the content folder. Any
 * other stays a component (src/components/mdx/Cite.astro), which stops the build with its own
 * message naming the page and what is wrong, as before.
 */
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { MdxJsxAttribute } from "mdast-util-mdx-jsx";
import { defineMdastPlugin } from "satteri";
import { citeElement } from "../citation.ts";
import { attributeValue } from "../content/facts.ts";
import { localeOfContentPath } from "../content/files.ts";
import type { Locale } from "../i18n.ts";

/** What the plugin keeps per page: its sources' ids in order, and how often each is cited so far. */
interface PageCitations {
  sources: readonly string[];
  counts: Map<string, number>;
  /** Undefined outside the content folder: the page's citations are left to the component. */
  locale: Locale | undefined;
}

/** The plugin, for the Markdown processor's mdastPlugins (astro.config.mjs); `contentDir` is the posts' folder. */
export function citationsPlugin({ contentDir }: { contentDir: string }) {
  const pageOf = (data: Record<string, unknown>, fileURL: URL | undefined): PageCitations => {
    let page = data.citations as PageCitations | undefined;
    if (!page) {
      const frontmatter = (data.astro as { frontmatter?: { sources?: unknown } } | undefined)?.frontmatter;
      const sources = Array.isArray(frontmatter?.sources)
        ? frontmatter.sources
            .map((source) => (source as { id?: unknown } | null)?.id)
            .filter((id) => typeof id === "string")
        : [];
      page = { sources, counts: new Map(), locale: localeOfFile(fileURL, contentDir) };
      data.citations = page;
    }
    return page;
  };
  return defineMdastPlugin({
    name: "patient-guides-citations",
    mdxJsxTextElement(node, context) {
      if (node.name !== "Cite" || node.children.length > 0) return;
      // One `id`, written as the content check reads it: as text, or as a quoted string in braces.
      const [attribute, ...others] = node.attributes as readonly MdxJsxAttribute[];
      if (others.length > 0 || attribute?.type !== "mdxJsxAttribute" || attribute.name !== "id") return;
      const id = attributeValue(attribute);
      if (typeof id !== "string") return;
      const page = pageOf(context.data, context.fileURL);
      const index = page.sources.indexOf(id);
      if (index === -1 || page.locale === undefined) return;
      const occurrence = (page.counts.get(id) ?? 0) + 1;
      page.counts.set(id, occurrence);
      const { tagName, properties, children } = citeElement(id, index + 1, occurrence, page.locale);
      // An empty mdast node that becomes the element: mdast-util-to-hast reads hName and friends.
      context.replaceNode(node, {
        type: "emphasis",
        children: [],
        data: { hName: tagName, hProperties: properties, hChildren: children },
      } as never);
    },
  });
}

/**
 * A content file's language, from its folder ("es/articles/x.mdx" is Spanish); undefined for a
 * file outside the content folder, whose citations are left to the component (it asks Astro).
 */
function localeOfFile(fileURL: URL | undefined, contentDir: string): Locale | undefined {
  if (!fileURL) return undefined;
  const path = fileURLToPath(fileURL);
  if (!path.startsWith(`${contentDir}${sep}`)) return undefined;
  return localeOfContentPath(relative(contentDir, path).split(sep).join("/"));
}
