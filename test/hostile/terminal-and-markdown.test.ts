import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writers } from "../../src/reports/writers.js";
import { runJenga } from "../helpers/cli.js";
import { jengaResult, packageResult } from "../helpers/result.js";

// Issue 15 item 12: a corrupt lockfile's error line echoed the JSON parser's snippet with
// its raw ESC and BEL; and the Markdown summary passed strangers' @mentions, #123
// references and bare URLs into pull-request comments, where they notify and link.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlExceptNewline = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe("lines jenga prints", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "jenga-hostile-"));
    await mkdir(path.join(root, "project"));
    await mkdir(path.join(root, "home"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("carry no control characters from a corrupt lockfile", async () => {
    const dir = path.join(root, "project");
    await writeFile(
      path.join(dir, "package.json"),
      '{"name":"p","version":"1.0.0","dependencies":{"a":"1.0.0"}}\n',
    );
    // A token V8 quotes back in its message: the terminal would set its title and ring.
    await writeFile(
      path.join(dir, "package-lock.json"),
      '{"name":"p","lockfileVersion":3,"packages":{"":{"name":"p"},"node_modules/a":{"version":\u001b]0;pwned\u0007 1}}}',
    );
    const result = await runJenga(["analyze", "--offline", "--quiet"], {
      cwd: dir,
      home: path.join(root, "home"),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/package-lock\.json:1: invalid JSON/);
    expect(result.stderr).toContain("?]0;pwned?");
    expect(result.stderr).not.toMatch(controlExceptNewline);
  });
});

describe("the Markdown summary", () => {
  const hostile =
    "ping @octocat and @acme/security-team, see #123 and GH-45, visit https://evil.example/x or www.evil.example, &#64;ghost \u0007";
  const md =
    writers.markdown(
      jengaResult([
        packageResult({
          name: "@scope/pkg",
          verdict: "sunset",
          reasons: [{ signal: "s", code: "c", text: hostile, action: "sunset", points: 80 }],
        }),
      ]),
    )["jenga.md"] ?? "";

  it("notifies nobody and links nothing from strangers' text", () => {
    // As GitHub reads it: the entity is a zero-width space.
    const read = md.replaceAll("&#8203;", "\u200b");
    expect(read).not.toMatch(/@[\p{L}\p{N}_-]/u);
    expect(read).not.toMatch(/#\d/);
    expect(read).not.toMatch(/GH-\d/i);
    expect(read).not.toMatch(/https?:\/\//);
    expect(read).not.toMatch(/www\./);
    // A stranger's entity stays text (`\&`): it cannot decode to a mention.
    expect(md).toContain("\\&#&#8203;64;ghost");
    expect(md).not.toMatch(controlExceptNewline);
  });

  it("still reads the same", () => {
    const shown = md.replaceAll("&#8203;", "").replaceAll("\\", "");
    expect(shown).toContain("ping @octocat and @acme/security-team, see #123 and GH-45");
    expect(shown).toContain("https://evil.example/x or www.evil.example");
    expect(shown).toContain("| @scope/pkg |");
  });
});
