/** Anchor ids that tie `<Cite>` markers to the sources list and back. */

/** Id of a source's entry in the sources list. */
export const sourceAnchor = (sourceId: string): string => `source-${sourceId}`;

/** Id of the n-th (1-based) place in the text that cites a source. */
export const citeAnchor = (sourceId: string, occurrence: number): string => `cite-${sourceId}-${occurrence}`;

/**
 * Ids of sources that a post's MDX body cites, read from its `<Cite id="...">` tags, so the
 * sources list knows which entries get a link back without waiting for the body to render.
 */
export function citedSourceIds(body: string): Set<string> {
  const ids = new Set<string>();
  for (const match of body.matchAll(/<Cite\s+id=["']([^"']+)["']/g)) if (match[1]) ids.add(match[1]);
  return ids;
}
