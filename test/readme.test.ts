import { execFile } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeProcess, spawnServe, stopServe } from "./helpers/apiServe.js";
import { cliEntry } from "./helpers/cliEntry.js";
import { bundledRegionServices, type Ec2Server, startEc2Server } from "./helpers/ec2Server.js";
import { PRICE_LIST_PRODUCTS } from "./helpers/priceListFixture.js";
import { type PriceListServer, startPriceListServer } from "./helpers/priceListServer.js";
import { matchesShown, readmeExamples, withOutputs } from "./helpers/readmeBlocks.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");
/** What the README's API examples call, and the AWS stand-ins its refresh example names. */
const API_ORIGIN = "localhost:3000";
const PRICE_LIST_URL = "http://127.0.0.1:38603";
const EC2_URL = "http://127.0.0.1:38604";
/** 2026-11-26, the day the README's refresh example shows (the CLI honours SOURCE_DATE_EPOCH). */
const README_DAY = "1795651200";

let scratch: string;
let serve: ServeProcess | undefined;
let priceList: PriceListServer | undefined;
let ec2: Ec2Server | undefined;

/**
 * A scratch directory like a user's: `examples/` beside whatever the commands write, and on
 * PATH a `linkplan` (this checkout's CLI) and an `npm` that stands in for the README's npm
 * commands — `install` and `install-test` are what CI itself does before running this
 * suite, `run demo` is `linkplan demo`.
 */
function makeScratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "linkplan-readme-"));
  symlinkSync(join(ROOT, "examples"), join(dir, "examples"));
  const bin = join(dir, ".bin");
  mkdirSync(bin);
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const cli = cliEntry()
    .map((arg) => `"${arg}"`)
    .join(" ");
  script("linkplan", `exec "${process.execPath}" ${cli} "$@"`);
  script(
    "npm",
    [
      'case "$*" in',
      "  install|install-test) exit 0 ;;",
      '  "run demo") exec linkplan demo ;;',
      '  *) echo "README test: npm $* is not stood in for" >&2; exit 1 ;;',
      "esac",
    ].join("\n"),
  );
  return dir;
}

function run(script: string): Promise<{ output: string; code: number }> {
  const env: Record<string, string> = {
    PATH: `${join(scratch, ".bin")}:${process.env.PATH ?? ""}`,
    HOME: scratch,
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    SOURCE_DATE_EPOCH: README_DAY,
    // the refresh example signs its requests to the stand-in with made-up keys
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_CONFIG_FILE: join(scratch, "none"),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, "none"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
  let text = script;
  if (serve) text = text.replaceAll(API_ORIGIN, `127.0.0.1:${serve.port}`);
  if (priceList) text = text.replaceAll(PRICE_LIST_URL, priceList.url);
  if (ec2) text = text.replaceAll(EC2_URL, ec2.url);
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", `exec 2>&1\n${text}`],
      { cwd: scratch, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ output: stdout, code });
      },
    );
  });
}

const examples = readmeExamples(README);

beforeAll(async () => {
  scratch = makeScratch();
  if (examples.some((e) => e.script.includes(API_ORIGIN))) serve = await spawnServe(["--no-log"]);
  if (examples.some((e) => e.script.includes(PRICE_LIST_URL))) {
    priceList = await startPriceListServer({
      products: PRICE_LIST_PRODUCTS,
      pageSize: 3,
      throttle: [2],
    });
  }
  if (examples.some((e) => e.script.includes(EC2_URL))) {
    ec2 = await startEc2Server({
      services: {
        "us-east-1": bundledRegionServices("us-east-1"),
        "eu-west-2": bundledRegionServices("eu-west-2"),
      },
      pageSize: 200,
    });
  }
}, 60_000);

/** Outputs to write into the README under UPDATE_GOLDEN=1 (blocks without `…` only). */
const updates: { lines: [number, number]; output: string }[] = [];

afterAll(async () => {
  if (process.env.UPDATE_GOLDEN && updates.length > 0)
    writeFileSync(join(ROOT, "README.md"), withOutputs(README, updates));
  await stopServe(serve);
  await priceList?.close();
  await ec2?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("every ```sh block of the README prints what the README shows", () => {
  it("has runnable examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  // in README order: later blocks may read what earlier ones wrote (prices.json, hub.yaml)
  for (const example of examples) {
    const title = `README.md:${example.line}: ${example.script.split("\n")[0]}`;
    it(title, async () => {
      const { output, code } = await run(example.script);
      if (example.expected === null) {
        expect(code, output).toBe(0);
        return;
      }
      if (!matchesShown(output, example.expected)) {
        const lines = example.expectedLines;
        if (process.env.UPDATE_GOLDEN && lines && !example.expected.includes("…")) {
          updates.push({ lines, output });
          return;
        }
        // the whole output, so the README can be corrected from the failure
        expect(output.replace(/\n+$/, "")).toBe(example.expected);
      }
    }, 120_000);
  }
});
