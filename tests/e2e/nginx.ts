/**
 * Runs real nginx with the project's deploy/nginx.conf against dist/, on a loopback port, for
 * the deploy tests. Only paths are rewritten (port, web root, temp files); every header,
 * cache rule and redirect is the file as shipped.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const NGINX_HELP =
  "nginx is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y nginx; macOS: brew install nginx); .ci/run does this on CI.";

function findNginx(): string | undefined {
  for (const candidate of [
    "/usr/sbin/nginx",
    "/usr/local/sbin/nginx",
    "/opt/homebrew/bin/nginx",
    "/usr/local/bin/nginx",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** nginx's own mime.types, found next to its default configuration. */
function mimeTypes(nginx: string): string {
  const version = execFileSync(nginx, ["-V"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).toString();
  const output = version || execFileSync("sh", ["-c", `${nginx} -V 2>&1`], { encoding: "utf8" });
  const confPath = /--conf-path=(\S+)/.exec(output)?.[1] ?? "/etc/nginx/nginx.conf";
  return join(dirname(confPath), "mime.types");
}

export interface RunningNginx {
  url: string;
  stop(): void;
}

export async function startNginx(port: number, dist = "dist"): Promise<RunningNginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_HELP);
  const root = resolve(dist);
  const dir = mkdtempSync(join(tmpdir(), "nginx-"));
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, temp));
  const server = readFileSync("deploy/nginx.conf", "utf8")
    .replace(/^\s*listen \[::\]:80;\n/m, "")
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replaceAll("/var/www/patient-guides", root);
  const mime = mimeTypes(nginx);
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;
${process.getuid?.() === 0 ? "user root;" : ""}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 64; }
http {
  include ${existsSync(mime) ? mime : join(dir, "mime.types")};
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${server}
}
`,
  );
  const child: ChildProcess = spawn(nginx, ["-c", join(dir, "nginx.conf"), "-p", dir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return {
        url,
        stop: () => {
          child.kill("SIGQUIT");
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  child.kill();
  const log = existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "";
  throw new Error(`nginx did not start: ${stderr}${log}`);
}
