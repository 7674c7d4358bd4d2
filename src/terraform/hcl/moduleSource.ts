/** What a module call's `source` is, as the import reads it. */
export type ModuleKind = "local" | "vpc-endpoints" | "remote";

const VPC_ENDPOINTS =
  /^(registry\.terraform\.io\/)?terraform-aws-modules\/vpc\/aws\/\/modules\/vpc-endpoints\/?$/;

/** local: ./ or ../; vpc-endpoints: the registry submodule understood by its inputs. */
export function moduleKind(source: string): ModuleKind {
  if (source.startsWith("./") || source.startsWith("../")) return "local";
  return VPC_ENDPOINTS.test(source) ? "vpc-endpoints" : "remote";
}

/**
 * The directory of a local module source, relative to the root ("" is the root);
 * undefined when it leads out of the root directory.
 */
export function localModuleDir(from: string, source: string): string | undefined {
  const parts = from ? from.split("/") : [];
  for (const part of source.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

/** A module call's `providers = { aws = aws.consumer }`: the child's key → the caller's. */
export function providerMap(body: Readonly<Record<string, unknown>>): Map<string, string> {
  const map = new Map<string, string>();
  const providers = Array.isArray(body.providers) ? body.providers[0] : body.providers;
  if (typeof providers !== "object" || providers === null) return map;
  for (const [child, parent] of Object.entries(providers)) {
    const match =
      typeof parent === "string" ? /^\$\{\s*([\w-]+(?:\.[\w-]+)?)\s*\}$/.exec(parent) : null;
    if (match?.[1]) map.set(child, match[1]);
  }
  return map;
}
