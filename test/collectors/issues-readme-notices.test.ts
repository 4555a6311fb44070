import { describe, expect, it } from "vitest";
import { findReadmeNotices } from "../../src/collectors/shared/readme-notices.js";
import { hasControlCharacters } from "../../src/util/control-characters.js";
import { fixture } from "./github-api-server.js";

/** A README as GitHub renders it (`application/vnd.github.html+json`). */
const rendered = (body: string) =>
  `<div id="file" class="md" data-path="README.md"><article class="markdown-body entry-content container-lg" itemprop="text">${body}</article></div>`;

describe("README maintenance notices", () => {
  it("none in a plain README that mentions deprecated options", () => {
    expect(findReadmeNotices(fixture("widget/readme.html"))).toEqual([]);
  });

  it("finds the usual notices in headings, paragraphs, alerts and badges", () => {
    expect(
      findReadmeNotices(
        rendered(
          `<div class="markdown-heading"><h1 class="heading-element">⚠️ DEPRECATED ⚠️</h1></div>`,
        ),
      ),
    ).toEqual([{ kind: "deprecated", where: "heading", text: "⚠️ DEPRECATED ⚠️" }]);
    expect(
      findReadmeNotices(
        rendered(
          `<h1>left-pad</h1><div class="markdown-alert markdown-alert-warning" dir="auto"><p class="markdown-alert-title" dir="auto">Warning</p><p dir="auto">This project is <strong>no longer maintained</strong>. Use <code>String.prototype.padStart</code>.</p></div>`,
        ),
      ),
    ).toEqual([
      {
        kind: "unmaintained",
        where: "paragraph",
        text: "Warning This project is no longer maintained. Use String.prototype.padStart.",
      },
    ]);
    expect(
      findReadmeNotices(
        rendered(
          `<h1>tool</h1><p>We are <em>looking for maintainers</em>! Open an issue if you can help.</p>`,
        ),
      ),
    ).toEqual([
      {
        kind: "looking-for-maintainers",
        where: "paragraph",
        text: "We are looking for maintainers! Open an issue if you can help.",
      },
    ]);
    expect(
      findReadmeNotices(
        rendered(
          `<p><a href="#"><img src="https://img.shields.io/badge/maintenance-no-red.svg" alt="badge" data-canonical-src="https://img.shields.io/badge/maintenance-no-red.svg"></a> <img src="https://www.repostatus.org/badges/latest/abandoned.svg" alt=""></p>`,
        ),
      ),
    ).toEqual([
      { kind: "unmaintained", where: "badge", text: "badge badge maintenance: no red svg" },
    ]);
    expect(
      findReadmeNotices(rendered("<p>The repository has been archived and is read-only.</p>"))[0]
        ?.kind,
    ).toBe("archived");
  });

  it("does not read a coming change as the end of the package", () => {
    for (const sentence of [
      "CommonJS will no longer be supported in the next major.",
      "The UMD build is no longer supported from v5; use the ESM entry.",
      "Node 14 is no longer supported.",
      "The legacy API is no longer supported since 3.0.",
    ])
      expect(findReadmeNotices(rendered(`<h1>lib</h1><p>${sentence}</p>`)), sentence).toEqual([]);
    expect(
      findReadmeNotices(
        rendered("<h1>lib</h1><p>This library is no longer supported. Use lib2.</p>"),
      ),
    ).toEqual([
      {
        kind: "unmaintained",
        where: "paragraph",
        text: "This library is no longer supported. Use lib2.",
      },
    ]);
  });

  it("ignores hostile and hidden markup, and notices buried below the top", () => {
    const hostile = rendered(
      `<h1>lib</h1><!-- no longer maintained --><script>document.write("unmaintained")</script><style>p::after{content:"deprecated"}</style>` +
        `<p hidden>This package is deprecated</p><p style="display: none">unmaintained</p><p aria-hidden="true">looking for maintainers</p>` +
        `<noscript>unmaintained</noscript><template><h2>Deprecated</h2></template>` +
        "<p>one</p><p>two</p><p>three</p><p>four</p><p>five</p><p>This project is no longer maintained.</p>" +
        "<h2>Usage</h2><h2>API</h2><h3>Deprecated</h3>",
    );
    expect(findReadmeNotices(hostile)).toEqual([]);
  });

  it("clips long text and strips control characters", () => {
    const notices = findReadmeNotices(
      rendered(`<p>Unmaintained\u0007\u001b[31m ${"x".repeat(500)}</p>`),
    );
    expect(notices[0]?.kind).toBe("unmaintained");
    expect(notices[0]?.text).toHaveLength(160);
    expect(hasControlCharacters(notices[0]?.text ?? "")).toBe(false);
  });

  it("reads a bare fragment and survives broken HTML", () => {
    expect(findReadmeNotices("<h1>Deprecated<p>unclosed <b>")[0]?.kind).toBe("deprecated");
    expect(findReadmeNotices("")).toEqual([]);
  });
});
