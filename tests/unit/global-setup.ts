/** Syncs content once before the unit tests, so `astro:content` queries see the real collections. */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "sync"], { stdio: "pipe" });
}
