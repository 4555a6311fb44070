import { formatBytes } from "../../messages.js";
import { defineRule } from "../define-rule.js";
import { sizeWord } from "./non-trivial-size.js";

export const tinyPackage = defineRule({
  id: "tinyPackage",
  feeds: "rewrite",
  signal: "unpackedSize",
  needs: [],
  points: (p) => p.points.tinyPackage,
  health: () => 0,
  doc: "A few functions (under 4 KB unpacked, or 2 KB of source code when the registry omits sizes): cheap to inline.",
  test: ({ facts, policy }) => {
    if (!facts.tiny || !facts.size) return null;
    const limit =
      facts.size.from === "unpacked" ? policy.registry.tinyBytes : policy.git.tinySourceBytes;
    return {
      args: {
        size: facts.size.text,
        what: sizeWord(facts.size.from),
        threshold: formatBytes(limit),
      },
    };
  },
});
