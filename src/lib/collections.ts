/**
 * The one module that decides what readers see: it loads the collections of each language and
 * applies the rules in `posts.ts` (drafts and scheduled posts out of the build, newest first).
 * Pages ask here and never filter collections themselves.
 */
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { byNewest, isVisible, pathOf, relatedPosts, type PostRef } from "./posts.ts";
import { COLLECTIONS, type PostCollection } from "./paths.ts";
import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from "./i18n.ts";
import { daysBetween } from "./dates.ts";
import { dataPageKey, postPageKey } from "./page-cache.ts";

type Names = (typeof COLLECTIONS)[Locale];
export type PostEntry = CollectionEntry<Names["articles"] | Names["guides"]>;
export type AuthorEntry = CollectionEntry<Names["authors"]>;
export type TopicEntry = CollectionEntry<Names["topics"]>;
export type GlossaryEntry = CollectionEntry<Names["glossary"]>;
export type Post = PostRef<PostEntry["data"]> & { entry: PostEntry; locale: Locale };

const visibility = { now: new Date(), includeUnpublished: import.meta.env.DEV };

async function loadPosts(locale: Locale): Promise<Post[]> {
  const names = COLLECTIONS[locale];
  const lists = await Promise.all([getCollection(names.articles), getCollection(names.guides)]);
  const kinds: PostCollection[] = ["articles", "guides"];
  return lists
    .flatMap((list, index) =>
      (list as PostEntry[]).map(
        (entry): Post => ({ collection: kinds[index]!, id: entry.id, data: entry.data, entry, locale }),
      ),
    )
    .filter((post) => isVisible(post.data, visibility))
    .sort(byNewest);
}

// A build reads the collections once; every page then shares the same sorted list (without this,
// each of N pages re-sorted all N posts). The dev server reloads, so edits show at once.
const builtPosts = new Map<Locale, Promise<Post[]>>();

/** Published posts of one language (and one collection, or both), newest first. */
export async function getPosts(collection?: PostCollection, locale: Locale = DEFAULT_LOCALE): Promise<Post[]> {
  let list = builtPosts.get(locale);
  if (import.meta.env.DEV || !list) builtPosts.set(locale, (list = loadPosts(locale)));
  const all = await list;
  return collection ? all.filter((post) => post.collection === collection) : all;
}

/** The key that pairs a page with its translations: its English "collection/id". */
const originalKey = (post: Post): string => post.data.translationOf ?? `${post.collection}/${post.id}`;

// Every page looks up its translations and its original: by key, not by a search of every post
// (a search per page made the build quadratic in the number of posts).
const builtKeys = new Map<Locale, Promise<Map<string, Post>>>();
async function postsByKey(locale: Locale): Promise<Map<string, Post>> {
  let index = builtKeys.get(locale);
  if (import.meta.env.DEV || !index) {
    index = getPosts(undefined, locale).then((posts) => new Map(posts.map((post) => [originalKey(post), post])));
    builtKeys.set(locale, index);
  }
  return index;
}

/**
 * The published versions of a post in each language, as paths (without base path): the page's
 * hreflang alternates and the language switcher's target.
 */
export async function getTranslations(post: Post): Promise<Partial<Record<Locale, string>>> {
  const key = originalKey(post);
  const found: Partial<Record<Locale, string>> = {};
  for (const locale of LOCALES) {
    const match = (await postsByKey(locale)).get(key);
    if (match) found[locale] = pathOf(match);
  }
  return found;
}

/**
 * When a translation may be behind its original: the English page changed (its `updated` date)
 * after the day the translation was last brought in step. The date of that change, else undefined.
 */
export async function originalChangedSince(post: Post): Promise<Date | undefined> {
  const { translationOf, translated } = post.data;
  if (!translationOf || !translated) return undefined;
  const original = (await postsByKey(DEFAULT_LOCALE)).get(translationOf);
  const changed = original?.data.updated;
  return changed && daysBetween(translated, changed) > 0 ? changed : undefined;
}

/**
 * Published posts named as "collection/id" (e.g. the home page's start-here path), in the order
 * given, skipping any that are not published (a test checks the real site names only published
 * pages; a fixture site simply has none of them).
 */
export async function getPostsByRef(refs: readonly string[], locale: Locale = DEFAULT_LOCALE): Promise<Post[]> {
  const posts = await postsByKey(locale);
  return refs.flatMap((ref) => posts.get(ref) ?? []);
}

/** Published posts of the same language that share topics with `post`. */
export async function getRelated(post: Post, limit = 4): Promise<Post[]> {
  return relatedPosts(post, await getPosts(undefined, post.locale), limit);
}

/** An author, topic or glossary entry in a language; the English one when it has no translation. */
async function localEntry<Kind extends "authors" | "topics" | "glossary">(kind: Kind, id: string, locale: Locale) {
  const translated = locale === DEFAULT_LOCALE ? undefined : await getEntry(COLLECTIONS[locale][kind], id);
  return translated ?? (await getEntry(COLLECTIONS[DEFAULT_LOCALE][kind], id));
}

export const getAuthor = (id: string, locale: Locale = DEFAULT_LOCALE) =>
  localEntry("authors", id, locale) as Promise<AuthorEntry | undefined>;
export const getTopic = (id: string, locale: Locale = DEFAULT_LOCALE) =>
  localEntry("topics", id, locale) as Promise<TopicEntry | undefined>;
// A page may explain dozens of terms: each <Term> looks its entry up in a map made once per build.
const builtGlossaries = new Map<Locale, Promise<Map<string, GlossaryEntry>>>();
async function glossaryById(locale: Locale): Promise<Map<string, GlossaryEntry>> {
  let entries = builtGlossaries.get(locale);
  if (import.meta.env.DEV || !entries) {
    const collection = getCollection(COLLECTIONS[locale].glossary) as Promise<GlossaryEntry[]>;
    builtGlossaries.set(locale, (entries = collection.then((list) => new Map(list.map((entry) => [entry.id, entry])))));
  }
  return entries;
}

/** A glossary entry in a language; the English one when it has no translation. */
export async function getGlossaryEntry(
  id: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<GlossaryEntry | undefined> {
  return (await glossaryById(locale)).get(id) ?? (await glossaryById(DEFAULT_LOCALE)).get(id);
}

/** All topics of a language, in name order, with their published posts. */
export async function getTopics(locale: Locale = DEFAULT_LOCALE) {
  const [topics, posts] = await Promise.all([
    getCollection(COLLECTIONS[locale].topics) as Promise<TopicEntry[]>,
    getPosts(undefined, locale),
  ]);
  return topics
    .map((topic) => ({
      topic,
      posts: posts.filter((post) => post.data.topics.some((ref) => ref.id === topic.id)),
    }))
    .sort((a, b) => a.topic.data.name.localeCompare(b.topic.data.name, locale));
}

/** All authors of a language with their published posts. */
export async function getAuthors(locale: Locale = DEFAULT_LOCALE) {
  const [authors, posts] = await Promise.all([
    getCollection(COLLECTIONS[locale].authors) as Promise<AuthorEntry[]>,
    getPosts(undefined, locale),
  ]);
  return authors.map((author) => ({
    author,
    posts: posts.filter((post) => post.data.author.id === author.id || post.data.adaptedFrom?.author.id === author.id),
  }));
}

/** The entries a post's references point to, in the post's language. */
export async function resolvePostRefs(post: Post) {
  const { data, locale } = post;
  const [author, topics, reviewer, originalAuthor] = await Promise.all([
    getAuthor(data.author.id, locale),
    Promise.all(data.topics.map((topic) => getTopic(topic.id, locale))),
    data.reviewedBy ? getAuthor(data.reviewedBy.id, locale) : undefined,
    data.adaptedFrom ? getAuthor(data.adaptedFrom.author.id, locale) : undefined,
  ]);
  if (!author) throw new Error(`${post.entry.filePath}: author "${data.author.id}" not found`);
  return {
    author,
    topics: topics.filter((topic): topic is TopicEntry => topic !== undefined),
    reviewer,
    originalAuthor,
  };
}

/**
 * The English entries a translated glossary translates, by id (the same file names), whose words
 * its aliases repeat for search only (src/lib/glossary.ts); none for the English glossary.
 */
export async function glossaryOriginals(locale: Locale): Promise<ReadonlyMap<string, GlossaryEntry["data"]>> {
  if (locale === DEFAULT_LOCALE) return new Map();
  return new Map((await getGlossary(DEFAULT_LOCALE)).map((entry) => [entry.id, entry.data]));
}

/** Glossary entries of a language in alphabetical order. */
export async function getGlossary(locale: Locale = DEFAULT_LOCALE) {
  const terms = (await getCollection(COLLECTIONS[locale].glossary)) as GlossaryEntry[];
  return terms.sort((a, b) => a.data.term.localeCompare(b.data.term, locale));
}

/** Every published post of every language, as "locale:collection/id" (part of pages' cache keys). */
async function publishedPages(): Promise<string[]> {
  const lists = await Promise.all(LOCALES.map((locale) => getPosts(undefined, locale)));
  return lists.flat().map((post) => `${post.locale}:${post.collection}/${post.id}`);
}

/** Static paths of every published post of a language: the post routes of each language use it. */
export async function postPaths(locale: Locale) {
  const posts = await getPosts(undefined, locale);
  return Promise.all(
    posts.map(async (post) => ({
      params: { collection: post.collection, id: post.id },
      props: { post },
      cacheKey: await postPageKey(post.entry, publishedPages),
    })),
  );
}

/** Static paths of the topic pages of a language. */
export async function topicPaths(locale: Locale) {
  const [topics, cacheKey] = await Promise.all([getTopics(locale), dataPageKey(publishedPages)]);
  return topics.map((entry) => ({ params: { id: entry.topic.id }, props: entry, cacheKey }));
}

/** Static paths of the author pages of a language. */
export async function authorPaths(locale: Locale) {
  const [authors, cacheKey] = await Promise.all([getAuthors(locale), dataPageKey(publishedPages)]);
  return authors.map((entry) => ({ params: { id: entry.author.id }, props: entry, cacheKey }));
}

/** Which languages have an author or topic page with this id (for hreflang and the switcher). */
export async function dataAlternates(kind: "authors" | "topics", id: string, path: string) {
  const found: Partial<Record<Locale, string>> = {};
  for (const locale of LOCALES) {
    if (await getEntry(COLLECTIONS[locale][kind], id)) found[locale] = localePath(path, locale);
  }
  return found;
}
