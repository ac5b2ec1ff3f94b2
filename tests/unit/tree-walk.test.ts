/**
 * The content check's tree walk (walk in src/lib/content/facts.ts): every node in document
 * order, and nothing below a node the caller skips.
 */
import { describe, expect, test } from "vitest";
import type { Nodes } from "mdast";
import { walk } from "../../src/lib/content/facts.ts";
import { parseMdx } from "../../src/lib/content/mdx.ts";

const { tree } = parseMdx("# Title\n\nSome *kind* words.\n\n- one\n- `two`\n");

const seen = (enter: (node: Nodes) => boolean): string[] => {
  const types: string[] = [];
  walk(tree, (node) => {
    types.push(node.type);
    return enter(node);
  });
  return types;
};

describe("walk", () => {
  test("visits the root and every node below it, in document order", () => {
    expect(seen(() => true)).toEqual([
      "root",
      "heading",
      "text",
      "paragraph",
      "text",
      "emphasis",
      "text",
      "text",
      "list",
      "listItem",
      "paragraph",
      "text",
      "listItem",
      "paragraph",
      "inlineCode",
    ]);
  });

  test("skips what is below a node for which the caller returns false, and goes on after it", () => {
    expect(seen((node) => node.type !== "paragraph")).toEqual([
      "root",
      "heading",
      "text",
      "paragraph",
      "list",
      "listItem",
      "paragraph",
      "listItem",
      "paragraph",
    ]);
  });
});
