/** Content files, read once: find them, parse them, ask them questions. */
export { findContentFiles, listFiles, loadedFiles, postFiles, type ContentFile } from "./files.ts";
export { mdxSyntaxError, parseMdx, readEntryData, readMdx, type MdxFile, type MdxSource } from "./mdx.ts";
export * from "./facts.ts";
export { entryFacts, fileFacts, keepFacts, keepFileFacts, keptFacts, type KeptFacts } from "./entry-facts.ts";
