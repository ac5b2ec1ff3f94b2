/**
 * A Sätteri hast plugin for links in Markdown posts (and MDX ones in `astro dev`; a built MDX
 * body applies isSiteLink itself: src/lib/markdown/static-mdx.ts), with no script on the page:
 * site links written from the root ("/guides/x/") get the base path, so a sub-folder deploy works.
 * Phone numbers stay as written: plain hyphens, so find-in-page and copying match them.
 */
import { defineHastPlugin } from "satteri";
import type { Element } from "hast";
import { withBase } from "../urls.ts";

export interface LinkOptions {
  base: string;
}

/** A link written from the site's root ("/guides/x/"), which gets the base path (not "//host/..."). */
export const isSiteLink = (href: string): boolean => href.startsWith("/") && !href.startsWith("//");

export function linksPlugin({ base }: LinkOptions) {
  return defineHastPlugin({
    name: "patient-guides-links",
    element: {
      filter: ["a"],
      visit(node, ctx) {
        const href = (node as Element).properties?.href;
        if (typeof href === "string" && isSiteLink(href)) ctx.setProperty(node, "href", withBase(href, base));
      },
    },
  });
}
