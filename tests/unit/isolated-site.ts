/**
 * A throwaway copy of the project (code and chosen content; node_modules linked, not copied), so
 * a test can build or serve other content without touching this checkout's dist/ or .astro/.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stopProcess, waitUntilAnswering } from "../../scripts/lib/preview.ts";
import { ASTRO, REPO, childEnv } from "../../scripts/lib/processes.ts";

export interface IsolatedSite {
  dir: string;
  content: string;
  /** Runs a command of this project (e.g. ["astro", "build"]); returns exit code and all output. */
  run(args: string[], env?: Record<string, string>): { code: number; output: string };
  /** What `npm run build` runs (scripts/build.ts): `astro build`, then the search index if that built. */
  build(env?: Record<string, string>): { code: number; output: string };
  remove(): void;
}

/** A project copy whose content/ starts as `contentFrom` (a folder of this repo). */
export function isolatedSite(contentFrom = "tests/fixtures/content"): IsolatedSite {
  const dir = mkdtempSync(join(tmpdir(), "site-"));
  for (const part of ["src", "public", "scripts", "astro.config.mjs", "tsconfig.json", "package.json"]) {
    cpSync(join(REPO, part), join(dir, part), { recursive: true });
  }
  cpSync(join(REPO, contentFrom), join(dir, "content"), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    content: join(dir, "content"),
    run(args, extra) {
      const [command, ...rest] = args;
      const bin = command === "astro" ? [ASTRO, ...rest] : [join(dir, "scripts", `${command}.ts`), ...rest];
      const result = spawnSync(process.execPath, bin, {
        cwd: dir,
        env: childEnv(extra),
        encoding: "utf8",
        timeout: 120_000,
      });
      return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
    },
    build(extra) {
      return this.run(["build"], extra);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Starts `astro dev` in an isolated site; resolves with its URL once it answers. */
export async function startDev(site: IsolatedSite, port: number): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [ASTRO, "dev", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: site.dir,
    env: childEnv(),
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, 60_000);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`astro dev ${(error as Error).message}`);
  }
  return { url, stop: () => child.kill() };
}
