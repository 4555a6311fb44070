import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { useSmallApp } from "../cli/small-app.js";
import { runJenga } from "../helpers/cli.js";

const { state } = useSmallApp();

interface Pkg {
  name: string;
  sources: { registry: string; advisories: string };
  signals: Record<string, { note?: string }>;
}

describe("damaged cache values", () => {
  it("are misses, never a crash or an empty answer: offline says not in cache, online refetches and rewrites", async () => {
    const dir = path.join(state.project.home, "cache");
    const cache = createDiskCache({ dir, mode: "normal", now: () => new Date() });
    // What a damaged file, another jenga version or a hand edit can leave behind.
    await cache.write("registry", "left-pad", "garbage");
    await cache.write("registry", "debug", {});
    await cache.write("registry", "ms", { name: "ms", versions: { "2.1.3": { time: 42 } } });
    await cache.write("advisories", "debug", null);
    const run = (extra: string[]) =>
      runJenga(["analyze", "--quiet", "--json", "-", "--cache", dir, "--no-git", ...extra], {
        cwd: state.project.dir,
        home: state.project.home,
      });

    const offline = await run(["--offline"]);
    expect(offline.code).toBe(0);
    const packages: Pkg[] = JSON.parse(offline.stdout).packages;
    for (const p of packages.filter((p) => p.name !== "is-number"))
      expect(p.sources.registry, p.name).toBe("offline: not in cache");
    // A cached `null` for advisories is not "no advisories": it is nothing known.
    expect(packages.find((p) => p.name === "debug")?.sources.advisories).not.toBe("ok");
    const notes = packages.flatMap((p) => Object.values(p.signals).map((s) => s.note ?? ""));
    expect(notes.filter((n) => n.includes("internal error"))).toEqual([]);

    const online = await run(["--no-advisories"]);
    expect(online.code).toBe(0);
    const fresh: Pkg[] = JSON.parse(online.stdout).packages;
    expect(fresh.find((p) => p.name === "left-pad")?.sources.registry).toBe("ok");
    const rewritten = await cache.read<{ name: string }>("registry", "left-pad");
    expect(rewritten?.value.name).toBe("left-pad");
  });
});
