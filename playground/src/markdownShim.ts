/**
 * Stands in for codemirror-json-schema's utils/markdown.js (scripts/build.ts swaps it in):
 * that module loads markdown-it and the Shiki highlighter (hundreds of KB, and grammars
 * fetched at run time) to render schema descriptions, which in linkplan's schema are plain
 * sentences. Here: HTML-escaped text, `code` spans kept, blank lines as breaks.
 */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function renderMarkdown(markdown: string, inline = true): string {
  const html = escapeHtml(markdown ?? "").replace(/`([^`\n]+)`/g, "<code>$1</code>");
  return inline ? html : html.replace(/\n{2,}/g, "<br><br>");
}
