import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.js";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { fixturePath } from "./fixture.js";

/** Unusable input is an InputError with a one-line message: `file[:line]: detail`. */

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "jenga-inventory-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, ".."), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
}

async function inputError(...paths: string[]): Promise<InputError> {
  const error = await readInventory(paths, { cwd: folder }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.message).not.toContain("\n");
  return inputError;
}

describe("corrupt inputs", () => {
  test("a truncated package-lock.json: the line where the text ends", async () => {
    const full = readFileSync(fixturePath("npm-v3", "package-lock.json"), "utf8");
    // Cut inside the tenth entry's "integrity" key, as an interrupted write would.
    let cut = 0;
    for (let i = 0; i < 10; i++) cut = full.indexOf('"integrity"', cut + 1);
    const text = full.slice(0, cut + 5);
    write({ "package-lock.json": text });
    const lastLine = text.split("\n").length;
    const error = await inputError(".");
    expect(error.message).toMatch(
      new RegExp(`^package-lock\\.json:${lastLine}: invalid JSON: \\S`),
    );
    expect([error.file, error.line]).toEqual(["package-lock.json", lastLine]);
    expect(error.hint).toMatch(/regenerate/);
  });

  test("a lockfile that ends early: the last line", async () => {
    write({ "package-lock.json": '{\n  "name": "x",\n  "packages": {\n' });
    // Node 20 says "Expected property name or '}'"; other versions word it their own way.
    expect((await inputError(".")).message).toMatch(/^package-lock\.json:3: invalid JSON: \S/);
  });

  test("a bad token: its line", async () => {
    write({ "package-lock.json": '{\n  "name": "x",\n  "lockfileVersion" 3\n}\n' });
    expect((await inputError(".")).message).toMatch(/^package-lock\.json:3: invalid JSON: /);
  });

  test("a corrupt package.json beside a good lockfile is named, not the lockfile", async () => {
    write({
      "package-lock.json": readFileSync(fixturePath("npm-v3", "package-lock.json"), "utf8"),
      "package.json": '{\n  "name": "x",\n  "dependencies": {,\n}\n',
    });
    expect((await inputError(".")).message).toMatch(/^package\.json:3: invalid JSON: /);
  });

  test("bad YAML in pnpm-lock.yaml: its line", async () => {
    write({
      "pnpm-lock.yaml":
        "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n   bad: 1\n",
    });
    expect((await inputError("pnpm-lock.yaml")).message).toBe(
      "pnpm-lock.yaml:6: invalid YAML: bad indentation of a mapping entry",
    );
  });

  test("an unknown pnpm lockfile version", async () => {
    write({ "pnpm-lock.yaml": "lockfileVersion: 3\n" });
    expect((await inputError("pnpm-lock.yaml")).message).toBe(
      'pnpm-lock.yaml: unsupported pnpm lockfileVersion "3"',
    );
  });

  test("garbage in a yarn classic lock: its line", async () => {
    write({
      "yarn.lock": '# yarn lockfile v1\n\n\nfoo@^1:\n  version "1.0.0"\n  resolved "x\nbar@^2:\n',
    });
    expect((await inputError("yarn.lock")).message).toMatch(
      /^yarn\.lock:6: invalid yarn\.lock: Expected /,
    );
  });

  test("bad indentation in a yarn berry lock: its line", async () => {
    write({
      "yarn.lock":
        '__metadata:\n  version: 10\n\n"a@npm:^1":\n  version: 1.0.0\n   resolution: "a@npm:1.0.0"\n',
    });
    expect((await inputError("yarn.lock")).message).toBe(
      "yarn.lock:6: invalid yarn.lock: bad indentation of a mapping entry",
    );
  });

  test("a truncated CycloneDX SBOM", async () => {
    write({ "bom.json": '{\n  "bomFormat": "CycloneDX",\n  "components": [\n' });
    expect((await inputError("bom.json")).message).toBe(
      "bom.json:3: invalid JSON: Unexpected end of JSON input",
    );
  });

  test("JSON of the wrong shape", async () => {
    write({
      "package-lock.json": "[]\n",
      "sbom.json": '{ "spdxVersion": 2.3 }',
      "v3.spdx.json": '{ "spdxVersion": "SPDX-3.0" }',
    });
    expect((await inputError("package-lock.json")).message).toBe(
      "package-lock.json: not a package lock: expected a JSON object",
    );
    expect((await inputError("sbom.json")).message).toBe(
      'sbom.json: not an SPDX SBOM: "spdxVersion" is not a string',
    );
    expect((await inputError("v3.spdx.json")).message).toBe(
      'v3.spdx.json: unsupported SPDX version "SPDX-3.0": jenga reads SPDX 2.x',
    );
  });

  test("a missing path", async () => {
    const error = await inputError("nope");
    expect(error.message).toBe("nope: no such file or folder");
    expect(error.line).toBeUndefined();
  });

  test("a folder with neither package.json nor lockfile", async () => {
    mkdirSync(join(folder, "empty"));
    expect((await inputError("empty")).message).toBe(
      "empty: no package.json or lockfile in this folder",
    );
  });

  test("a file of no known format", async () => {
    write({ "notes.txt": "hello\n" });
    expect((await inputError("notes.txt")).message).toBe(
      "notes.txt: not a lockfile, package.json, CycloneDX or SPDX SBOM",
    );
  });

  test.skipIf(process.getuid?.() === 0)("an unreadable file", async () => {
    write({ "package-lock.json": "{}" });
    chmodSync(join(folder, "package-lock.json"), 0o000);
    expect((await inputError(".")).message).toBe(
      "package-lock.json: cannot read: permission denied",
    );
  });
});
