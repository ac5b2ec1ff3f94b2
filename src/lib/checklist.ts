/**
 * Turns the Markdown list an editor writes inside `<Checklist>` into item HTML, one string per
 * list item, using a real HTML parser (hast) rather than string matching.
 */
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { Element, ElementContent } from "hast";

const isElement = (node: ElementContent): node is Element => node.type === "element";

/** Inner HTML of each item of the first list in `html`; a loose list's `<p>` wrappers are dropped. */
export function checklistItems(html: string): string[] {
  const root = fromHtml(html, { fragment: true });
  const list = root.children.find(
    (node): node is Element => node.type === "element" && (node.tagName === "ul" || node.tagName === "ol"),
  );
  if (!list) return [];
  return list.children
    .filter(isElement)
    .filter((node) => node.tagName === "li")
    .map((item) => {
      const content = item.children.flatMap((child) =>
        isElement(child) && child.tagName === "p" ? child.children : [child],
      );
      return toHtml(content).trim();
    });
}
