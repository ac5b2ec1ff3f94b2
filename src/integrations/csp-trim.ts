/**
 * Astro's CSP <meta> lists a hash for each of its five island loader scripts and for every
 * bundled script file, though no page of ours inlines a script: our policy allows scripts only
 * as files from 'self' (src/lib/security.ts). Those hashes are about 0.3 KB of incompressible
 * text on every page, a fifth of the room a long article has left under its 14 KB budget, so
 * they are dropped from `script-src` as each page is built. In `style-src`, only the hashes of the
 * page's own inline styles stay (Astro also lists one for a style no page of ours has).
 */
import { createHash } from "node:crypto";
import type { AstroIntegration } from "astro";

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;

/** The policy without hash sources in its script-src directive. */
export function withoutScriptHashes(policy: string): string {
  return policy
    .split(";")
    .map((directive) =>
      directive.trim().startsWith("script-src") ? directive.replace(/\s*'sha(256|384|512)-[^']+'/g, "") : directive,
    )
    .join(";");
}

const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** The policy with only the style hashes of inline <style> elements that `html` really has. */
export function withOnlyPageStyleHashes(policy: string, html: string): string {
  const styles = [...html.matchAll(INLINE_STYLE)].map((match) => match[1]!);
  // Each style hashed once per algorithm the policy uses (a page's stylesheet is ~15 KB).
  const digests = new Map<string, Set<string>>();
  const used = (algorithm: string, hash: string) => {
    let found = digests.get(algorithm);
    if (!found)
      digests.set(
        algorithm,
        (found = new Set(styles.map((style) => createHash(algorithm).update(style).digest("base64")))),
      );
    return found.has(hash);
  };
  return policy
    .split(";")
    .map((directive) =>
      directive.trim().startsWith("style-src")
        ? directive.replace(/\s*'sha(256|384|512)-([^']+)'/g, (source, bits: string, hash: string) =>
            used(`sha${bits}`, hash) ? source : "",
          )
        : directive,
    )
    .join(";");
}

/** The page with its CSP <meta> trimmed; a page without one is returned as it is. */
export function withTrimmedPolicy(html: string): string {
  return html.replace(
    CSP_META,
    (_, start: string, policy: string, end: string) =>
      `${start}${withOnlyPageStyleHashes(withoutScriptHashes(policy), html)}${end}`,
  );
}

/**
 * Trims each page as Astro renders it (src/integrations/csp-trim-middleware.ts), before the page
 * is written: a pass over the built files afterwards read and wrote every page again, 0.36 s of a
 * warm build of 1,000 pages.
 */
export default function cspTrim(): AstroIntegration {
  return {
    name: "patient-guides:csp-trim",
    hooks: {
      "astro:config:setup": ({ addMiddleware }) => {
        addMiddleware({ order: "post", entrypoint: new URL("./csp-trim-middleware.ts", import.meta.url) });
      },
    },
  };
}
