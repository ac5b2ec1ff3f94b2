/**
 * Every external source link keeps working: the addresses come from the content (sources[].url,
 * glossary source.url), and linkinator's verdicts are sorted into dead links and links to check
 * by hand. The proof that a dead link is reported runs against a small HTTP server on 127.0.0.1
 * that this test starts and stops; nothing leaves the machine.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkSourceLinks, sourceLinks, sourceLinksIssueBody, verdictOf } from "../../src/lib/source-links";

describe("sourceLinks", () => {
  test("collects each post's sources[].url and each glossary entry's source.url, once per address", () => {
    const links = sourceLinks("tests/fixtures/content");
    const gov = links.find((link) => link.url === "https://www.cancer.gov/");
    expect(gov?.citedBy).toEqual([
      {
        file: "tests/fixtures/content/articles/good-article.mdx",
        title: "A correct test article",
        field: "sources[0].url",
      },
    ]);
    expect(links.find((link) => link.url === "https://www.cancer.org/two")?.citedBy[0]).toMatchObject({
      file: "tests/fixtures/content/guides/good-guide.mdx",
      field: "sources[1].url",
    });
    expect(
      links.find((link) => link.url === "https://www.cancer.gov/publications/dictionaries/cancer-terms/def/46244")
        ?.citedBy,
    ).toEqual([
      { file: "tests/fixtures/content/glossary/pathologist.yaml", title: "Pathologist", field: "source.url" },
    ]);
    expect(new Set(links.map((link) => link.url)).size).toBe(links.length);
  });
});

describe("verdicts", () => {
  test("gone pages and unreachable sites are dead; blocked and failing sites are for a person to try", () => {
    expect(verdictOf(200).verdict).toBe("ok");
    expect(verdictOf(301).verdict).toBe("ok");
    expect(verdictOf(404).verdict).toBe("dead");
    expect(verdictOf(410).verdict).toBe("dead");
    expect(verdictOf(0).verdict).toBe("dead");
    expect(verdictOf(400).verdict).toBe("dead");
    for (const status of [401, 403, 429, 999, 500, 503])
      expect(verdictOf(status).verdict, String(status)).toBe("unsure");
  });
});

describe("against a fixture server on 127.0.0.1", () => {
  let server: Server;
  let origin: string;
  let content: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.url === "/ok") response.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>");
      else if (request.url === "/forbidden") response.writeHead(403).end();
      else response.writeHead(404).end("not here");
    });
    // Bounded: keep-alive sockets close quickly, and the server stops after the tests.
    server.keepAliveTimeout = 500;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // The good fixture site, with its sources pointing at the fixture server.
    content = mkdtempSync(join(tmpdir(), "source-links-"));
    cpSync("tests/fixtures/content", content, { recursive: true });
    const guide = join(content, "guides/good-guide.mdx");
    writeFileSync(
      guide,
      readFileSync(guide, "utf8")
        .replace("https://www.cancer.gov/one", `${origin}/ok`)
        .replace("https://www.cancer.org/two", `${origin}/gone`)
        .replace("https://www.cancer.net/three", `${origin}/forbidden`),
    );
    const article = join(content, "articles/good-article.mdx");
    writeFileSync(article, readFileSync(article, "utf8").replace("https://www.cancer.gov/", `${origin}/ok`));
    const term = join(content, "glossary/pathologist.yaml");
    writeFileSync(term, readFileSync(term, "utf8").replace(/url: .*/, `url: ${origin}/gone`));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(content, { recursive: true, force: true });
  });

  test("linkinator finds the dead link and the blocked one, and each address is asked once", async () => {
    const checked = await checkSourceLinks(sourceLinks(content), { timeout: 5_000, retry: false });
    const byPath = Object.fromEntries(checked.map((link) => [new URL(link.url).pathname, [link.verdict, link.status]]));
    expect(byPath).toEqual({ "/ok": ["ok", 200], "/gone": ["dead", 404], "/forbidden": ["unsure", 403] });
    const gone = checked.find((link) => link.url.endsWith("/gone"))!;
    expect(gone.citedBy.map((citation) => citation.field)).toEqual(["sources[1].url", "source.url"]);
    expect(requests.filter((request) => request.endsWith(" /ok"))).toHaveLength(1);
  });

  test("`npm run source-links` reports the dead link with the files that cite it and exits 1", async () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        // Asynchronous: the fixture server in this process must keep answering while it runs.
        const child = spawn(
          process.execPath,
          ["scripts/source-links.ts", "--content", content, "--timeout", "5000", "--no-retry", ...args],
          {
            env: { ...process.env, ...env },
            timeout: 30_000,
          },
        );
        let stdout = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.on("close", (code) => resolve({ code, stdout }));
      });

    const text = await run([]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("3 source addresses: 1 dead, 1 to check by hand");
    expect(text.stdout).toMatch(
      new RegExp(
        `Dead:\\n  ${origin}/gone\\n    404: the page is not there any more\\n    cited by [^\\n]*guides/good-guide\\.mdx \\(sources\\[1\\]\\.url\\)\\n    cited by [^\\n]*glossary/pathologist\\.yaml \\(source\\.url\\)`,
      ),
    );

    const output = join(content, "github-output");
    const issue = await run(["--format", "issue", "--link-base", "https://github.com/o/r/blob/main/"], {
      GITHUB_OUTPUT: output,
    });
    expect(issue.code).toBe(0);
    expect(issue.stdout).toContain("## Dead links");
    expect(issue.stdout).toContain(
      `- [${origin}/gone](${origin}/gone): 404: the page is not there any more. Cited by:`,
    );
    expect(issue.stdout).toContain("## To check by hand");
    expect(readFileSync(output, "utf8")).toBe("dead=1\nunsure=1\nchecked=3\n");
  }, 60_000);
});

describe("the dead-links issue body", () => {
  test("no dead links: only the count line", () => {
    const body = sourceLinksIssueBody(
      [{ url: "https://www.cancer.gov/", citedBy: [], verdict: "ok", status: 200, reason: "200" }],
      { now: new Date("2027-01-04T00:00:00Z") },
    );
    expect(body).toBe(
      "Checked 2027-01-04 by the weekly source-link workflow: 1 source address, 0 dead, 0 to check by hand. This issue is updated every week and closed when no link is dead; edits to it are overwritten.\n",
    );
  });
});
