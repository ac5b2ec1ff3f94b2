/**
 * Turning Pagefind's result text into safe page content and links. Pagefind excerpts are text with
 * `<mark>` around matched words; they are split here into plain parts, never injected as HTML.
 */

/** Word characters at the edges of a token: punctuation around a match is not part of it. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const value = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) ? String.fromCodePoint(value) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** An excerpt as text parts, each marked or not. Any tag other than <mark> is dropped as text. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) parts.push({ text: decode(piece.replace(/<[^>]*>/g, "")), marked });
  }
  return parts;
}

/**
 * Marks the words of `text` that start with a word of the query, in Pagefind's excerpt form
 * (`<mark>` around matches, other text escaped), for showing a page summary like an excerpt.
 */
export function highlightWords(text: string, query: string): string {
  const terms = query.toLowerCase().split(/\s+/).map((term) => term.replace(EDGE_PUNCTUATION, "")).filter((term) => term.length > 1);
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/(\s+)/)
    .map((word) => {
      const bare = word.replace(EDGE_PUNCTUATION, "").toLowerCase();
      return bare && terms.some((term) => bare.startsWith(term)) ? `<mark>${escape(word)}</mark>` : escape(word);
    })
    .join("");
}

/** DOM nodes for an excerpt: text nodes and <mark> elements only (browser use). */
export function excerptNodes(excerpt: string): Node[] {
  return excerptParts(excerpt).map((part) => {
    if (!part.marked) return document.createTextNode(part.text);
    const mark = document.createElement("mark");
    mark.textContent = part.text;
    return mark;
  });
}

/** Encodes text for a text fragment; `-`, `,` and `&` have meaning there and must be escaped. */
const encodeFragmentText = (text: string) => encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C");

/**
 * A result link that makes the browser scroll to and highlight the matched words on the target
 * page: a URL text fragment (native; no script on the target page). The word before the match
 * goes in as a prefix so the link lands on this passage, not the first use of the word on the
 * page. If the browser finds no such text, or does not support text fragments, it simply opens
 * the page or section.
 */
export function textFragmentUrl(url: string, excerpt: string): string {
  const parts = excerptParts(excerpt);
  const index = parts.findIndex((part) => part.marked);
  const marked = parts[index];
  if (!marked) return url;
  const match = marked.text.trim().replace(EDGE_PUNCTUATION, "");
  if (!match) return url;
  const before = index > 0 ? parts[index - 1]!.text : "";
  const startsClean = !/^[^\p{L}\p{N}]/u.test(marked.text.trim());
  const prefix = startsClean && /\s$/.test(before) ? before.trim().split(/\s+/).pop() : undefined;
  const directive = prefix ? `${encodeFragmentText(prefix)}-,${encodeFragmentText(match)}` : encodeFragmentText(match);
  return `${url}${url.includes("#") ? "" : "#"}:~:text=${directive}`;
}
