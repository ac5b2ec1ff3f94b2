import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { withCspMeta } from "../../src/integrations/csp-meta";

const sha = (css: string) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];

describe("each built page's CSP meta", () => {
  const siteCss = "@layer base{body{color:red}}";
  const pageCss = ".list{margin:0}";
  const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title><style>${pageCss}</style><style>${siteCss}</style></head><body><p>Hi</p></body></html>`;

  test("names the hash of each inline style in the head, allows scripts only as files, and comes before the first style", () => {
    const built = withCspMeta(page);
    const policy = policyOf(built)!;
    expect(policy).toContain(`style-src 'self' ${sha(pageCss)} ${sha(siteCss)}`);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*sha256/);
    expect(built.indexOf("content-security-policy")).toBeLessThan(built.indexOf("<style>"));
    expect(built.replace(/<meta http-equiv="content-security-policy"[^>]*>/, "")).toBe(page);
  });

  test("does not allow a <style> that an article's text put in the body", () => {
    const injected = "body{display:none}";
    const built = withCspMeta(page.replace("<p>Hi</p>", `<style>${injected}</style><p>Hi</p>`));
    expect(policyOf(built)).not.toContain(sha(injected));
  });

  test("a page without inline styles allows styles only as files, with the policy at the end of the head", () => {
    const plain = "<html><head><title>T</title></head><body></body></html>";
    const built = withCspMeta(plain);
    expect(policyOf(built)).toMatch(/style-src 'self'$/);
    expect(built).toMatch(/<title>T<\/title><meta http-equiv="content-security-policy"[^>]*><\/head>/);
  });

  test("leaves a page without a head (an old address's redirect page) as it is", () => {
    const redirect = '<!doctype html><title>Redirecting to: /a/</title><meta http-equiv="refresh" content="0;url=/a/">';
    expect(withCspMeta(redirect)).toBe(redirect);
  });

  test("hashes a style with accents and emoji as its UTF-8 text, and leaves the rest of the page as it was", () => {
    const accented = '.note::before{content:"Atención 🙂"}';
    const text = `<!DOCTYPE html><html lang="es"><header></header><head data-x="a"><title>Ñandú</title><style media="all">${accented}</style><style>${siteCss}</style></head><body><p>Sí, señora</p></body></html>`;
    const built = withCspMeta(text);
    expect(policyOf(built)).toContain(`style-src 'self' ${sha(accented)} ${sha(siteCss)}`);
    expect(built.replace(/<meta http-equiv="content-security-policy"[^>]*>/, "")).toBe(text);
  });

  test("a <style> left open in the head is not hashed, and the policy still comes before it", () => {
    const open = "<html><head><title>T</title><style>a{}</head><body></body></html>";
    const built = withCspMeta(open);
    expect(policyOf(built)).toMatch(/style-src 'self'$/);
    expect(built).toMatch(/<title>T<\/title><meta http-equiv="content-security-policy"[^>]*><style>/);
  });
});
