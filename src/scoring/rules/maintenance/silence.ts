import type { PackageFacts } from "../../facts.js";

/** What a silence is made of, for reasons: "no commit by a person and no release". */
export function silenceArgs(facts: PackageFacts): Record<string, string | number> {
  const what =
    facts.commitSilence !== null && facts.releaseSilence !== null
      ? `no commit by a person and no release${facts.releaseFrom === "tags" ? " (git tag)" : ""}`
      : facts.commitSilence !== null
        ? "no commit by a person"
        : "no release";
  return { what, months: facts.silence ?? 0 };
}
