import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-usage-hostile-"));
  await mkdir(path.join(root, "src"));
  await writeFile(
    path.join(root, "package.json"),
    JSON.stringify({ main: "src/index.js", dependencies: { kept: "1", gone: "1" } }),
  );
  await writeFile(path.join(root, "src/index.js"), 'import "kept";\nimport "./broken.js";\n');
  await writeFile(path.join(root, "src/broken.js"), "import { from 'x';\nconst = ;\n}}}\n");
  // 10 MB of generated code: skipped, and a blind spot rather than a slow parse.
  await writeFile(path.join(root, "src/huge.js"), `// ${"x".repeat(10 * 1024 * 1024)}\n`);
  // A symlink loop and a link out of the project: never followed.
  await symlink(root, path.join(root, "src/loop"));
  await symlink(os.tmpdir(), path.join(root, "src/outside"));
  // jenga's own report folder and a minified bundle: not the project's code.
  await mkdir(path.join(root, "reports"));
  await writeFile(path.join(root, "reports/jenga.json"), "{}");
  await writeFile(path.join(root, "reports/index.html"), "");
  await writeFile(path.join(root, "reports/report.js"), 'import "gone";');
  await writeFile(path.join(root, "src/vendor.min.js"), 'require("gone");');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("hostile project files", () => {
  it("reports a file that does not parse and a 10 MB file as blind spots, without crashing", async () => {
    const analysis = await analyzeProject(root, usageLimits);
    expect(analysis?.packages.get("kept")?.class).toBe("runtime");
    // Either blind spot could hide `gone`: unknown, not unused.
    expect(analysis?.packages.get("gone")?.class).toBe("unknown");
    const kinds = analysis?.blindSpots.map((b) => `${b.kind} ${b.file}`).sort();
    expect(kinds).toEqual(["parse-error src/broken.js", "too-large src/huge.js"]);
    expect(analysis?.filesParsed).toBe(1);
  });

  it("stops at the file cap and says so", async () => {
    const analysis = await analyzeProject(root, { ...usageLimits, maxFiles: 1 });
    expect(analysis?.blindSpots.map((b) => b.kind)).toContain("file-cap");
  });

  it("turns nesting too deep for the parser into a blind spot, not a crash", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)};\nrequire("kept");\n`;
    const analysis = analyzeUsage({
      files: [{ path: "index.js", text: deep }],
      manifests: [{ dir: "", data: { main: "index.js", dependencies: { kept: "1" } } }],
    });
    expect(analysis.packages.get("kept")?.class).toBe("unknown");
    expect(analysis.blindSpots[0]).toMatchObject({ kind: "parse-error", file: "index.js" });
  });
});
