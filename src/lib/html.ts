/** Text for HTML the build writes by hand (redirect pages, the search index's record pages). */

/** `text` safe inside an element or a quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[char]};`);
