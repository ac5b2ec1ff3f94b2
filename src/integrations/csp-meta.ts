/**
 * Each built page's Content Security Policy, as a <meta> written into its <head>: scripts only as
 * files from 'self', and styles only as files or as the page's own inline <style> elements, named
 * by their hashes (src/lib/security.ts owns the policy).
 *
 * Why not Astro's `security.csp`: it hashed every page's stylesheet asynchronously while the page
 * rendered, and listed hashes for scripts no page inlines (its island loaders, our script files),
 * which a second step then had to trim from every page. Building the policy here, synchronously,
 * made page generation 1.0-1.8 s faster on warm builds of 1,000 pages (3 alternating pairs).
 */
import type { AstroIntegration } from "astro";
import { cspHash, metaPolicy } from "../lib/security.ts";

const HEAD = /<head(?:\s[^>]*)?>/;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

// Every page inlines the same stylesheet: hash each distinct text once.
const styleHashes = new Map<string, ReturnType<typeof cspHash>>();
function styleHash(text: string): ReturnType<typeof cspHash> {
  let hash = styleHashes.get(text);
  if (hash === undefined) styleHashes.set(text, (hash = cspHash(text)));
  return hash;
}

/**
 * The page with its CSP <meta> before the first <style> of its <head> (or at the end of the head),
 * so the policy covers every style. Only styles inside <head> are allowed: the layout writes the
 * head, while an article's text renders into <body>, so a <style> in an article stays blocked.
 * A page without a <head> (an old address's redirect page) is returned as it is.
 */
export function withCspMeta(html: string): string {
  const head = HEAD.exec(html);
  if (!head) return html;
  const headStart = head.index + head[0].length;
  const headEnd = html.indexOf("</head>", headStart);
  if (headEnd === -1) return html;
  const headHtml = html.slice(headStart, headEnd);
  const hashes = [...headHtml.matchAll(INLINE_STYLE)].map((match) => styleHash(match[1]!));
  const firstStyle = headHtml.search(/<style[\s>]/);
  const at = firstStyle === -1 ? headEnd : headStart + firstStyle;
  const meta = `<meta http-equiv="content-security-policy" content="${metaPolicy(hashes)}">`;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Adds the policy to each page as Astro renders it (csp-meta-middleware.ts), before the page is written. */
export default function cspMeta(): AstroIntegration {
  return {
    name: "patient-guides:csp-meta",
    hooks: {
      "astro:config:setup": ({ addMiddleware, command }) => {
        // `astro dev` injects styles and scripts as it goes; the policy is for the built site.
        if (command === "build")
          addMiddleware({ order: "post", entrypoint: new URL("./csp-meta-middleware.ts", import.meta.url) });
      },
    },
  };
}
