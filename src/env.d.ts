/// <reference types="astro/client" />

declare namespace App {
  /** Per-page state the post route hands to the editor components inside the MDX body. */
  interface Locals {
    /** The page's `sources`, so `<Cite id>` can number itself and check the id exists. */
    pageSources?: readonly import("./lib/schema").Source[];
    /** How many times each source has been cited so far, for unique anchor ids. */
    citeCounts?: Map<string, number>;
    /** Glossary ids already explained on this page: only the first `<Term>` shows a definition. */
    termsExplained?: Set<string>;
  }
}
