/**
 * The one module that decides what readers see: it loads the collections and applies the rules in
 * `posts.ts` (drafts and scheduled posts out of the build, newest first). Pages ask here and
 * never filter collections themselves.
 */
import { getCollection, getEntries, getEntry, type CollectionEntry } from "astro:content";
import { byNewest, isVisible, relatedPosts, type PostRef } from "./posts.ts";
import type { PostCollection } from "./paths.ts";

export type PostEntry = CollectionEntry<"articles"> | CollectionEntry<"guides">;
export type Post = PostRef<PostEntry["data"]> & { entry: PostEntry };

const visibility = { now: new Date(), includeUnpublished: import.meta.env.DEV };

const toPost = (entry: PostEntry): Post => ({
  collection: entry.collection as PostCollection,
  id: entry.id,
  data: entry.data,
  entry,
});

async function loadPosts(): Promise<Post[]> {
  const lists = await Promise.all([getCollection("articles"), getCollection("guides")]);
  return lists
    .flat()
    .filter((entry) => isVisible(entry.data, visibility))
    .map(toPost)
    .sort(byNewest);
}

// A build reads the collections once; every page then shares the same sorted list (without this,
// each of N pages re-sorted all N posts). The dev server reloads, so edits show at once.
let builtPosts: Promise<Post[]> | undefined;

/** Published posts of one collection, or of both, newest first. */
export async function getPosts(collection?: PostCollection): Promise<Post[]> {
  const all = await (import.meta.env.DEV ? loadPosts() : (builtPosts ??= loadPosts()));
  return collection ? all.filter((post) => post.collection === collection) : all;
}

/**
 * Published posts named as "collection/id" (e.g. the home page's start-here path), in the order
 * given, skipping any that are not published (a test checks the real site names only published
 * pages; a fixture site simply has none of them).
 */
export async function getPostsByRef(refs: readonly string[]): Promise<Post[]> {
  const posts = await getPosts();
  return refs.flatMap((ref) => posts.filter((post) => `${post.collection}/${post.id}` === ref));
}

/** Published posts that share topics with `post`. */
export async function getRelated(post: Post, limit = 4): Promise<Post[]> {
  return relatedPosts(post, await getPosts(), limit);
}

/** All topics, in name order, with their published posts. */
export async function getTopics() {
  const [topics, posts] = await Promise.all([getCollection("topics"), getPosts()]);
  return topics
    .map((topic) => ({
      topic,
      posts: posts.filter((post) => post.data.topics.some((ref) => ref.id === topic.id)),
    }))
    .sort((a, b) => a.topic.data.name.localeCompare(b.topic.data.name));
}

/** All authors with their published posts. */
export async function getAuthors() {
  const [authors, posts] = await Promise.all([getCollection("authors"), getPosts()]);
  return authors.map((author) => ({
    author,
    posts: posts.filter(
      (post) => post.data.author.id === author.id || post.data.adaptedFrom?.author.id === author.id,
    ),
  }));
}

/** The entries a post's references point to. */
export async function resolvePostRefs(post: Post) {
  const { data } = post;
  const [author, topics, reviewer, originalAuthor] = await Promise.all([
    getEntry(data.author),
    getEntries(data.topics),
    data.reviewedBy ? getEntry(data.reviewedBy) : undefined,
    data.adaptedFrom ? getEntry(data.adaptedFrom.author) : undefined,
  ]);
  return { author, topics, reviewer, originalAuthor };
}

/** Glossary entries in alphabetical order. */
export async function getGlossary() {
  const terms = await getCollection("glossary");
  return terms.sort((a, b) => a.data.term.localeCompare(b.data.term));
}
