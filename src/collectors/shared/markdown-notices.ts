import type { ReadmeNotice } from "../issues/types.js";
import { findReadmeNotices } from "./readme-notices.js";

/** A README longer than this is read only this far: notices sit at the top. */
const maxReadmeChars = 64 * 1024;

/**
 * Maintenance notices in a README as it sits in the repository (Markdown, or
 * plain text), for when GitHub's rendered copy cannot be had. The Markdown is
 * turned into the few block elements the notice reader looks at — headings,
 * paragraphs, quotes (GitHub alerts included) and images — and read with the
 * same patterns and the same hostile-HTML defences as the API path.
 */
export function findMarkdownNotices(markdown: string): ReadmeNotice[] {
  return findReadmeNotices(`<article class="markdown-body">${markdownBlocks(markdown)}</article>`);
}

function markdownBlocks(markdown: string): string {
  // Comments are hidden on GitHub; code shows usage, never a notice.
  const text = withoutCode(
    markdown
      .slice(0, maxReadmeChars)
      .replace(/\r\n?/g, "\n")
      .replace(/<!--[\s\S]*?(-->|$)/g, ""),
  );
  const html: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (trimmed === "") continue;
    html.push(blockHtml(trimmed));
  }
  return html.join("\n");
}

/** Fenced code blocks become blank lines (an unclosed fence runs to the end, as on GitHub). */
function withoutCode(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
    if (fence === null && marker) fence = marker[0] ?? null;
    else if (fence !== null && marker?.startsWith(fence)) fence = null;
    else if (fence === null) {
      kept.push(line);
      continue;
    }
    kept.push("");
  }
  return kept.join("\n");
}

function blockHtml(block: string): string {
  // Raw HTML at the top of a README (centred titles, badge rows) is read as it is.
  if (block.startsWith("<")) return block;
  const heading = /^(#{1,6})\s+(.*)$/.exec(block.split("\n")[0] ?? "");
  if (heading) {
    const level = heading[1]?.length ?? 1;
    const rest = block.split("\n").slice(1).join(" ").trim();
    return `<h${level}>${inline(heading[2] ?? "")}</h${level}>${rest ? `<p>${inline(rest)}</p>` : ""}`;
  }
  // A setext heading: "Title\n=====".
  const setext = /^([^\n]+)\n(=+|-+)\s*$/.exec(block);
  if (setext) {
    const level = setext[2]?.startsWith("=") ? 1 : 2;
    return `<h${level}>${inline(setext[1] ?? "")}</h${level}>`;
  }
  if (block.startsWith(">")) {
    const quoted = block
      .split("\n")
      .map((line) => line.replace(/^>\s?/, ""))
      .join(" ")
      // GitHub alerts: "> [!WARNING]" then the text.
      .replace(/^\[!(\w+)\]\s*/, "$1 ");
    return `<blockquote><p>${inline(quoted)}</p></blockquote>`;
  }
  return `<p>${inline(block.replace(/\n/g, " "))}</p>`;
}

/** Inline Markdown as HTML text: images become <img> (badges), everything else its words. */
function inline(text: string): string {
  const parts: string[] = [];
  let last = 0;
  const image = /!\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;
  for (let m = image.exec(text); m !== null; m = image.exec(text)) {
    parts.push(escapeHtml(words(text.slice(last, m.index))));
    parts.push(`<img alt="${escapeHtml(m[1] ?? "")}" src="${escapeHtml(m[2] ?? "")}">`);
    last = m.index + m[0].length;
  }
  parts.push(escapeHtml(words(text.slice(last))));
  return parts.join("");
}

/** Links keep their text, emphasis and code marks go. */
function words(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`]+/g, "");
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );
}
