/**
 * Reads an article or guide from disk the way editors wrote it: raw frontmatter text plus an
 * MDX syntax tree with line numbers. The validator and the readability report both start here,
 * without running Astro.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { frontmatter } from "micromark-extension-frontmatter";
import { mdxjs } from "micromark-extension-mdxjs";
import type { Root } from "mdast";

export interface MdxSource {
  /** The YAML between the `---` fences, exactly as written ("" when there is none). */
  frontmatterText: string;
  /** Line in the file where the YAML starts (1-based), to point editors at a field. */
  frontmatterLine: number;
  /** Syntax tree of the whole file; positions are file line numbers. */
  tree: Root;
}

/** Parses MDX text. Throws the MDX parser's own message (with line) on a syntax error. */
export function parseMdx(text: string): MdxSource {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(["yaml"]), mdxjs()],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"]), mdxFromMarkdown()],
  });
  const yamlNode = tree.children.find((node) => node.type === "yaml");
  return {
    frontmatterText: yamlNode && "value" in yamlNode ? String(yamlNode.value) : "",
    frontmatterLine: yamlNode ? (yamlNode.position?.start.line ?? 1) + 1 : 1,
    tree,
  };
}
