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

export const mdxComponents = { Callout, CallUs, Checklist, Cite, KeyFacts, NextSteps, Term };
