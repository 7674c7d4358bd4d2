/**
 * Start-up: the CPU time (user + system) of a whole `node` process that runs the CLI or
 * imports the library, against `node -e 0` measured in the same rounds, so that the
 * ratios hold when the machine's speed drifts. Measures the built package (dist/), as a
 * user runs it: builds it first when it is missing or older than src/.
 *
 * Each process reports its own `process.resourceUsage()` at exit (bench/startupUsage.cjs,
 * preloaded into every command, the baseline included). Rounds run the commands in turn;
 * a command's figure is its median over the rounds, and its ratio the median of its
 * per-round ratios to the baseline.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime } from "../scripts/newestMtime.js";
import { median, ms, table, verdict } from "./measure.js";

/** Targets from issue 12 (CPU time as a multiple of `node -e 0`'s). */
export const STARTUP_TARGETS = { estimate: 4, import: 2.5 } as const;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = fileURLToPath(new URL("./startupUsage.cjs", import.meta.url));
const WARM_UPS = 2;
const ROUNDS = 15;

interface Subject {
  name: string;
  label: string;
  args: string[];
  target?: number;
}

const SUBJECTS: Subject[] = [
  { name: "baseline", label: "node -e 0", args: ["-e", "0"] },
  { name: "help", label: "linkplan --help", args: ["bin/linkplan.js", "--help"] },
  {
    name: "estimate",
    label: "linkplan estimate examples/endpoints-module.yaml",
    args: ["bin/linkplan.js", "estimate", "examples/endpoints-module.yaml"],
    target: STARTUP_TARGETS.estimate,
  },
  {
    // from the package root, "linkplan" resolves to the package itself (its exports)
    name: "import",
    label: `node -e "await import('linkplan')"`,
    args: ["--input-type=module", "-e", "await import('linkplan')"],
    target: STARTUP_TARGETS.import,
  },
];

/** Build dist/ when it is missing or older than the sources. */
function ensureBuilt(): void {
  const built = [join(ROOT, "dist", "cli.js"), join(ROOT, "dist", "index.js")];
  const fresh =
    built.every((file) => existsSync(file)) &&
    Math.min(...built.map((file) => statSync(file).mtimeMs)) >= newestMtime(join(ROOT, "src"));
  if (fresh) return;
  console.log("  dist/ is missing or older than src/: npm run build");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

/** One run: the process's CPU milliseconds (user + system), reported at its exit. */
function cpuMs(subject: Subject): number {
  const run = spawnSync(process.execPath, ["--require", USAGE, ...subject.args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const report = String(run.output[3] ?? "").trim();
  const [user, system] = report.split(" ").map(Number);
  if (run.status !== 0 || user === undefined || system === undefined || Number.isNaN(system)) {
    throw new Error(`${subject.label} failed (exit ${run.status}): ${run.stderr}`);
  }
  return (user + system) / 1000;
}

export function runStartupBench(): void {
  console.log(
    `start-up: CPU time (user + system) of a whole node process, median of ${ROUNDS} rounds after ${WARM_UPS} warm-ups, against node -e 0 in the same rounds`,
  );
  ensureBuilt();
  for (let i = 0; i < WARM_UPS; i++) for (const subject of SUBJECTS) cpuMs(subject);
  const runs = new Map<string, number[]>(SUBJECTS.map((s) => [s.name, []]));
  const ratios = new Map<string, number[]>(SUBJECTS.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const times = SUBJECTS.map((subject) => cpuMs(subject));
    const base = times[0] as number;
    SUBJECTS.forEach((subject, i) => {
      runs.get(subject.name)?.push(times[i] as number);
      ratios.get(subject.name)?.push((times[i] as number) / base);
    });
  }
  const rows = [["command", "CPU ms", "× node -e 0", "target", ""]];
  for (const subject of SUBJECTS) {
    const ratio = median(ratios.get(subject.name) ?? []);
    rows.push([
      subject.label,
      ms(median(runs.get(subject.name) ?? [])),
      subject.name === "baseline" ? "1.00" : ratio.toFixed(2),
      subject.target ? `≤ ${subject.target}` : "",
      subject.target ? verdict(ratio <= subject.target) : "",
    ]);
  }
  console.log(table(rows));
}
