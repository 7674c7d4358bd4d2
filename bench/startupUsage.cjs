// Preloaded (node --require) into each process that bench/startupBench.ts times: at exit it
// writes the process's CPU time (user and system, microseconds) to file descriptor 3.
const { writeSync } = require("node:fs");

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeSync(3, `${usage.userCPUTime} ${usage.systemCPUTime}\n`);
});
