import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import {
  MIN_SOURCES,
  authorSchema,
  glossarySchema,
  postSchema,
  topicSchema,
} from "@/lib/schema";
import { DATA_PATTERN, POST_PATTERN, contentDir } from "@/lib/paths";

const root = contentDir();
const from = (folder: string, pattern: string) => glob({ base: `${root}/${folder}`, pattern });

/** Articles and guides share one schema; guides must cite more sources (MIN_SOURCES). */
const posts = (folder: keyof typeof MIN_SOURCES) =>
  defineCollection({
    loader: from(folder, POST_PATTERN),
    schema: ({ image }) =>
      postSchema({ author: reference("authors"), topic: reference("topics"), image: image(), minSources: MIN_SOURCES[folder] }),
  });

const articles = posts("articles");
const guides = posts("guides");
const authors = defineCollection({ loader: from("authors", DATA_PATTERN), schema: authorSchema });
const topics = defineCollection({ loader: from("topics", DATA_PATTERN), schema: topicSchema });
const glossary = defineCollection({ loader: from("glossary", DATA_PATTERN), schema: glossarySchema });

export const collections = { articles, guides, authors, topics, glossary };
