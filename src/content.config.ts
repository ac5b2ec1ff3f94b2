import { defineCollection, reference } from "astro:content";
import { z } from "astro/zod";
import { glob } from "astro/loaders";
import { MIN_SOURCES, authorSchema, glossarySchema, postSchema, topicSchema, withHeroImage } from "@/lib/schema";
import { COLLECTIONS, DATA_PATTERN, POST_PATTERN, contentDir } from "@/lib/paths";
import { LOCALE_INFO, type Locale } from "@/lib/i18n";
import { afterContentCheck } from "@/lib/content/check-verdict";
import { rerenderedOnNewInputs } from "@/lib/markdown/static-mdx";

const root = contentDir();

/** The collections of one language, loaded from content/ (English) or content/es/ (Spanish). */
function collectionsOf(locale: Locale) {
  const folder = (kind: string) => [root, LOCALE_INFO[locale].contentFolder, kind].filter(Boolean).join("/");
  // Without each file's raw text in Astro's content store (`retainBody: false`): nothing reads
  // `entry.body`, and the store is bundled into the build and loaded by every page. 1,000
  // generated pages: 11 MB instead of 19 MB (.md), 1.2 MB instead of 10 MB (.mdx); clean builds
  // 0.5-1.5 s faster and 80-160 MB smaller at their peak (2 alternating pairs of each), dist/ byte-identical.
  const from = (kind: string, pattern: string) =>
    afterContentCheck(glob({ base: folder(kind), pattern, retainBody: false }));
  // Articles and guides share one schema; guides must cite more sources (MIN_SOURCES). A
  // translation names the same authors and topics by their ids, which the English collections own.
  const posts = (kind: keyof typeof MIN_SOURCES) => {
    // Built once: Astro calls `schema` for every entry, and only the hero image needs that entry's `image()`.
    const shared = postSchema({
      author: reference("authors"),
      topic: reference("topics"),
      image: z.string(),
      minSources: MIN_SOURCES[kind],
    });
    return defineCollection({
      // A post's body is rendered when it is read (src/integrations/static-mdx.ts), from its file and the glossary.
      loader: rerenderedOnNewInputs(from(kind, POST_PATTERN)),
      schema: ({ image }) => withHeroImage(shared, image()),
    });
  };
  return {
    articles: posts("articles"),
    guides: posts("guides"),
    authors: defineCollection({ loader: from("authors", DATA_PATTERN), schema: authorSchema }),
    topics: defineCollection({ loader: from("topics", DATA_PATTERN), schema: topicSchema }),
    glossary: defineCollection({ loader: from("glossary", DATA_PATTERN), schema: glossarySchema }),
  };
}

const en = collectionsOf("en");
const es = collectionsOf("es");

// Named as COLLECTIONS (src/lib/paths.ts) says; spelled out so Astro types each collection.
export const collections = {
  [COLLECTIONS.en.articles]: en.articles,
  [COLLECTIONS.en.guides]: en.guides,
  [COLLECTIONS.en.authors]: en.authors,
  [COLLECTIONS.en.topics]: en.topics,
  [COLLECTIONS.en.glossary]: en.glossary,
  [COLLECTIONS.es.articles]: es.articles,
  [COLLECTIONS.es.guides]: es.guides,
  [COLLECTIONS.es.authors]: es.authors,
  [COLLECTIONS.es.topics]: es.topics,
  [COLLECTIONS.es.glossary]: es.glossary,
};
