/**
 * The one static server of the scripts and tests: a built site served by `astro preview` on a
 * free local port (the benchmark, the search checks, the search UI comparison), and the wait
 * until a server started by a script answers. `--ignore-lock` lets a preview run beside one
 * someone else already has open in this checkout (Astro otherwise refuses, or moves the server
 * to the background when it thinks an agent runs it) and leaves their lock file alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
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
  const stop = () => stopProcess(child).finally(forget);
  const forget = onCleanup(stop);
  try {
    await waitUntilAnswering(url, child, START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw new Error(`astro preview: ${(error as Error).message}\n${output.trim()}`);
  }
  return { url, stop };
}

/** Resolves once `url` answers 200; rejects when `child` exits first or after `timeoutMs`. */
export async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited (code ${child.exitCode}) before serving ${url}`);
    try {
      if ((await fetch(`${url}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(killTimer);
}
