import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

const flowFile = `/**
 * @flow strict
 */
import type { Node } from "react";
import { format } from "date-fns";

type Props = {| +at: Date |};

export default function When({ at }: Props): Node {
  return <time>{format(at, "PP")}</time>;
}
`;

describe("Flow in .js files", () => {
  it("parses a file with an @flow pragma, with its type imports and JSX", () => {
    const analysis = analyzeUsage({
      files: [{ path: "src/when.js", text: flowFile }],
      manifests: [
        { dir: "", data: { main: "src/when.js", dependencies: { react: "1", "date-fns": "1" } } },
      ],
    });
    expect(analysis.blindSpots).toEqual([]);
    expect(analysis.packages.get("react")?.class).toBe("type-only");
    expect(analysis.packages.get("date-fns")?.symbols).toEqual(["format"]);
    expect(analysis.packages.get("date-fns")?.class).toBe("runtime");
  });

  it("does not read Flow types in a file without the pragma", () => {
    const analysis = analyzeUsage({
      files: [{ path: "src/when.js", text: flowFile.replace("@flow strict", "a component") }],
      manifests: [{ dir: "", data: { main: "src/when.js", dependencies: { react: "1" } } }],
    });
    expect(analysis.blindSpots.map((s) => s.kind)).toEqual(["parse-error"]);
  });
});
