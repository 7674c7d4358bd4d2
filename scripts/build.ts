/**
 * `npm run build`: dist/ as it ships.
 *
 * - esbuild bundles the entries below (ESM, Node 20, code splitting: the entries share
 *   chunks in dist/chunks/, so `linkplan`, `linkplan/api` and the CLI use one LinkplanError
 *   class and one copy of each module). Pure dependencies (zod, yaml, commander,
 *   d3-hierarchy, …) are inlined: one file to load instead of hundreds is most of the CLI's
 *   and the library's start-up (see bench/startupBench.ts). The server and the AWS SDK stay
 *   packages of their own (EXTERNAL), imported only by `linkplan/api`, `linkplan/price-list`
 *   and the CLI commands that need them (serve, openapi, prices refresh), lazily.
 * - tsc writes the declarations (dist/types/), no JavaScript.
 * - No source maps: the bundle is not minified (names, code and comments as written, so a
 *   stack trace reads as the source does), and maps would point into src/, which is not
 *   shipped.
 * - dist/THIRD_PARTY_LICENSES.txt: the license of every package inlined into the bundle.
 * - dist/playground/: the web page `linkplan serve` shows at / (playground/, built by Vite:
 *   index.html, hashed assets, minified — it is downloaded, not read in a stack trace — and
 *   its own THIRD_PARTY_LICENSES.txt).
 *
 * The output depends only on the sources and the locked dependencies (no dates, no
 * absolute paths), so two builds of one commit are byte-identical.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { builtinModules, createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");

/** Where the playground's page is built (served by src/api/playgroundRoutes.ts). */
export const PLAYGROUND_OUT = join(DIST, "playground");

/** dist/<name>.js ← source; package.json's exports and bin point at these names. */
export const ENTRIES = {
  index: "src/index.ts",
  api: "src/api/index.ts",
  "price-list": "src/pricing/sources/index.ts",
  cli: "src/cli/main.ts",
  // piscina loads it by file name (src/api/workPool.ts)
  operationWorker: "src/api/operationWorker.ts",
};

/**
 * Left as imports of installed packages: the HTTP server and the AWS SDK (large, with
 * their own native-ish plumbing and lifecycles) and resvg (a native module), loaded only
 * where used.
 */
export const EXTERNAL = [
  "@cdktn/hcl2json",
  "fastify",
  "@fastify/cors",
  "@fastify/static",
  "@fastify/swagger",
  "@fastify/swagger-ui",
  "@aws-sdk/client-pricing",
  "@aws-sdk/client-ec2",
  "piscina",
  // a native module (prebuilt per platform): loaded on the first PNG only
  "@resvg/resvg-js",
];

/** Entries that must not load EXTERNAL packages when imported (only lazily, if at all). */
const LIGHT_ENTRIES = ["index", "cli"];

// esbuild turns a bundled CommonJS module's require("process") into a call of `require`,
// which an ES module does not have: give each output file one
const BANNER =
  'import { createRequire as __linkplanCreateRequire } from "node:module";\nconst require = __linkplanCreateRequire(import.meta.url);';

async function bundle(): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: "dist",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    banner: { js: BANNER },
    legalComments: "none",
    sourcemap: false,
    metafile: true,
    logLevel: "warning",
  });
  return result.metafile;
}

/** Fails the build when an entry meant to start fast would load the server or the SDK. */
function checkLightEntries(metafile: Metafile): void {
  const outputs = metafile.outputs;
  for (const name of LIGHT_ENTRIES) {
    const seen = new Set<string>();
    const stack = [`dist/${name}.js`];
    while (stack.length > 0) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const imp of outputs[file]?.imports ?? []) {
        if (imp.kind !== "import-statement") continue; // dynamic imports load on demand
        if (imp.external && !isBuiltin(imp.path)) {
          throw new Error(`dist/${name}.js loads ${imp.path} at start (through ${file})`);
        }
        if (!imp.external) stack.push(imp.path);
      }
    }
  }
}

function isBuiltin(path: string): boolean {
  return path.startsWith("node:") || builtinModules.includes(path);
}

/**
 * Fails the build when all of zod is bundled: `import { z } from "zod"` makes esbuild keep
 * the whole namespace (every locale, ~580 KB more to load at each start); the sources
 * import `* as z`, which keeps only what is used.
 */
function checkZodShaken(metafile: Metafile): void {
  const locales = bundledInputs(metafile).filter((input) =>
    /node_modules\/zod\/v4\/locales\/(?!en\.js$)/.test(input),
  );
  if (locales.length > 0) {
    throw new Error(
      `the bundle includes zod's ${locales.length} locales: import * as z from "zod", not { z }`,
    );
  }
}

/** The source files with code in the output (esbuild also lists those it shook out). */
function bundledInputs(metafile: Metafile): string[] {
  const inputs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) inputs.add(input);
    }
  }
  return [...inputs].sort();
}

/** The package folder of a bundled input such as node_modules/zod/v4/core/core.js */
function packageDirOf(input: string): string | undefined {
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) return undefined;
  const rest = input.slice(at + "node_modules/".length).split("/");
  const name = rest[0]?.startsWith("@") ? rest.slice(0, 2).join("/") : rest[0];
  return `${input.slice(0, at)}node_modules/${name}`;
}

/**
 * The licenses of the packages the bundled files (paths relative to the repository, as
 * esbuild names them, or absolute, as Vite does) come from, sorted by name.
 */
function thirdPartyLicenses(inputs: readonly string[], what: string): string {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(resolve(ROOT, dir));
  }
  const byName = new Map<string, { name: string; head: string; text: string }>();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      license?: string;
    };
    const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    if (!licenseFile) throw new Error(`${pkg.name} has no license file to ship`);
    const text = readFileSync(join(dir, licenseFile), "utf8").trim();
    const head = `${pkg.name}@${pkg.version} (${pkg.license ?? "?"})`;
    byName.set(head, { name: pkg.name, head, text });
  }
  const sections = [...byName.values()].sort((a, b) =>
    a.head < b.head ? -1 : a.head > b.head ? 1 : 0,
  );
  const rule = "-".repeat(79);
  return [
    `${what} includes code from these packages, under these licenses.`,
    "",
    ...sections.map((s) => `${rule}\n${s.head}\n\n${s.text}\n`),
  ].join("\n");
}

/**
 * The playground (playground/index.html and what it imports) built by Vite into
 * dist/playground/. codemirror-json-schema's Markdown renderer (markdown-it and the Shiki
 * highlighter) is swapped for playground/src/markdownShim.ts; the licenses of the bundled
 * packages are written next to the page.
 */
export async function buildPlayground(outDir = PLAYGROUND_OUT): Promise<void> {
  const { build: viteBuild } = await import("vite");
  const shim = join(ROOT, "playground", "src", "markdownShim.ts");
  const modules = new Set<string>();
  await viteBuild({
    configFile: false,
    root: join(ROOT, "playground"),
    base: "./",
    publicDir: false,
    logLevel: "warn",
    plugins: [
      {
        name: "linkplan-markdown-shim",
        enforce: "pre",
        resolveId(source, importer) {
          if (
            importer?.includes("codemirror-json-schema") &&
            /\/utils\/markdown(\.js)?$/.test(source)
          )
            return shim;
          return null;
        },
      },
      {
        name: "linkplan-playground-licenses",
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type === "chunk") for (const id of output.moduleIds) modules.add(id);
          }
        },
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      // one chunk of ~800 KB (CodeMirror, the YAML reader, the schema; ~230 KB gzipped),
      // loaded once from the local server
      chunkSizeWarningLimit: 1024,
      // (the worker's nested build makes rolldown report its plugin timings)
      rolldownOptions: { checks: { pluginTimings: false } },
    },
  });
  const inputs = [...modules].filter((id) => !id.startsWith("\0"));
  await writeFile(
    join(outDir, "THIRD_PARTY_LICENSES.txt"),
    thirdPartyLicenses(inputs, "linkplan's playground (dist/playground/)"),
  );
}

async function main(): Promise<void> {
  await rm(DIST, { recursive: true, force: true });
  const metafile = await bundle();
  checkLightEntries(metafile);
  checkZodShaken(metafile);
  await writeFile(
    join(DIST, "THIRD_PARTY_LICENSES.txt"),
    thirdPartyLicenses(bundledInputs(metafile), "linkplan's dist/"),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (!existsSync(join(DIST, "types", "index.d.ts"))) throw new Error("tsc wrote no declarations");
  await buildPlayground();
  const files = Object.keys(metafile.outputs).map((f) => relative("dist", f));
  console.log(
    `dist/: ${files.length} bundle files, declarations in dist/types/, the playground in dist/playground/`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
