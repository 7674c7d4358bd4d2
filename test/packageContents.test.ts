import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { setPriority, tmpdir } from "node:os";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTERNAL } from "../scripts/build.js";
import { type ServeProcess, spawnServe, stopServe } from "./helpers/apiServe.js";

/**
 * The package as npm would publish it: `npm pack` of the built dist/ (npm install builds it;
 * otherwise run `npm run build` first). Nothing is written into the repository: the
 * tarball and the consumer project live in a temporary folder.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
};

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

let files: string[] = [];
let shipped: Set<string>;
let temp: string;
let tarball: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "index.js")) || !existsSync(join(ROOT, "dist", "types"))) {
    throw new Error("dist/ is not built: run `npm run build` (npm install runs it)");
  }
  temp = mkdtempSync(join(tmpdir(), "linkplan-pack-"));
  // what `npm publish` would send (the --json report lists the files, as --dry-run's does)
  const out = execFileSync(
    npm,
    ["pack", "--json", "--ignore-scripts", "--pack-destination", temp],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  const [report] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  files = report.files.map((f) => f.path).sort();
  shipped = new Set(files);
  tarball = join(temp, report.filename);
}, 60_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Bare and relative specifiers of a built file's static imports and re-exports. */
function staticImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)";?$/gm)) {
    found.push(match[1] as string);
  }
  for (const match of text.matchAll(/^import\s*"([^"]+)";?$/gm)) found.push(match[1] as string);
  return found;
}

function dynamicImports(text: string): string[] {
  return [...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string);
}

/**
 * Run a command to its end at the lowest CPU priority (nice 19): ~15 s of tsc, mostly on
 * zod's declarations, must not starve the timing-sensitive tests running beside it.
 */
function lowPriority(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    try {
      if (child.pid !== undefined) setPriority(child.pid, 19);
    } catch {
      // not allowed here: run at the normal priority
    }
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const isBuiltin = (s: string) => s.startsWith("node:") || builtinModules.includes(s);
const packageOf = (s: string) =>
  s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] as string);

describe("the published files", () => {
  it("are the license, readme, dist/, bin/, examples/, the fonts and the schema, and nothing else", () => {
    for (const required of [
      "LICENSE",
      "README.md",
      "package.json",
      "linkplan.schema.json",
      "bin/linkplan.js",
      "dist/index.js",
      "dist/cli.js",
      "dist/api.js",
      "dist/price-list.js",
      "dist/operationWorker.js",
      "dist/THIRD_PARTY_LICENSES.txt",
      "dist/types/index.d.ts",
      "dist/playground/index.html",
      "dist/playground/THIRD_PARTY_LICENSES.txt",
      "examples/endpoints-module.yaml",
      "examples/terraform/endpoints-module/main.tf",
      "assets/fonts/DejaVuSans.ttf",
      "assets/fonts/DejaVuSans-Bold.ttf",
      "assets/fonts/DejaVuSans-Subset.ttf",
      "assets/fonts/DejaVuSans-Bold-Subset.ttf",
      "assets/fonts/LICENSE-DejaVu.txt",
    ]) {
      expect(files, required).toContain(required);
    }
    // dist/playground/: the web page `linkplan serve` shows at / (index.html, hashed assets)
    const allowed =
      /^(LICENSE|README\.md|package\.json|linkplan\.schema\.json|bin\/[^/]+\.js|examples\/[^/]+\.yaml|examples\/terraform\/.+\.(tf|yml)|dist\/.+\.(js|d\.ts)|dist\/THIRD_PARTY_LICENSES\.txt|dist\/playground\/(index\.html|THIRD_PARTY_LICENSES\.txt|assets\/[\w-]+\.(js|css))|assets\/fonts\/[^/]+\.(ttf|txt))$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(
      files.filter((f) => f.startsWith("dist/playground/assets/") && f.endsWith(".js")).length,
    ).toBeGreaterThan(0);
    expect(
      files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f.endsWith(".map")),
    ).toEqual([]);
  });

  it("include every file package.json points at (main, types, bin, exports)", () => {
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin)];
    for (const entry of Object.values(pkg.exports)) {
      targets.push(...(typeof entry === "string" ? [entry] : Object.values(entry)));
    }
    for (const target of targets) expect(shipped, target).toContain(posix.normalize(target));
  });

  it("have no source map comment that points at a file not shipped", () => {
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const match of text.matchAll(/^\/\/# sourceMappingURL=(.+)$/gm)) {
        const url = match[1] as string;
        if (url.startsWith("data:")) continue; // inline map: its sources are embedded
        const map = posix.join(posix.dirname(file), url);
        expect(shipped, `${file} → ${map}`).toContain(map);
        const { sources = [], sourcesContent } = JSON.parse(
          readFileSync(join(ROOT, map), "utf8"),
        ) as { sources?: string[]; sourcesContent?: unknown[] };
        if (sourcesContent) continue;
        for (const source of sources) {
          expect(shipped, `${map} → ${source}`).toContain(posix.join(posix.dirname(map), source));
        }
      }
    }
  });

  it("import only shipped files, Node's modules and the package's dependencies", () => {
    for (const file of files.filter((f) => f.startsWith("dist/") && f.endsWith(".js"))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const spec of [...staticImports(text), ...dynamicImports(text)]) {
        if (spec.startsWith(".")) {
          expect(shipped, `${file} → ${spec}`).toContain(posix.join(posix.dirname(file), spec));
        } else if (!isBuiltin(spec)) {
          expect(Object.keys(pkg.dependencies), `${file} → ${spec}`).toContain(packageOf(spec));
        }
      }
    }
  });

  it("start the library and the CLI without the server, the AWS SDK or piscina", () => {
    for (const entry of ["dist/index.js", "dist/cli.js"]) {
      const seen = new Set<string>();
      const queue = [entry];
      const packages = new Set<string>();
      while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of staticImports(readFileSync(join(ROOT, file), "utf8"))) {
          if (spec.startsWith(".")) queue.push(posix.join(posix.dirname(file), spec));
          else if (!isBuiltin(spec)) packages.add(packageOf(spec));
        }
      }
      expect([...packages], entry).toEqual([]);
    }
  });
});

describe("a TypeScript consumer without @types/node", () => {
  it('type-checks `import { estimate, LinkplanError } from "linkplan"` (skipLibCheck false)', async () => {
    const consumer = join(temp, "consumer");
    const installed = join(consumer, "node_modules", pkg.name);
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    // the dependencies whose types the library's declarations may use: all but the server's
    // and the SDK's (copied, not linked, so nothing resolves through the repository's
    // node_modules, where @types/node is)
    const typeDeps = Object.keys(pkg.dependencies).filter((d) => !EXTERNAL.includes(d));
    for (const dep of typeDeps) {
      cpSync(join(ROOT, "node_modules", dep), join(consumer, "node_modules", dep), {
        recursive: true,
        dereference: true,
      });
    }
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          types: [],
          skipLibCheck: false,
          noEmit: true,
        },
        files: ["main.ts"],
      }),
    );
    writeFileSync(
      join(consumer, "main.ts"),
      [
        'import { bundledCatalog, estimate, LinkplanError, parseDocument, parseTopology } from "linkplan";',
        "",
        "export function monthly(yaml: string): string {",
        "  try {",
        "    const topology = parseTopology(parseDocument(yaml));",
        "    return String(estimate(topology, bundledCatalog()).totals.monthly);",
        "  } catch (error) {",
        "    if (error instanceof LinkplanError) return error.code;",
        "    throw error;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const { code, output } = await lowPriority(process.execPath, [tsc, "-p", consumer], consumer);
    expect(output).toBe("");
    expect(code).toBe(0);
  }, 120_000);
});

describe("the built server", () => {
  let serve: ServeProcess | undefined;
  afterAll(async () => {
    await stopServe(serve);
  });

  it("runs pooled work in dist/operationWorker.js (piscina), serves examples/ and the playground", async () => {
    serve = await spawnServe(["--no-log", "--workers", "1", "--inline-below", "0"], 20_000, "dist");
    const yaml = readFileSync(join(ROOT, "examples", "endpoints-module.yaml"), "utf8");
    const res = await fetch(`${serve.origin}/v1/estimate`, {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: yaml,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { totals: unknown }).totals).toEqual({
      hourly: "0.39",
      monthly: "284.70",
    });
    const examples = (await (await fetch(`${serve.origin}/v1/examples`)).json()) as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    // the playground, from dist/playground/, with the script its page names
    const page = await fetch(`${serve.origin}/`);
    expect(page.status).toBe(200);
    const script = /src="\.\/(assets\/[\w-]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${serve.origin}/${script}`)).status).toBe(200);
    // a PNG: resvg (external, native) loaded in the worker, the fonts found from dist/
    const png = await fetch(`${serve.origin}/v1/diagram?format=png`, {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: yaml,
    });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  }, 60_000);
});
