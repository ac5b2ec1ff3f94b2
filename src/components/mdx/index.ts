/**
 * The components editors may use in MDX without importing them. The post route passes this map
 * to `<Content components={...}>`; the validator treats any other capitalised tag as unknown.
 */
import Callout from "./Callout.astro";
import CallUs from "./CallUs.astro";
import Checklist from "./Checklist.astro";
import Cite from "./Cite.astro";
import KeyFacts from "./KeyFacts.astro";
import NextSteps from "./NextSteps.astro";
import Term from "./Term.astro";

import calloutStyles from "@/styles/components/callout.css?inline";
import checklistStyles from "@/styles/components/checklist.css?inline";

export const mdxComponents = { Callout, CallUs, Checklist, Cite, KeyFacts, NextSteps, Term };

/**
 * Styles of the components only some pages use. The page's layout inlines them when the body
 * uses the component (Base's `styles`), so an article without a checklist does not carry its
 * CSS, about 0.3 KB of the 14 KB budget. Every other component's styles are in the site's sheet.
 */
const PAGE_STYLES: Partial<Record<keyof typeof mdxComponents, string>> = {
  Callout: calloutStyles,
  Checklist: checklistStyles,
};

/** The CSS a post's MDX body needs beyond the site's stylesheet, given the components it uses. */
export function componentStylesFor(used: ReadonlySet<string>): string[] {
  return Object.entries(PAGE_STYLES).flatMap(([name, css]) => (used.has(name) ? [css] : []));
}
