/**
 * Text read a character at a time, for the scanners that run over every page's text (the word
 * count, the search vocabulary): faster than a Unicode regular expression over the whole text,
 * with the same answers, because each character's class is worked out once and kept.
 */

/**
 * A classifier of the character at a position: `classOf` (a small whole number, from Unicode
 * properties) is asked once for each character of the first 65,536 and kept in a table; a
 * character beyond, two code units, is asked whole each time.
 */
export function characterClasses(classOf: (char: string) => number): (text: string, at: number) => number {
  const known = new Int8Array(0x10000).fill(-1);
  return (text, at) => {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff) return classOf(String.fromCodePoint(text.codePointAt(at)!));
    let found = known[code]!;
    if (found < 0) found = known[code] = classOf(String.fromCharCode(code));
    return found;
  };
}

/** Code units of the character at `at`: 2 for one beyond the first 65,536, else 1. */
export function characterLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && text.codePointAt(at)! > 0xffff ? 2 : 1;
}
