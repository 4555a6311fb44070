/**
 * The source runner with stand-in sources: the order sources run in per
 * package, overlap, batch hooks, and that one source's bug costs only its
 * own status.
 */
import { describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { runSources, type SourceProgress } from "../../src/collectors/run-sources.js";
import {
  defineSource,
  type Source,
  type SourceRun,
  type SourceSession,
} from "../../src/collectors/source.js";
import { missingEvidence, okEvidence, type SourceName } from "../../src/collectors/types.js";
import { validate } from "../../src/config/load-config.js";
import { inventoryPackage, now, registryEvidence } from "../helpers/evidence.js";

const run: SourceRun = {
  paths: ["/p"],
  cwd: "/p",
  env: {},
  home: "/home/x",
  toolVersion: "0.0.0-test",
  cache: createDiskCache({ dir: "/nonexistent/jenga-test-cache", mode: "offline", now: () => now }),
  now: () => now,
  offline: true,
  concurrency: 4,
  config: validate("test", {}),
  flags: { git: true, usage: true, advisories: true, single: false },
  http: null,
  injected: {},
};

const packages = ["a", "b", "c"].map((name, i) =>
  inventoryPackage({ name, direct: i === 2, dependents: i }),
);

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
};

/** A stand-in source that is on and opens to `session`. */
const openingTo = <S extends SourceName>(
  id: S,
  needs: SourceName[],
  session: SourceSession<S>,
): Source<S> => defineSource({ id, needs, off: () => null, open: async () => session });

/** A stand-in registry that answers each package, after `wait(pkg)` when given. */
const answeringRegistry = (wait?: (name: string) => Promise<void> | undefined) =>
  openingTo("registry", [], {
    async collect(pkg) {
      await wait?.(pkg.name);
      return okEvidence("registry", registryEvidence({}, { name: pkg.name }), "t", false);
    },
  });

describe("runSources", () => {
  it("starts a source for a package as soon as what it needs has answered for that package", async () => {
    const events: string[] = [];
    const release = new Map(packages.map((p) => [p.name, gate()]));
    const registry = answeringRegistry(async (name) => {
      await release.get(name)?.opened;
      events.push(`registry ${name}`);
    });
    const git = openingTo("git", ["registry"], {
      async collect(pkg, needed) {
        events.push(`git ${pkg.name} after ${needed.registry?.data?.name}`);
        return missingEvidence("git", "skipped: test");
      },
    });
    const pending = runSources([registry, git], packages, run);
    // Release b first: git for b runs before the registry has answered for a and c.
    release.get("b")?.open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    release.get("a")?.open();
    release.get("c")?.open();
    const maps = await pending;
    expect(events.slice(0, 2)).toEqual(["registry b", "git b after b"]);
    expect(maps.git.get("a")?.status).toBe("skipped: test");
    expect(maps.registry.get("c")?.data?.name).toBe("c");
  });

  it("turns a source that throws into that package's status, and the run goes on", async () => {
    const flaky = openingTo("issues", [], {
      async collect(pkg) {
        if (pkg.name === "b") throw new RangeError("Maximum call stack size exceeded");
        return missingEvidence("issues", "skipped: fine");
      },
    });
    const maps = await runSources([flaky], packages, run);
    expect(maps.issues.get("b")?.status).toBe(
      "unavailable: internal error in issues: Maximum call stack size exceeded (please report it)",
    );
    expect(maps.issues.get("a")?.status).toBe("skipped: fine");
  });

  it("gives every package the source's reason when it is off, a failed batch, or a failed open", async () => {
    const off = defineSource({
      id: "git",
      needs: [],
      off: () => "skipped: --no-git",
      open: async () => {
        throw new Error("never opened");
      },
    });
    const badBatch = openingTo("advisories", [], {
      batch: async () => {
        throw new Error("bulk answer was \u001b]0;hostile");
      },
      collect: async () => missingEvidence("advisories", "never"),
    });
    const badOpen: Source = defineSource({
      id: "usage",
      needs: [],
      off: () => null,
      open: async () => {
        throw new Error("no project");
      },
    });
    const maps = await runSources([off, badBatch, badOpen], packages, run);
    for (const pkg of packages) {
      expect(maps.git.get(pkg.name)?.status).toBe("skipped: --no-git");
      expect(maps.advisories.get(pkg.name)?.status).toBe(
        "unavailable: internal error in advisories: bulk answer was ?]0;hostile (please report it)",
      );
      expect(maps.usage.get(pkg.name)?.status).toBe(
        "unavailable: internal error in usage: no project (please report it)",
      );
    }
  });

  it("runs the batch hook once, first, with direct dependencies first; reports progress per source; closes every session", async () => {
    const seen: string[] = [];
    let closed = 0;
    const bulk = openingTo("advisories", [], {
      async batch(all) {
        seen.push(`batch ${all.map((p) => p.name).join(",")}`);
      },
      async collect(pkg) {
        seen.push(pkg.name);
        return missingEvidence("advisories", "skipped: test");
      },
      close: async () => {
        closed++;
      },
    });
    const progress: SourceProgress[] = [];
    await runSources([bulk], packages, run, { onProgress: (e) => progress.push(e) });
    expect(seen[0]).toBe("batch c,b,a");
    expect(seen.slice(1).sort()).toEqual(["a", "b", "c"]);
    expect(closed).toBe(1);
    expect(progress.map((e) => `${e.stage} ${e.done}/${e.total}`)).toEqual([
      "advisories 1/3",
      "advisories 2/3",
      "advisories 3/3",
    ]);
  });

  it("announces every package with its needed evidence, also those still waiting for a slot", async () => {
    // More packages than the runner lets collect at once: a source that shares work between
    // packages (git's one pass per monorepo) must hear of all of them while the first collect.
    const many = Array.from({ length: 150 }, (_, i) => inventoryPackage({ name: `p${i}` }));
    const announced = new Map<string, string | undefined>();
    let everyoneAnnounced!: () => void;
    const allAnnounced = new Promise<boolean>((resolve) => {
      everyoneAnnounced = () => resolve(true);
    });
    const registry = answeringRegistry();
    const seenAtCollect: boolean[] = [];
    const git = openingTo("git", ["registry"], {
      announce(pkg, needed) {
        announced.set(pkg.name, needed.registry?.data?.name);
        if (announced.size === many.length) everyoneAnnounced();
      },
      async collect() {
        const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false));
        seenAtCollect.push(await Promise.race([allAnnounced, timeout]));
        return missingEvidence("git", "skipped: test");
      },
    });
    await runSources([registry, git], many, run);
    expect(announced.size).toBe(many.length);
    expect(announced.get("p77")).toBe("p77");
    expect(seenAtCollect.every(Boolean)).toBe(true);
  });
});
