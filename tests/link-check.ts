/**
 * Checks every link in a built site, from the files: internal links and #fragments resolve (with
 * the base path), external links are https. Used by the site sweep and by the base-path build test.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith(".html") ? [path] : [];
  });
}

/**
 * Every broken or insecure link in `dist`, as "page: link -> reason". Empty when all is well.
 * `site` is the build's own origin: links to it (canonical, feeds) are the site's own, and a
 * local build's origin is http://localhost.
 */
export function brokenLinks(dist: string, base = "/", site?: string): string[] {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const fileFor = (local: string) => join(dist, local.endsWith("/") ? `${local}index.html` : local);
  const ids = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    let found = ids.get(file);
    if (!found)
      ids.set(
        file,
        (found = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!))),
      );
    return found;
  };
  const broken: string[] = [];
  for (const file of htmlFiles(dist)) {
    const page = `${prefix}${relative(dist, file).replace(/index\.html$/, "")}`;
    const html = readFileSync(file, "utf8");
    for (const [, tag, attr, raw] of html.matchAll(
      /<(a|link|script|img|source|iframe)\b[^>]*?\s(href|src|srcset)="([^"]*)"/g,
    )) {
      const value = raw!.replaceAll("&amp;", "&");
      for (const target of attr === "srcset" ? value.split(",").map((part) => part.trim().split(/\s+/)[0]!) : [value]) {
        if (/^(data:|tel:|mailto:)/.test(target)) continue;
        if (/^https?:\/\//.test(target)) {
          const own = site !== undefined && target.startsWith(`${site.replace(/\/$/, "")}/`);
          if (!own && !target.startsWith("https://")) broken.push(`${page}: <${tag}> ${target} is not https`);
          continue;
        }
        const url = new URL(target, `http://site${page}`);
        const path = decodeURI(url.pathname);
        if (!path.startsWith(prefix)) {
          broken.push(`${page}: ${target} is outside the base path ${prefix}`);
          continue;
        }
        const targetFile = fileFor(`/${path.slice(prefix.length)}`);
        if (!existsSync(targetFile)) {
          broken.push(`${page}: ${target} -> no such page or file`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1)).split(":~:")[0];
        if (fragment && fragment !== "top" && targetFile.endsWith(".html") && !idsIn(targetFile).has(fragment)) {
          broken.push(`${page}: ${target} -> no element with id "${fragment}"`);
        }
      }
    }
  }
  return broken;
}
