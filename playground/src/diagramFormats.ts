import { getJson } from "./apiClient.js";

let formats: Promise<string[]> | undefined;

/**
 * The formats POST /v1/diagram draws on this server (from its OpenAPI document, read once):
 * ascii, mermaid and svg everywhere; png and drawio where the server has them.
 */
export function diagramFormats(): Promise<string[]> {
  formats ??= getJson<{
    paths?: Record<
      string,
      { post?: { parameters?: { name: string; in: string; schema?: { enum?: string[] } }[] } }
    >;
  }>("/openapi.json").then((result) => {
    if (!result.ok) return ["ascii", "mermaid", "svg"];
    const parameter = result.value.paths?.["/v1/diagram"]?.post?.parameters?.find(
      (p) => p.name === "format" && p.in === "query",
    );
    return parameter?.schema?.enum ?? ["ascii", "mermaid", "svg"];
  });
  return formats;
}

/** FNV-1a of a text, as 8 hex digits: tells one drawing from another cheaply. */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The SVG's own <title> and <desc> (linkplan writes them first) as the image's text
 * alternative, read from the start of the text: a large drawing is not parsed for it.
 */
export function describeSvg(svg: string): string {
  const head = svg.slice(0, 4096);
  const text = (tag: string) =>
    (new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(head)?.[1] ?? "").replace(
      /&(#\d+|#x[\da-f]+|\w+);/gi,
      (all, name: string) =>
        name.startsWith("#x") || name.startsWith("#X")
          ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
          : name.startsWith("#")
            ? String.fromCodePoint(Number(name.slice(1)))
            : (ENTITIES[name] ?? all),
    );
  const title = text("title");
  return [title && `Diagram of ${title}`, text("desc")].filter(Boolean).join(". ");
}
