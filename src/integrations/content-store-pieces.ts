/**
 * Astro hands the pages its content store as one module, `export default JSON.parse("...")`,
 * whose one string literal is the whole store: with each post's HTML in it, 175 MB at 10,000
 * pages. V8 reads a string literal in time that grows with the square of its length: Node took
 * 36 s (26 of them in the kernel) to load that module, and the same text in pieces of 1 Mi
 * characters loaded in 1.7 s. This Vite plugin writes the literal as such pieces, joined when the
 * module runs: the same store. Code of another shape (another Astro version) is left as it is.
 */
import type { Plugin as VitePlugin } from "vite";

/** Astro's resolved id of the module (astro/dist/content/consts.js, RESOLVED_DATA_STORE_VIRTUAL_ID). */
const STORE_MODULE = "\0astro:data-layer-content";
const HEAD = "export default JSON.parse(";
const TAIL = ")";

/** Characters a piece: 1 Mi, small enough to read in linear time. */
export const PIECE_LENGTH = 1 << 20;

/**
 * The module's code with its one literal cut into pieces, or undefined when the code is not that
 * shape or is small. The literal's own text is cut, without decoding it (at 10,000 pages a decoded
 * copy did not fit in the build's heap), each cut after a character that ends no escape sequence
 * half-way, and each piece is quoted again: the pieces joined are the literal's string.
 */
export function storeInPieces(code: string, pieceLength = PIECE_LENGTH): string | undefined {
  const open = HEAD.length;
  const close = code.length - TAIL.length - 1;
  if (!code.startsWith(`${HEAD}"`) || !code.endsWith(`"${TAIL}`) || close - open <= pieceLength) return undefined;
  const pieces: string[] = [];
  let from = open + 1;
  while (from < close) {
    let to = Math.min(from + pieceLength, close);
    while (to < close && !isCutPoint(code, to)) to++;
    pieces.push(code.slice(from, to));
    from = to;
  }
  return `${HEAD}["${pieces.join('",\n"')}"].join("")${TAIL}`;
}

/**
 * Whether the literal can be cut before `at`: the character before is no backslash, and no `\u`
 * escape is open in the four before that. (A cut may be passed over where it was safe, e.g. after
 * an escaped backslash; the next point is a few characters on.)
 */
function isCutPoint(code: string, at: number): boolean {
  return code.charCodeAt(at - 1) !== BACKSLASH && !code.slice(at - 5, at).includes("\\u");
}

const BACKSLASH = 0x5c;

export const contentStoreInPieces = (): VitePlugin => ({
  name: "patient-guides:content-store-in-pieces",
  apply: "build",
  transform: {
    filter: { id: new RegExp(`^${STORE_MODULE}$`) },
    handler(code, id) {
      if (id !== STORE_MODULE) return undefined;
      const pieces = storeInPieces(code);
      return pieces === undefined ? undefined : { code: pieces, map: { mappings: "" } };
    },
  },
});
