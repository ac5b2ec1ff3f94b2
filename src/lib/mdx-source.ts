/**
 * Reads an article or guide from disk the way editors wrote it: raw frontmatter text plus an
 * MDX syntax tree with line numbers. Uses Sätteri, the same Rust parser the build uses, so the
 * content check and the build read a file the same way (and 1,000 files parse in about 0.2 s).
 */
import { mdxToMdast } from "satteri";
import type { Root } from "mdast";

export interface MdxSource {
  /** The YAML between the `---` fences, exactly as written ("" when there is none). */
  frontmatterText: string;
  /** Line in the file where the YAML starts (1-based), to point editors at a field. */
  frontmatterLine: number;
  /** Syntax tree of the whole file; positions are file line numbers. */
  tree: Root;
}

/** Parses MDX text. Throws the parser's message ("line:column: reason") on a syntax error. */
export function parseMdx(text: string): MdxSource {
  const tree = mdxToMdast(text) as unknown as Root;
  const yamlNode = tree.children.find((node) => node.type === "yaml");
  return {
    frontmatterText: yamlNode && "value" in yamlNode ? String(yamlNode.value) : "",
    frontmatterLine: yamlNode ? (yamlNode.position?.start.line ?? 1) + 1 : 1,
    tree,
  };
}
