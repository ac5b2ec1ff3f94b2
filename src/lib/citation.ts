/**
 * The HTML of one citation, `<Cite id="..." />`: the numbered link to one of the page's sources.
 * Written into a built post's HTML (src/lib/markdown/static-mdx.ts), or rendered by the component
 * (src/components/mdx/Cite.astro) in `astro dev`: one markup for both.
 */
import type { Element } from "hast";
import { ui } from "../i18n/index.ts";
import type { Locale } from "./i18n.ts";
import { citeAnchor, sourceAnchor } from "./page-ids.ts";

/**
 * One citation: `number` is the source's place in the page's `sources` (from 1), `occurrence`
 * how many times the page has cited it so far, counting this one (each gets its own anchor, for
 * the sources list's links back).
 */
export function citeElement(id: string, number: number, occurrence: number, locale: Locale): Element {
  return {
    type: "element",
    tagName: "sup",
    properties: { className: ["cite"], dataPagefindIgnore: true },
    children: [
      {
        type: "element",
        tagName: "a",
        properties: {
          id: citeAnchor(id, occurrence),
          href: `#${sourceAnchor(id)}`,
          ariaLabel: ui(locale).sources.citeLabel(number),
        },
        children: [{ type: "text", value: `[${number}]` }],
      },
    ],
  };
}
