import { describe, expect, it } from "vitest";
import { findMarkdownNotices } from "../../src/collectors/shared/markdown-notices.js";

describe("README notices read from Markdown (the clone's README)", () => {
  it("finds a notice in a heading, an alert, a paragraph or a badge", () => {
    expect(
      findMarkdownNotices(
        "# left-pad\n\n**DEPRECATED**: use `String.prototype.padStart()` instead.\n",
      ),
    ).toEqual([
      {
        kind: "deprecated",
        where: "paragraph",
        text: "DEPRECATED: use String.prototype.padStart() instead.",
      },
    ]);
    expect(
      findMarkdownNotices(
        "# lib\n\n> [!WARNING]\n> This project is no longer maintained. Use [lib2](https://x).\n",
      ),
    ).toEqual([
      {
        kind: "unmaintained",
        where: "paragraph",
        text: "WARNING This project is no longer maintained. Use lib2.",
      },
    ]);
    expect(
      findMarkdownNotices(
        "lib\n===\n\n![maintenance](https://img.shields.io/badge/maintenance-no-red.svg)\n",
      )[0]?.kind,
    ).toBe("unmaintained");
    expect(findMarkdownNotices('<h1 align="center">Deprecated</h1>\n\nSome text.')[0]).toEqual({
      kind: "deprecated",
      where: "heading",
      text: "Deprecated",
    });
  });

  it("reads no notice from code, comments, or a sentence about a coming version", () => {
    const readme = [
      "# lib",
      "",
      "<!-- This project is no longer maintained -->",
      "",
      "```js",
      "// this package is deprecated",
      "```",
      "",
      "CommonJS will no longer be supported in the next major.",
    ].join("\n");
    expect(findMarkdownNotices(readme)).toEqual([]);
  });

  it("treats hostile markup as text and stays bounded", () => {
    const hostile = `# x\n\n<script>document.write("unmaintained")</script>\n\n${"a ".repeat(200_000)}`;
    expect(findMarkdownNotices(hostile)).toEqual([]);
    expect(findMarkdownNotices('# ok\n\n![x" onerror="alert(1)](javascript:alert(1))')).toEqual([]);
  });
});
