/**
 * A throwaway copy of the project (code and chosen content; node_modules linked, not copied), so
 * a test can build or serve other content without touching this checkout's dist/ or .astro/.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(import.meta.dirname, "../..");
const ASTRO = join(REPO, "node_modules/astro/bin/astro.mjs");

export interface IsolatedSite {
  dir: string;
  content: string;
  /** Runs a command of this project (e.g. ["astro", "build"]); returns exit code and all output. */
  run(args: string[], env?: Record<string, string>): { code: number; output: string };
  remove(): void;
}

/**
 * The environment for a child Astro process: this one's, minus what would change its behaviour.
 * Vitest sets NODE_ENV=test and Vite's MODE/DEV/PROD/SSR, which would make `astro build` act
 * like dev (drafts shown, images unoptimized).
 */
const LEAKED = /^(NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|TEST|VITEST.*|CONTENT_DIR|ASTRO_CACHE_DIR)$/;
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: "1" };
  for (const [name, value] of Object.entries(process.env)) if (!LEAKED.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** A project copy whose content/ starts as `contentFrom` (a folder of this repo). */
export function isolatedSite(contentFrom = "tests/fixtures/content"): IsolatedSite {
  const dir = mkdtempSync(join(tmpdir(), "site-"));
  for (const part of ["src", "public", "scripts", "astro.config.ts", "tsconfig.json", "package.json"]) {
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
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  child.kill();
  throw new Error("astro dev did not start within 60 s");
}
