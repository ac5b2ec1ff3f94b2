/**
 * The search records that are not pages (src/lib/search-records.ts), of every language: glossary
 * entries, and the glossary page. Written at build time for the search index, which adds each to
 * its language's index and then deletes this file (src/lib/search-index.ts); readers
 * never load it.
 */
import type { APIRoute } from "astro";
import { ui } from "@/i18n";
import { getGlossary, glossaryOriginals } from "@/lib/collections";
import { LOCALES } from "@/lib/i18n";
import { glossaryRecords } from "@/lib/search-records";

export const GET: APIRoute = async () => {
  const records = await Promise.all(
    LOCALES.map(async (locale) =>
      glossaryRecords(await getGlossary(locale), locale, ui(locale).glossary, await glossaryOriginals(locale)),
    ),
  );
  return new Response(JSON.stringify(records.flat()), { headers: { "Content-Type": "application/json" } });
};
