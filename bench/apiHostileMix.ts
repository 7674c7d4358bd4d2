import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { generateOrganisation } from "./generateOrganisation.js";

/** One kind of hostile request the mix sends once a second, in turn. */
export interface HostileRequest {
  label: string;
  path: string;
  contentType: string;
  body: string;
}

/**
 * The hostile requests of issue 11, each inside the default limits (1 MiB body, 2,000
 * VPCs): a maximal diagram (500 VPCs with workloads and endpoint services, ~930 KB), a
 * YAML anchor of 1,000 endpoints reused by 99 aliases (~30 KB that expand to ~100,000
 * nodes), and 100,000 nested lists in a what-if policy.
 */
export function hostileRequests(): HostileRequest[] {
  const organisation = JSON.stringify(
    generateOrganisation({
      vpcs: 500,
      endpointsPerVpc: 15,
      azs: 3,
      workloadUses: 3,
      providerEvery: 10,
    }),
  );
  const anchored = Array.from(
    { length: 1_000 },
    (_, i) => `{id: e${i}, type: gateway, service: s3}`,
  ).join(", ");
  const aliases = Array.from({ length: 99 }, () => "*x").join(", ");
  const aliasBody = `name: alias\nshared: &x {id: v, region: us-east-1, azs: [us-east-1a], endpoints: [${anchored}]}\naccounts:\n  - id: a\n    vpcs: [${aliases}]\n`;
  const depth = 100_000;
  const deep = `{"topology":{"name":"deep","accounts":[{"id":"a","vpcs":[{"id":"v","region":"us-east-1","azs":["us-east-1a"],"endpoints":[{"id":"e","type":"gateway","service":"s3","policy":{"Statement":${"[".repeat(depth)}${"]".repeat(depth)}}}]}]}]},"transform":{"kind":"consolidateAzs","azs":1}}`;
  return [
    {
      label: "diagram of 500 VPCs (svg, detail azs, costs)",
      path: "/v1/diagram?format=svg&detail=azs&costs=true",
      contentType: "application/json",
      body: organisation,
    },
    {
      label: "YAML anchor of 1,000 endpoints reused by 99 aliases",
      path: "/v1/validate",
      contentType: "application/yaml",
      body: aliasBody,
    },
    {
      label: "100,000 nested lists in a what-if policy",
      path: "/v1/whatif",
      contentType: "application/json",
      body: deep,
    },
  ];
}

export interface HostileOutcome {
  sent: number;
  /** answers by status ("error" when the connection failed) */
  statuses: Record<string, number>;
  /** slowest hostile answer, ms */
  maxMs: number;
}

/**
 * Send one hostile request per second (in turn) to `origin` until `signal` aborts; resolves
 * when every one sent has been answered.
 */
export async function sendHostileEverySecond(
  origin: string,
  requests: readonly HostileRequest[],
  signal: AbortSignal,
): Promise<HostileOutcome> {
  const statuses: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  let maxMs = 0;
  let sent = 0;
  while (!signal.aborted) {
    const request = requests[sent % requests.length];
    if (!request) break;
    sent++;
    const started = performance.now();
    pending.push(
      fetch(`${origin}${request.path}`, {
        method: "POST",
        headers: { "content-type": request.contentType },
        body: request.body,
      })
        .then(async (res) => {
          await res.arrayBuffer();
          return String(res.status);
        })
        .catch(() => "error")
        .then((status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          maxMs = Math.max(maxMs, performance.now() - started);
        }),
    );
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, 1_000);
      signal.addEventListener("abort", done);
    });
  }
  await Promise.all(pending);
  return { sent, statuses, maxMs };
}

/** The tsx CLI (the benchmarks run from TypeScript source). */
const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

/**
 * Run apiHostileSender in a child process against `origin` for `seconds`: the hostile
 * client does not share the measured server's event loop.
 */
export function sendHostileFromChild(origin: string, seconds: number): Promise<HostileOutcome> {
  const script = new URL("./apiHostileSender.ts", import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSX_CLI, script, origin, String(seconds)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`hostile sender failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as HostileOutcome);
      },
    );
  });
}
