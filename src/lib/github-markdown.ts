/**
 * Text written into GitHub Markdown (pull request comments, issues, job summaries) by the
 * editors' workflows. Page titles and messages come from content: escaped, they cannot turn
 * into links, emphasis, HTML, table cells or mentions.
 */

/** Text that GitHub's Markdown shows as written. */
export const markdownText = (text: string): string => text.replace(/[\\`*_[\]<>#|@!~]/g, (char) => `\\${char}`);

/** A link whose address cannot break out of the Markdown link syntax. */
export const markdownLink = (text: string, url: string): string =>
  `[${markdownText(text)}](${url.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))})`;
