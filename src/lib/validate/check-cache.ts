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
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, writeSync } from "node:fs";
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

/** One post's record in the file. */
interface StoredPost {
  absolute: string;
  hash: string;
  check: PostCheck;
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

/**
 * The file is a run of records, each a 4-byte length and a v8-serialized value: the key first,
 * then one record per post. It is written and read a record at a time, never as one buffer of
 * every post (60 MB at 10,000 pages).
 */
function* records(buffer: Buffer): Generator<unknown> {
  let at = 0;
  while (at < buffer.length) {
    if (at + 4 > buffer.length) throw new Error("the cache file ends inside a record");
    const length = buffer.readUInt32LE(at);
    at += 4;
    if (at + length > buffer.length) throw new Error("the cache file ends inside a record");
    yield deserialize(buffer.subarray(at, at + length));
    at += length;
  }
}

function writeRecords(file: string, values: Iterable<unknown>): void {
  const fd = openSync(file, "w");
  try {
    const head = Buffer.alloc(4);
    for (const value of values) {
      const body = serialize(value);
      head.writeUInt32LE(body.length);
      writeSync(fd, head);
      writeSync(fd, body);
    }
  } finally {
    closeSync(fd);
  }
}

/** The cache in `file`, valid under `key`; empty when the file is missing, unreadable or from another key. */
export function openCheckCache(file: string, key: string): PostCheckCache {
  let kept = new Map<string, { hash: string; check: PostCheck }>();
  try {
    const stored = records(readFileSync(file));
    if (stored.next().value === key) {
      for (const record of stored) {
        const { absolute, hash, check } = record as StoredPost;
        kept.set(absolute, { hash, check });
      }
    }
  } catch {
    // No cache yet, or one this build cannot read: every post is checked.
    kept = new Map();
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
      writeRecords(partial, [key, ...[...seen].map(([absolute, { hash, check }]) => ({ absolute, hash, check }))]);
      renameSync(partial, file);
    },
  };
}
