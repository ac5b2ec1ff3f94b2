/**
 * The search records that are not pages (src/lib/search-records.ts): glossary entries, and the
 * glossary page. Written at build time for the search index, which adds them to Pagefind and then
 * deletes this file (src/integrations/search-index.ts); readers never load it.
 */
import type { APIRoute } from "astro";
import { getGlossary } from "@/lib/content";
import { glossaryRecords } from "@/lib/search-records";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(glossaryRecords(await getGlossary())), { headers: { "Content-Type": "application/json" } });
