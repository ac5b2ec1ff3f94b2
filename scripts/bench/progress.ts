/** Progress lines go to stderr, so `npm run bench > report.txt` keeps only the report. */
export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}
