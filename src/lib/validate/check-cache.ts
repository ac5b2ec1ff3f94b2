/**
 * The content check's findings for each post, kept between builds in Astro's cache folder (which
 * CI keeps with actions/cache): a post whose text has not changed is not parsed or checked again.
 * What a post's check depends on besides its own text is part of the cache's key, and a change
 * to it starts the cache afresh: the facts of the data files (glossary, reviewers, author and
 * topic ids), the repository root, and the code of the check and its dependencies (every file
 * in src/lib and package-lock.json). What spans posts (links, addresses, translations) and what
 * is on disk beside a post (its hero image) is checked on every build.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { BodyFacts } from "../content/index.ts";
import type { PageLink } from "./body.ts";
import type { CheckedPost, ContentFacts } from "./index.ts";
import type { Problem } from "./problems.ts";

/** What checking one post found. */
export interface PostCheck {
  post: CheckedPost;
  problems: Problem[];
  links: PageLink[];
  /** Its body facts, for the pages (undefined when its frontmatter has mistakes). */
  facts: BodyFacts | undefined;
}

export interface PostCheckCache {
  /** The kept check of the file at `absolute`, if its text is still `text`. */
  get(absolute: string, text: string): PostCheck | undefined;
  set(absolute: string, text: string, check: PostCheck): void;
  /** Writes what this build checked (only the files it saw), if anything changed. */
  save(): void;
}

interface Stored {
  key: string;
  posts: Map<string, { hash: string; check: PostCheck }>;
}

const FORMAT = "content-check 1";
const LIB = fileURLToPath(new URL("..", import.meta.url));

const hashOf = (data: string | Uint8Array) => createHash("sha256").update(data).digest("base64url");

/** The key a kept check is valid under: everything a post's check reads besides the post. */
export function checkCacheKey(facts: ContentFacts, root: string): string {
  const hash = createHash("sha256").update(FORMAT).update(root).update(serialize(facts));
  const lock = join(root, "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock));
  for (const file of readdirSync(LIB, { recursive: true, encoding: "utf8" }).sort()) {
    if (!/\.(ts|js|mjs|json)$/.test(file)) continue;
    hash.update(file).update(readFileSync(join(LIB, file)));
  }
  return hash.digest("base64url");
}

/** The cache in `file`, valid under `key`; empty when the file is missing, unreadable or from another key. */
export function openCheckCache(file: string, key: string): PostCheckCache {
  let kept = new Map<string, { hash: string; check: PostCheck }>();
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    if (stored.key === key) kept = stored.posts;
  } catch {
    // No cache yet, or one this build cannot read: every post is checked.
  }
  const seen = new Map<string, { hash: string; check: PostCheck }>();
  let changed = false;
  return {
    get(absolute, text) {
      const entry = kept.get(absolute);
      if (!entry || entry.hash !== hashOf(text)) return undefined;
      seen.set(absolute, entry);
      return entry.check;
    },
    set(absolute, text, check) {
      seen.set(absolute, { hash: hashOf(text), check });
      changed = true;
    },
    save() {
      if (!changed && seen.size === kept.size) return;
      mkdirSync(dirname(file), { recursive: true });
      // Written whole, then renamed: a build stopped halfway leaves the old cache, not half a file.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, serialize({ key, posts: seen } satisfies Stored));
      renameSync(partial, file);
    },
  };
}
