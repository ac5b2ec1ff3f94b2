/**
 * A Sätteri hast plugin for links in articles and guides, applied when the MDX is compiled (no
 * script on the page):
 * - site links written from the root ("/guides/x/") get the base path, so a sub-folder deploy works;
 * - they also carry their full address in `data-print-href`, which the print stylesheet shows;
 * - phone numbers in tel: links get non-breaking hyphens and spaces, so a number never wraps.
 */
import { defineHastPlugin } from "satteri";
import type { Element, Text } from "hast";
import { withBase } from "../urls.ts";

export interface LinkOptions {
  base: string;
  site: string;
}

/** "800-826-HOPE (4673)" -> the same with non-breaking hyphens and spaces. */
export const unbreakablePhone = (text: string): string => text.replace(/-/g, "\u2011").replace(/ /g, "\u00a0");

export function linksPlugin({ base, site }: LinkOptions) {
  const siteUrl = new URL(site);
  return defineHastPlugin({
    name: "patient-guides-links",
    element: {
      filter: ["a"],
      visit(node, ctx) {
        const href = (node as Element).properties?.href;
        if (typeof href !== "string") return;
        if (href.startsWith("/") && !href.startsWith("//")) {
          const path = withBase(href, base);
          ctx.setProperty(node, "href", path);
          ctx.setProperty(node, "dataPrintHref", new URL(path, siteUrl).href);
        } else if (href.startsWith("tel:")) {
          for (const child of (node as Element).children) {
            if (child.type === "text") ctx.replaceNode(child, { type: "text", value: unbreakablePhone((child as Text).value) });
          }
        }
      },
    },
  });
}
