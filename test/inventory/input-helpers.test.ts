import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { detectInputKind } from "../../src/inventory/detect-input.js";
import { findWorkspaceFolders } from "../../src/inventory/find-workspaces.js";
import { originOfSpec } from "../../src/inventory/origin.js";
import { isValidPackageName, splitDescriptor } from "../../src/inventory/package-name.js";
import { parsePurl, purlType } from "../../src/inventory/purl.js";
import {
  compileWorkspacePatterns,
  matchesWorkspace,
} from "../../src/inventory/workspace-patterns.js";

describe("package names", () => {
  test.each([
    ["ms", true],
    ["@types/node", true],
    ["JSONStream", true],
    ["lodash.merge", true],
    ["../../etc", false],
    [".hidden", false],
    ["_private", false],
    ["a/b", false],
    ["@scope/", false],
    ["has space", false],
    ["bell\u0007", false],
    ["x".repeat(1025), false],
  ])("%j valid: %s", (name, valid) => {
    expect(isValidPackageName(name)).toBe(valid);
  });

  test("descriptors split at the @ that ends the name", () => {
    expect(splitDescriptor("@types/node@^20")).toEqual({ name: "@types/node", range: "^20" });
    expect(splitDescriptor("is-num@npm:is-number@^7")).toEqual({
      name: "is-num",
      range: "npm:is-number@^7",
    });
    expect(splitDescriptor("nameonly")).toBeNull();
  });
});

describe("origins", () => {
  test.each([
    ["^1.2.0", "registry"],
    ["npm:other@^1", "registry"],
    ["https://registry.example.invalid/ms/-/ms-2.1.3.tgz", "registry"],
    ["https://npm.example.invalid/api/npm/remote/@types/node/-/node-20.0.0.tgz", "registry"],
    ["https://cdn.example.invalid/ms.tgz", "remote"],
    ["git+ssh://git@github.com/a/b.git#abc", "git"],
    ["github:a/b", "git"],
    ["a/b#v1", "git"],
    ["https://github.com/a/b.git", "git"],
    ["https://host.example.invalid/a/b#commit=0123456789abcdef", "git"],
    ["git@github.com:a/b.git", "git"],
    ["file:../x", "file"],
    ["../x", "file"],
    ["link:../x", "link"],
    ["portal:../x", "link"],
    ["workspace:^", "workspace"],
  ])("%s is %s", (spec, origin) => {
    expect(originOfSpec(spec, spec.includes("@types") ? "@types/node" : "ms")).toBe(origin);
  });
});

describe("purls", () => {
  test("encoded and unencoded scopes, qualifiers, no version", () => {
    expect(parsePurl("pkg:npm/%40types/node@20.1.0")).toMatchObject({
      name: "@types/node",
      version: "20.1.0",
    });
    expect(parsePurl("pkg:npm/@types/node@20.1.0?vcs_url=x#sub")).toMatchObject({
      name: "@types/node",
      version: "20.1.0",
    });
    expect(parsePurl("pkg:npm/ms")).toMatchObject({ name: "ms", version: "" });
    expect(parsePurl("pkg:pypi/requests@2")).toBeNull();
    expect(purlType("pkg:Composer/vendor/lib@1.0.0")).toBe("composer");
    expect(purlType("pkg:<script>/x@1")).toBeNull();
    expect(purlType("npm/x@1")).toBeNull();
  });
});

describe("input kinds", () => {
  test("by file name, then by content", () => {
    expect(detectInputKind("yarn.lock", "__metadata:\n  version: 8\n", "x")).toBe("yarn-berry");
    expect(detectInputKind("yarn.lock", "# yarn lockfile v1\n", "x")).toBe("yarn-classic");
    expect(
      detectInputKind("sbom.cdx.json", '{"specVersion":"1.5","bomFormat":"CycloneDX"}', "x"),
    ).toBe("cyclonedx");
    expect(detectInputKind("old-lock.json", '{"name":"x","lockfileVersion":3}', "x")).toBe(
      "npm-lock",
    );
    expect(detectInputKind("lock.yaml", "lockfileVersion: '9.0'\n", "x")).toBe("pnpm-lock");
    expect(
      detectInputKind("sbom.json", '{"SPDXID":"SPDXRef-DOCUMENT","spdxVersion":"SPDX-2.3"}', "x"),
    ).toBe("spdx");
    expect(detectInputKind("sbom.spdx", "# made by hand\nSPDXVersion: SPDX-2.3\n", "x")).toBe(
      "spdx",
    );
    expect(
      detectInputKind(
        "bom.xml",
        '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.2">',
        "x",
      ),
    ).toBe("cyclonedx");
    expect(
      detectInputKind("bom.xml", '<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.4">', "x"),
    ).toBe("cyclonedx");
    expect(() => detectInputKind("pom.xml", "<project><bom/></project>", "pom.xml")).toThrow(
      "pom.xml: not a lockfile, package.json, CycloneDX or SPDX SBOM",
    );
  });
});

describe("workspace patterns", () => {
  test("globs, `**`, exclusions, never inside node_modules", () => {
    const patterns = compileWorkspacePatterns(["packages/*", "./apps/**", "!packages/skip"]);
    expect(matchesWorkspace("packages/app", patterns)).toBe(true);
    expect(matchesWorkspace("packages/app/nested", patterns)).toBe(false);
    expect(matchesWorkspace("apps/web/admin", patterns)).toBe(true);
    expect(matchesWorkspace("packages/skip", patterns)).toBe(false);
    expect(matchesWorkspace("apps/node_modules/x", patterns)).toBe(false);
    expect(matchesWorkspace("", patterns)).toBe(false);
  });

  test("folders on disk: only those with a package.json, no symlinks, nothing outside", async () => {
    const root = mkdtempSync(join(tmpdir(), "jenga-inventory-"));
    try {
      for (const folder of [
        "packages/a",
        "packages/b",
        "packages/empty",
        "apps/web/admin",
        "packages/a/node_modules/x",
      ]) {
        mkdirSync(join(root, folder), { recursive: true });
        if (!folder.endsWith("empty")) writeFileSync(join(root, folder, "package.json"), "{}");
      }
      symlinkSync(join(root, "packages", "a"), join(root, "packages", "link"));
      const found = await findWorkspaceFolders(root, [
        "packages/*",
        "apps/**",
        "!packages/b",
        "../*",
      ]);
      expect(found).toEqual(["apps/web/admin", "packages/a"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
