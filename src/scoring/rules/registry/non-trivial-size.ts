import { formatBytes } from "../../messages.js";
import { defineRule } from "../define-rule.js";

export const nonTrivialSize = defineRule({
  id: "nonTrivialSize",
  feeds: "adopt",
  signal: "unpackedSize",
  needs: [],
  points: (p) => p.points.nonTrivialSize,
  health: () => 0,
  doc: "Real work to replace: 100 KB unpacked, or, when the registry omits sizes, 40 KB of source code in the clone.",
  test: ({ facts, policy }) => {
    if (!facts.nonTrivial || !facts.size) return null;
    const limit =
      facts.size.from === "unpacked"
        ? policy.registry.nonTrivialBytes
        : policy.git.nonTrivialSourceBytes;
    return {
      args: {
        size: facts.size.text,
        what: sizeWord(facts.size.from),
        threshold: formatBytes(limit),
      },
    };
  },
});

export function sizeWord(from: "unpacked" | "source"): string {
  return from === "unpacked" ? "unpacked" : "of source code";
}
