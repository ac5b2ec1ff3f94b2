import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { withOnlyPageStyleHashes, withoutScriptHashes } from "../../src/integrations/csp-trim";

describe("the CSP meta after the build", () => {
  const policy =
    "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BB+/=='; style-src 'self' 'sha256-CCC=';";

  test("drops script hashes but keeps the script sources and every style hash", () => {
    expect(withoutScriptHashes(policy)).toBe(
      "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-CCC=';",
    );
  });

  test("leaves a policy without script hashes as it was", () => {
    const clean = "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-CCC='";
    expect(withoutScriptHashes(clean)).toBe(clean);
  });

  test("keeps the hash of each inline style the page has, and only those", () => {
    const css = "@layer base{body{color:red}}";
    const hash = createHash("sha256").update(css).digest("base64");
    const html = `<head><style>${css}</style></head>`;
    const withStyles = `style-src 'self' 'sha256-${hash}' 'sha256-NotOnThisPage='; script-src 'self'`;
    expect(withOnlyPageStyleHashes(withStyles, html)).toBe(`style-src 'self' 'sha256-${hash}'; script-src 'self'`);
    expect(withOnlyPageStyleHashes(withStyles, "<head></head>")).toBe("style-src 'self'; script-src 'self'");
  });
});
