import type { HclJson } from "./parseHclFiles.js";

/** A block of a module's configuration, with where it is written. */
export interface ConfigBlock {
  /** file relative to the root directory */
  file: string;
  /** 1-based line of the block's header, when found */
  line?: number;
  body: Record<string, unknown>;
}

export interface ResourceBlock extends ConfigBlock {
  mode: "managed" | "data";
  type: string;
  name: string;
}

export interface NamedBlock extends ConfigBlock {
  name: string;
}

/** One module's configuration: the blocks of the .tf files of one directory, merged. */
export interface ModuleConfig {
  /** the directory relative to the root ("" for the root module) */
  dir: string;
  variables: Map<string, NamedBlock>;
  locals: Map<string, { file: string; line?: number; value: unknown }>;
  /** resources and data sources, by file then line */
  resources: ResourceBlock[];
  modules: NamedBlock[];
  outputs: Map<string, NamedBlock>;
  /** provider blocks (name "aws", the alias in the body) */
  providers: NamedBlock[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The 1-based line of every block header of a file's text, by kind and labels:
 * `resource "aws_vpc" "main" {` → "resource aws_vpc main" (first occurrence kept).
 */
export function blockLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const header = /^[ \t]*([A-Za-z_][\w-]*)((?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/gm;
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(header)) {
    for (
      let i = text.indexOf("\n", counted);
      i >= 0 && i < match.index;
      i = text.indexOf("\n", i + 1)
    )
      line += 1;
    counted = match.index;
    const labels = [...(match[2] ?? "").matchAll(/"([^"\n]*)"|([A-Za-z_][\w-]*)/g)].map(
      (l) => l[1] ?? l[2],
    );
    const key = [match[1], ...labels].join(" ");
    if (!lines.has(key)) lines.set(key, line);
  }
  return lines;
}

/** The 1-based line of `name =` at or after `fromLine` (an argument of a block). */
export function argumentLine(text: string, fromLine: number, name: string): number | undefined {
  const lines = text.split("\n");
  const pattern = new RegExp(`^\\s*"?${escapeRegExp(name)}"?\\s*(=|\\{)`);
  for (let i = Math.max(0, fromLine - 1); i < lines.length && i < fromLine + 500; i += 1)
    if (pattern.test(lines[i] ?? "")) return i + 1;
  return undefined;
}

function bodies(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter(
    (b): b is Record<string, unknown> => typeof b === "object" && b !== null && !Array.isArray(b),
  );
}

function entries(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}

/** Merge the parsed .tf files of one directory into its module configuration. */
export function moduleConfig(
  dir: string,
  files: readonly { file: string; text: string; json: HclJson }[],
): ModuleConfig {
  const config: ModuleConfig = {
    dir,
    variables: new Map(),
    locals: new Map(),
    resources: [],
    modules: [],
    outputs: new Map(),
    providers: [],
  };
  for (const { file, text, json } of files) {
    const headers = blockLines(text);
    const blockLine = (kind: string, labels: string[]): number | undefined =>
      headers.get([kind, ...labels].join(" "));
    const named = (kind: string, name: string, body: Record<string, unknown>): NamedBlock => {
      const line = blockLine(kind, [name]);
      return { file, ...(line === undefined ? {} : { line }), body, name };
    };
    for (const [name, value] of entries(json.variable))
      for (const body of bodies(value)) config.variables.set(name, named("variable", name, body));
    for (const [name, value] of entries(json.output))
      for (const body of bodies(value)) config.outputs.set(name, named("output", name, body));
    for (const [name, value] of entries(json.module))
      for (const body of bodies(value)) config.modules.push(named("module", name, body));
    for (const [name, value] of entries(json.provider))
      for (const body of bodies(value)) config.providers.push(named("provider", name, body));
    const localsLine = blockLine("locals", []) ?? 1;
    for (const locals of bodies(json.locals))
      for (const [name, value] of Object.entries(locals)) {
        const line = argumentLine(text, localsLine, name);
        config.locals.set(name, { file, ...(line === undefined ? {} : { line }), value });
      }
    const resources: ResourceBlock[] = [];
    for (const mode of ["managed", "data"] as const)
      for (const [type, byName] of entries(json[mode === "managed" ? "resource" : "data"]))
        for (const [name, value] of entries(byName))
          for (const body of bodies(value)) {
            const line = blockLine(mode === "managed" ? "resource" : "data", [type, name]);
            resources.push({
              file,
              ...(line === undefined ? {} : { line }),
              body,
              mode,
              type,
              name,
            });
          }
    resources.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    config.resources.push(...resources);
  }
  config.modules.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
  return config;
}
