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
