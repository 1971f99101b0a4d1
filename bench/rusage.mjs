// Preloaded into a process we time (`--import ./bench/rusage.mjs`; plain JavaScript, so no TypeScript loader is timed with it): when it exits, writes its own peak
// resident set and CPU time to the file named by BENCH_RUSAGE_FILE, so the figures are the kernel's for
// exactly that process (no sampling, no /usr/bin/time needed).
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRss: u.maxRSS * 1024,
        userMs: u.userCPUTime / 1000,
        systemMs: u.systemCPUTime / 1000,
      }),
    );
  });
}
