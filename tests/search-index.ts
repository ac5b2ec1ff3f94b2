/** Reads a built Pagefind index from disk: which page URLs it holds (each fragment is one page). */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

const PREFIX = "pagefind_dcd";

export function indexedUrls(dist: string): string[] {
  const dir = join(dist, "pagefind", "fragment");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".pf_fragment"))
    .map((name) => {
      const text = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
      if (!text.startsWith(PREFIX)) throw new Error(`${name} is not a Pagefind fragment`);
      return (JSON.parse(text.slice(PREFIX.length)) as { url: string }).url;
    })
    .sort();
}
