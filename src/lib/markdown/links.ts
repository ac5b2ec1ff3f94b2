/**
 * A Sätteri hast plugin for links in articles and guides, applied when the MDX is compiled (no
 * script on the page): site links written from the root ("/guides/x/") get the base path, so a
 * sub-folder deploy works. Phone numbers stay as written: plain hyphens, so find-in-page and
 * copying match them.
 */
import { defineHastPlugin } from "satteri";
import type { Element } from "hast";
import { withBase } from "../urls.ts";

export interface LinkOptions {
  base: string;
}

export function linksPlugin({ base }: LinkOptions) {
  return defineHastPlugin({
    name: "patient-guides-links",
    element: {
      filter: ["a"],
      visit(node, ctx) {
        const href = (node as Element).properties?.href;
        if (typeof href !== "string") return;
        if (href.startsWith("/") && !href.startsWith("//")) {
          ctx.setProperty(node, "href", withBase(href, base));
        }
      },
    },
  });
}
