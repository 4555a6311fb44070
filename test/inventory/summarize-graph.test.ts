import { describe, expect, test } from "vitest";
import { GraphBuilder } from "../../src/inventory/graph-builder.js";
import { summarizeGraph } from "../../src/inventory/summarize-graph.js";
import type { InventoryPackage, LockGraph, Project, Scope } from "../../src/inventory/types.js";

/** summarizeGraph on small hand-made graphs, one rule at a time. */

const PROJECT: Project = { path: "/p", name: "proj", lockfile: null, kind: "npm-lock" };

/** Edges as `from>to:type`; `.` is the root importer, `~w` the workspace `w`. */
function graphOf(edges: string[]): LockGraph {
  const builder = new GraphBuilder("npm-lock", "/p/package-lock.json");
  const root = builder.addImporter("", "proj");
  const workspace = builder.addImporter("packages/w", "w");
  const id = (end: string): string => {
    if (end === ".") return root;
    if (end === "~w") return workspace;
    const [name = "", version = "1.0.0"] = end.split("@");
    return builder.addNode(end, { name, version, origin: "registry" }) ?? "";
  };
  for (const edge of edges) {
    const [from = "", rest = ""] = edge.split(">");
    const [to = "", type = "prod"] = rest.split(":");
    builder.addEdge(id(from), id(to), type as Scope);
  }
  return builder.build();
}

function summary(
  edges: string[],
): Record<string, Omit<InventoryPackage, "name" | "projects" | "origin">> {
  return Object.fromEntries(
    summarizeGraph(graphOf(edges), PROJECT).map(({ name, projects: _p, origin: _o, ...facts }) => [
      name,
      facts,
    ]),
  );
}

describe("summarizeGraph", () => {
  test("scopes: optional under prod is optional, dev stays dev, peer of the root stays peer", () => {
    const facts = summary([
      ".>a:prod",
      "a>b:optional",
      ".>d:dev",
      "d>b",
      "b>c",
      ".>p:peer",
      "p>q",
      "p>r:optional",
    ]);
    expect(facts.a?.scopes).toEqual(["prod"]);
    expect(facts.b?.scopes).toEqual(["dev", "optional"]);
    expect(facts.c?.scopes).toEqual(["dev", "optional"]);
    expect(facts.q?.scopes).toEqual(["peer"]);
    expect(facts.r?.scopes).toEqual(["optional"]);
  });

  test("cycles end: scopes, via and paths of a strongly connected group", () => {
    const facts = summary([".>a", "a>b", "b>c", "c>b", ".>d:dev", "d>c"]);
    expect(facts.b).toEqual({
      versions: ["1.0.0"],
      direct: false,
      scopes: ["prod", "dev"],
      dependents: 2,
      path: ["proj", "a", "b"],
      dependencies: ["c"],
      via: ["a", "d"],
    });
    expect(facts.c?.path).toEqual(["proj", "d", "c"]);
  });

  test("workspaces sit below the root; the first path by name wins a tie", () => {
    const facts = summary([".>z", "z>c", "~w>e", "e>c", ".>a", "a>x", "x>c"]);
    expect(facts.e?.path).toEqual(["proj", "w", "e"]);
    expect(facts.e?.direct).toBe(true);
    // [proj, w, e, c] and [proj, z, c]: the shorter one.
    expect(facts.c?.path).toEqual(["proj", "z", "c"]);
    expect(facts.c?.via).toEqual(["a", "e", "z"]);
  });

  test("equally short paths: the first by name, whatever the edge order", () => {
    expect(summary([".>b", ".>a", "b>c", "a>c"]).c?.path).toEqual(["proj", "a", "c"]);
    expect(summary([".>a", ".>b", "a>c", "b>c"]).c?.path).toEqual(["proj", "a", "c"]);
  });

  test("dependents are distinct depender ids across all versions of a name", () => {
    const facts = summary([".>y", "y>x@1.0.0", "y>x@2.0.0", ".>z", "z>x@2.0.0", ".>x@2.0.0:dev"]);
    expect(facts.x?.dependents).toBe(3);
    expect(facts.x?.versions).toEqual(["1.0.0", "2.0.0"]);
    expect(facts.x?.direct).toBe(true);
    expect(facts.x?.via).toEqual(["x", "y", "z"]);
  });

  test("versions sort by semver, non-semver last", () => {
    const facts = summary([".>v@10.0.0", ".>v@9.0.0", ".>v@0c1d2e3", ".>v@1.0.0-beta.2"]);
    expect(facts.v?.versions).toEqual(["1.0.0-beta.2", "9.0.0", "10.0.0", "0c1d2e3"]);
  });

  test("a node no importer reaches has no scope, path or via", () => {
    const facts = summary([".>a", "lost>a"]);
    expect(facts.lost).toEqual({
      versions: ["1.0.0"],
      direct: false,
      scopes: [],
      dependents: 0,
      path: [],
      dependencies: ["a"],
      via: [],
    });
    expect(facts.a?.dependents).toBe(2);
  });

  test("via over 32 direct dependencies (several bitset words)", () => {
    const heads = Array.from({ length: 70 }, (_, i) => `h${String(i).padStart(2, "0")}`);
    const facts = summary(heads.flatMap((head) => [`.>${head}`, `${head}>shared`]));
    expect(facts.shared?.via).toEqual(heads);
    expect(facts.shared?.dependents).toBe(70);
  });
});
