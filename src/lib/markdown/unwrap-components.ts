/**
 * For the build experiment switch `mdx-components` (src/lib/build-flags.ts), kept apart so that
 * reading the switches does not load the Markdown processor.
 */
import { defineMdastPlugin } from "satteri";

/** For `mdx-components`: every MDX component (<Term>, <Cite />, <KeyFacts>, ...) becomes its children. */
export const unwrapMdxComponents = defineMdastPlugin({
  name: "patient-guides-unwrap-mdx-components",
  mdxJsxFlowElement(node, context) {
    context.replaceNode(node, [...node.children]);
  },
  mdxJsxTextElement(node, context) {
    context.replaceNode(node, [...node.children]);
  },
});
