import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/cli/did-you-mean.js";

describe("did you mean", () => {
  const names = ["lodash", "lodash.get", "left-pad", "@types/node", "debug", "ms"];

  it("suggests the nearest names for a typo or a part of a name", () => {
    expect(didYouMean("lodahs", names)).toEqual(["lodash"]);
    expect(didYouMean("@types/nod", names)).toEqual(["@types/node"]);
    expect(didYouMean("lodash.ge", names)).toEqual(["lodash.get"]);
    expect(didYouMean("pad", names)).toEqual(["left-pad"]);
  });

  it("suggests nothing far away, and at most three", () => {
    expect(didYouMean("react", names)).toEqual([]);
    expect(didYouMean("m", ["ma", "mb", "mc", "md"])).toHaveLength(3);
  });
});
