import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The top-level folder of a file under src/ ("index.ts" for the entry). */
function folderOf(file: string): string {
  return relative(SRC, file).split("/")[0] ?? "";
}

interface Import {
  from: string;
  to: string;
  specifier: string;
}

const IMPORT =
  /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/gm;

const imports: Import[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => {
    const specifier = m[1] ?? m[2] ?? m[3] ?? "";
    const to = specifier.startsWith(".")
      ? folderOf(resolve(dirname(file), specifier))
      : `package:${specifier}`;
    return { from: folderOf(file), to, specifier: `${relative(SRC, file)} → ${specifier}` };
  });
});

/** The stages in pipeline order: a folder may import only folders before it. */
const STAGES = [
  "core",
  "document",
  "topology",
  "terraform",
  "pricing",
  "estimate",
  "compare",
  "whatif",
  "check",
  "diagram",
  "report",
  "operations",
  "api",
  "cli",
];

describe("folders by stage", () => {
  it("every top-level folder of src/ is a known stage", () => {
    const folders = new Set(imports.map((i) => i.from));
    folders.delete("index.ts");
    expect([...folders].filter((f) => !STAGES.includes(f))).toEqual([]);
  });

  it("a stage imports only the stages before it (one direction, no two-way edges)", () => {
    const backwards = imports.filter(
      (i) =>
        !i.to.startsWith("package:") &&
        i.from !== "index.ts" &&
        i.from !== i.to &&
        STAGES.indexOf(i.to) > STAGES.indexOf(i.from),
    );
    expect(backwards.map((i) => i.specifier)).toEqual([]);
  });

  it("core imports nothing of linkplan", () => {
    expect(
      imports.filter((i) => i.from === "core" && !i.to.startsWith("package:") && i.to !== "core"),
    ).toEqual([]);
  });

  it("the pure stages do no I/O: no node: modules, no fastify, no AWS SDK", () => {
    const io = /^package:(node:|fs$|path$|child_process$|fastify|@fastify|@aws-sdk|piscina)/;
    const shells = new Set(["api", "cli"]);
    const impure = imports.filter(
      (i) => !shells.has(i.from) && io.test(i.to) && !i.specifier.startsWith("pricing/sources/"),
    );
    expect(impure.map((i) => i.specifier)).toEqual([]);
  });
});

/**
 * The web playground (playground/src, built by Vite) is a client of the JSON API: cost,
 * diagrams, findings, comparisons, what-ifs and break-even come from the server. Of the
 * library it may use only the pure reading of documents (core, document: the YAML reader
 * and the path → line locator), never a stage that computes an answer; nothing of Node.
 */
describe("the playground", () => {
  const PLAYGROUND = fileURLToPath(new URL("../playground/src/", import.meta.url));
  const allowed = new Set(["core", "document"]);
  const pageImports = sourceFiles(PLAYGROUND).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(IMPORT)].map((m) => {
      const specifier = m[1] ?? m[2] ?? m[3] ?? "";
      const target = specifier.startsWith(".") ? resolve(dirname(file), specifier) : null;
      return {
        file: relative(PLAYGROUND, file),
        specifier,
        srcFolder: target?.startsWith(SRC) ? folderOf(target) : null,
      };
    });
  });

  it("imports of the library only its pure reading of documents (core, document)", () => {
    expect(pageImports.some((i) => i.srcFolder !== null)).toBe(true);
    expect(
      pageImports
        .filter((i) => i.srcFolder !== null && !allowed.has(i.srcFolder))
        .map((i) => `${i.file} → ${i.specifier}`),
    ).toEqual([]);
  });

  it("imports nothing of Node, the server or the AWS SDK", () => {
    const io = /^(node:|fs$|path$|child_process$|fastify|@fastify|@aws-sdk|piscina)/;
    expect(
      pageImports.filter((i) => io.test(i.specifier)).map((i) => `${i.file} → ${i.specifier}`),
    ).toEqual([]);
  });

  it("is not imported by the library", () => {
    const intoPage = imports.filter((i) => i.specifier.includes("playground/"));
    expect(intoPage.map((i) => i.specifier)).toEqual([]);
  });
});
