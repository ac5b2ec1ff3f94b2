/**
 * Serves a built site with `astro preview` on a free local port. `--ignore-lock` lets it run
 * beside a preview someone else already has open in this checkout (Astro otherwise refuses, or
 * moves the server to the background when it thinks an agent runs it) and leaves their lock file alone.
 */
import { spawn } from "node:child_process";
import { ASTRO, childEnv, freePort, onCleanup } from "./processes.ts";

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** Serves `outDir`, built from the project at `root`; resolves once it answers. */
export async function startPreview(root: string, outDir: string): Promise<Preview> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [ASTRO, "preview", "--host", "127.0.0.1", "--port", String(port), "--outDir", outDir, "--ignore-lock"];
  const child = spawn(process.execPath, args, { cwd: root, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    forget();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killTimer);
  };
  const forget = onCleanup(stop);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited before serving:\n${output.trim()}`);
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`astro preview did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output.trim()}`);
}
