/** Anchor ids that tie `<Cite>` markers to the sources list and back. */

/** Id of a source's entry in the sources list. */
export const sourceAnchor = (sourceId: string): string => `source-${sourceId}`;

/** Id of the n-th (1-based) place in the text that cites a source. */
export const citeAnchor = (sourceId: string, occurrence: number): string => `cite-${sourceId}-${occurrence}`;

/**
 * How many places in a post's MDX body cite each source, read from its `<Cite id="...">` tags in
 * document order (the order `<Cite>` numbers its anchors), so the sources list can link back to
 * every citing place without waiting for the body to render.
 */
export function citationCounts(body: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of body.matchAll(/<Cite\s+id=["']([^"']+)["']/g)) {
    if (match[1]) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  return counts;
}
