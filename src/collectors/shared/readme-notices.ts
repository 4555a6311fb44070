/**
 * Maintenance notices in a README rendered by GitHub: "unmaintained",
 * "no longer maintained", "deprecated", "archived", "looking for
 * maintainers". Only where a maintainer puts such a notice is read — the
 * first headings, the first blocks of text (alerts and quotes included) and
 * the badges — so a changelog's "### Deprecated" section or a sentence about
 * a deprecated API further down does not count. The HTML is hostile:
 * scripts, styles, comments and hidden elements are dropped before reading.
 */
import { createRequire } from "node:module";
import type * as Cheerio from "cheerio";
import { hasControlCharacters } from "../../util/control-characters.js";
import type { NoticeKind, ReadmeNotice } from "../issues/types.js";

/** A notice is at the top: the title and a subtitle or two. */
const HEADINGS_READ = 3;
/** The opening paragraphs, where "This project is no longer maintained" goes. */
const BLOCKS_READ = 5;
/** Badges sit at the top too; a README with more images than this is a gallery. */
const IMAGES_READ = 20;
/** Enough to quote the notice; a longer match is clipped. */
const MAX_TEXT = 160;
/** Longer blocks are read only this far: a notice is said in its first words. */
const MAX_BLOCK = 2000;

const PATTERNS: readonly { kind: NoticeKind; pattern: RegExp }[] = [
  {
    kind: "looking-for-maintainers",
    pattern:
      /\b(looking|searching|seeking) for (a |an |new |more |additional |co-?)*maintainers?\b|\bmaintainers? (wanted|needed)\b|\bneeds? (a |an |new )*maintainers?\b/i,
  },
  {
    kind: "unmaintained",
    pattern:
      /\bunmaintained\b|\bno longer (being )?(actively )?(maintained|developed)\b|\b(this|the) (project|package|library|module|repo|repository|tool|plugin)\b[^.]{0,40}?\bno longer (actively )?supported\b|\bnot (actively |being )?maintained (anymore|any more|any longer)\b|\b(project|repository|package) (is |has been )?abandoned\b|\bproject status: (abandoned|inactive|unsupported)\b|\bmaintenance: no\b/i,
  },
  {
    kind: "archived",
    pattern:
      /\b(this|the) (repo|repository|project|package|library) (is|has been) (now )?archived\b/i,
  },
  {
    kind: "deprecated",
    pattern:
      /^\W*deprecated\b|\b(this|the) (package|project|library|module|repo|repository|tool|plugin|crate)\b[^.]{0,40}?\b(is|has been|was) (now )?(officially )?deprecated\b/i,
  },
];

let cheerio: typeof Cheerio | undefined;

export function findReadmeNotices(html: string): ReadmeNotice[] {
  // Loaded on the first README: cheerio and its HTML parsers cost more to load than a
  // warm run without READMEs spends on anything else of the issues source.
  cheerio ??= createRequire(import.meta.url)("cheerio") as typeof Cheerio;
  const $ = cheerio.load(html);
  $("script, style, template, noscript, iframe, object, [hidden], [aria-hidden=true]").remove();
  $("[style]")
    .filter((_, el) =>
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test($(el).attr("style") ?? ""),
    )
    .remove();
  // Block boundaries become spaces, so that "Warning" + "This project…" do not run together.
  $("p, div, br, li, blockquote, h1, h2, h3, h4, h5, h6, td, th").before(" ").after(" ");
  const root = $("article.markdown-body").first();
  // GitHub wraps the rendered README in an article; a bare fragment is read from the body.
  const scope = root.length > 0 ? root : $("body");
  const found: ReadmeNotice[] = [];
  const add = (where: ReadmeNotice["where"], text: string, wholeIsHeading = false) => {
    const notice = match(clean(text), where, wholeIsHeading);
    if (notice && !found.some((f) => f.kind === notice.kind)) found.push(notice);
  };
  scope
    .find("h1, h2, h3")
    .slice(0, HEADINGS_READ)
    .each((_, el) => add("heading", $(el).text(), true));
  scope
    .find("p, blockquote, .markdown-alert")
    .filter((_, el) => $(el).parents("blockquote, .markdown-alert").length === 0)
    .slice(0, BLOCKS_READ)
    .each((_, el) => add("paragraph", $(el).text()));
  scope
    .find("img")
    .slice(0, IMAGES_READ)
    .each((_, el) =>
      add("badge", `${$(el).attr("alt") ?? ""} ${badgeWords($(el).attr("src") ?? "")}`),
    );
  return found;
}

/**
 * A sentence about what a coming version drops ("CommonJS will no longer be maintained in
 * the next major", "Node 14 is no longer supported from v5") announces a change, not the
 * end of the package.
 */
const FUTURE_CHANGE =
  /\b(next|upcoming|coming|future) (major|version|release)\b|\b(in|from|since|starting (with|from)|as of) v?\d+(\.\d+)*\b|\bwill no longer\b|\bnode(\.js)? \d+/i;

function match(text: string, where: ReadmeNotice["where"], heading: boolean): ReadmeNotice | null {
  for (const { kind, pattern } of PATTERNS) {
    const m = pattern.exec(text);
    if (m && FUTURE_CHANGE.test(sentenceAt(text, m.index))) continue;
    if (m)
      return {
        kind,
        where,
        text: clip(heading || where === "badge" ? text : around(text, m.index)),
      };
  }
  // A heading that is only the word ("Deprecated", "⚠ Unmaintained ⚠") is a notice too.
  if (heading && /^\W*(unmaintained|deprecated|archived)\W*$/i.test(text)) {
    const word = /(unmaintained|deprecated|archived)/i.exec(text)?.[1]?.toLowerCase() as NoticeKind;
    return { kind: word, where, text: clip(text) };
  }
  return null;
}

/**
 * shields.io badges carry their words in the URL path: `badge/maintenance-no-red`,
 * `badge/status-deprecated-red`, `maintenance/no/2024`; repostatus.org in
 * `badges/latest/abandoned.svg`.
 */
function badgeWords(src: string): string {
  let url: URL;
  try {
    url = new URL(src, "https://example.invalid/");
  } catch {
    return "";
  }
  const words = decodeSafely(url.pathname).replace(/[-_/.]+/g, " ");
  const repostatus = /repostatus\.org$/i.test(url.hostname)
    ? ` project status: ${/(abandoned|inactive|unsupported)\.svg$/i.exec(url.pathname)?.[1] ?? ""}`
    : "";
  return `${words}${repostatus}`.replace(/\bmaintenance no\b/i, "maintenance: no");
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function clean(text: string): string {
  const collapsed = text.slice(0, MAX_BLOCK).replace(/\s+/g, " ").trim();
  return hasControlCharacters(collapsed) ? collapsed.replace(/[\p{Cc}\p{Cf}]/gu, "") : collapsed;
}

/** The whole sentence a match sits in. */
function sentenceAt(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf(".", index) + 1);
  const end = text.indexOf(".", index);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The sentence around a match: a notice is quoted, not the whole paragraph. */
function around(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf(".", index) + 1);
  return text.slice(start).trim();
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}
