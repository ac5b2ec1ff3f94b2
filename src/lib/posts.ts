/**
 * What is published, in what order, and what is related: pure rules over post data, so they are
 * unit-tested without Astro. `src/lib/collections.ts` applies them to the real collections.
 */
import type { PostCollection } from "./paths.ts";
import { postPath } from "./urls.ts";
import { DEFAULT_LOCALE, localePath, type Locale } from "./i18n.ts";
import { today } from "./dates.ts";

export interface PostData {
  title: string;
  description: string;
  published: Date;
  updated?: Date | undefined;
  draft: boolean;
  topics: ReadonlyArray<{ id: string }>;
}

/** A post with where it lives: enough to list it, link it and relate it. */
export interface PostRef<Data extends PostData = PostData> {
  collection: PostCollection;
  id: string;
  data: Data;
  /** The page's language (English when not given). */
  locale?: Locale;
}

export interface Visibility {
  /** The day the build runs; posts dated later are scheduled and stay out. */
  now: Date;
  /** `npm run dev` shows drafts and scheduled posts so editors can preview them. */
  includeUnpublished: boolean;
}

/** True when a reader of the built site may see the post. */
export function isVisible(
  data: Pick<PostData, "draft" | "published">,
  { now, includeUnpublished }: Visibility,
): boolean {
  if (includeUnpublished) return true;
  return !data.draft && data.published.getTime() <= today(now).getTime();
}

/** Last meaningful change: `updated` when set, else `published`. */
export const lastChanged = (data: PostData): Date => data.updated ?? data.published;

/** Newest first by last change, then by title so the order is stable. */
export function byNewest<P extends PostRef>(a: P, b: P): number {
  return lastChanged(b.data).getTime() - lastChanged(a.data).getTime() || a.data.title.localeCompare(b.data.title);
}

/** URL path of a post, without the base path. */
export const pathOf = (post: PostRef): string =>
  localePath(postPath(post.collection, post.id), post.locale ?? DEFAULT_LOCALE);

// Reading entry data is not free (a build profile showed 0.9 s for 1,000 pages), so each post's
// topic ids are read once and kept.
const topicIdCache = new WeakMap<PostRef, string[]>();
function topicIdsOf(post: PostRef): string[] {
  let ids = topicIdCache.get(post);
  // A topic listed twice counts once.
  if (!ids) topicIdCache.set(post, (ids = [...new Set(post.data.topics.map((topic) => topic.id))]));
  return ids;
}

/**
 * Posts that share topics with `post`, most shared topics first, then newest. A shared main
 * topic (the first listed) counts extra, so a guide's closest siblings come first.
 * `candidates` must be newest first (as `getPosts` returns them): equal scores keep that order.
 * One pass, keeping only the best `limit`, because a build calls this for every page.
 */
export function relatedPosts<P extends PostRef>(post: P, candidates: readonly P[], limit = 4): P[] {
  const topics = new Set(topicIdsOf(post));
  const mainTopic = topicIdsOf(post)[0];
  // The highest score any post can reach: all of this post's topics, and its main topic first.
  const highest = topics.size + 0.5;
  const best: Array<{ other: P; score: number }> = [];
  for (const other of candidates) {
    // Once `limit` posts have the highest score, no later one can displace them (ties keep the
    // earlier): without this, every page read every post, 10,000 x 10,000 at 10,000 pages.
    if (best.length === limit && best[limit - 1]!.score >= highest) break;
    if (other.id === post.id && other.collection === post.collection) continue;
    const otherTopics = topicIdsOf(other);
    let score = otherTopics[0] === mainTopic ? 0.5 : 0;
    for (const topic of otherTopics) if (topics.has(topic)) score += 1;
    if (score < 1) continue;
    const entry = { other, score };
    const at = best.findIndex((kept) => entry.score > kept.score);
    if (at === -1) {
      if (best.length < limit) best.push(entry);
    } else {
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ other }) => other);
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read `wordCount` words at an unhurried pace, at least 1. */
export const readingMinutes = (wordCount: number): number => Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
