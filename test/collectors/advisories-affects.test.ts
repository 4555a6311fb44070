import { describe, expect, it } from "vitest";
import type { OsvEvent } from "../../src/collectors/advisories/types.js";
import {
  type AffectedEntry,
  affectsVersion,
  fixedVersions,
  lowestFixFor,
} from "../../src/signals/advisories/affects.js";

const range = (events: OsvEvent[], type = "SEMVER"): AffectedEntry => ({
  ranges: [{ type, events }],
  versions: [],
});

/** [case, affected entries, version, expected] — each checked exactly. */
const table: [string, AffectedEntry[], string, boolean | null][] = [
  [
    "introduced 0 opens from the first version",
    [range([{ introduced: "0" }, { fixed: "1.2.6" }])],
    "0.0.1",
    true,
  ],
  [
    "the fixed version itself is not affected",
    [range([{ introduced: "0" }, { fixed: "1.2.6" }])],
    "1.2.6",
    false,
  ],
  [
    "just below fixed is affected",
    [range([{ introduced: "0" }, { fixed: "1.2.6" }])],
    "1.2.5",
    true,
  ],
  ["introduced 0 with no end affects everything", [range([{ introduced: "0" }])], "99.0.0", true],
  [
    "below introduced is not affected",
    [range([{ introduced: "3.7.0" }, { fixed: "4.17.19" }])],
    "3.6.9",
    false,
  ],
  [
    "introduced itself is affected",
    [range([{ introduced: "3.7.0" }, { fixed: "4.17.19" }])],
    "3.7.0",
    true,
  ],
  [
    "last_affected itself is affected",
    [range([{ introduced: "0" }, { last_affected: "1.2.5" }])],
    "1.2.5",
    true,
  ],
  [
    "just above last_affected is not",
    [range([{ introduced: "0" }, { last_affected: "1.2.5" }])],
    "1.2.6",
    false,
  ],
  [
    "a pre-release of the fixed version is affected (OSV orders, npm ranges would not)",
    [range([{ introduced: "0" }, { fixed: "2.0.0" }])],
    "2.0.0-beta.1",
    true,
  ],
  [
    "a pre-release after a pre-release fix is not",
    [range([{ introduced: "0" }, { fixed: "2.0.0-rc.2" }])],
    "2.0.0-rc.10",
    false,
  ],
  [
    "a pre-release before a pre-release fix is",
    [range([{ introduced: "0" }, { fixed: "2.0.0-rc.2" }])],
    "2.0.0-rc.1",
    true,
  ],
  [
    "a pre-release of the introduced version is before it",
    [range([{ introduced: "2.0.0" }])],
    "2.0.0-alpha",
    false,
  ],
  [
    "second of two ranges (0.x fixed, 1.x open)",
    [
      range([{ introduced: "0" }, { fixed: "0.2.4" }]),
      range([{ introduced: "1.0.0" }, { fixed: "1.2.6" }]),
    ],
    "1.2.5",
    true,
  ],
  [
    "between two ranges",
    [
      range([{ introduced: "0" }, { fixed: "0.2.4" }]),
      range([{ introduced: "1.0.0" }, { fixed: "1.2.6" }]),
    ],
    "0.5.0",
    false,
  ],
  [
    "events out of order in one range are sorted first",
    [range([{ fixed: "1.2.6" }, { introduced: "1.0.0" }, { fixed: "0.2.4" }, { introduced: "0" }])],
    "0.5.0",
    false,
  ],
  [
    "re-introduced after a fix in one range",
    [range([{ introduced: "0" }, { fixed: "1.0.1" }, { introduced: "1.1.0" }, { fixed: "1.1.2" }])],
    "1.1.1",
    true,
  ],
  [
    "ECOSYSTEM ranges order npm versions as semver",
    [range([{ introduced: "0" }, { fixed: "4.17.12" }], "ECOSYSTEM")],
    "4.17.11",
    true,
  ],
  [
    "ECOSYSTEM: 4.17.9 < 4.17.12 numerically, not as text",
    [range([{ introduced: "4.17.10" }, { fixed: "4.17.12" }], "ECOSYSTEM")],
    "4.17.9",
    false,
  ],
  ["GIT ranges are ignored", [range([{ introduced: "0" }], "GIT")], "1.0.0", false],
  ["limit caps the range", [range([{ introduced: "0" }, { limit: "2.0.0" }])], "2.0.0", false],
  [
    "below the limit is affected",
    [range([{ introduced: "0" }, { limit: "2.0.0" }])],
    "1.9.9",
    true,
  ],
  ["limit * is no limit", [range([{ introduced: "0" }, { limit: "*" }])], "9.0.0", true],
  [
    "an explicit versions list matches exactly",
    [{ ranges: [], versions: ["1.0.3", "1.0.5"] }],
    "1.0.5",
    true,
  ],
  [
    "a version not in the list is not",
    [{ ranges: [], versions: ["1.0.3", "1.0.5"] }],
    "1.0.4",
    false,
  ],
  [
    "versions list or range: either affects",
    [{ ranges: [{ type: "SEMVER", events: [{ introduced: "2.0.0" }] }], versions: ["1.0.0"] }],
    "1.0.0",
    true,
  ],
  [
    "an unparseable bound neither opens nor closes",
    [range([{ introduced: "0" }, { fixed: "not-a-version" }])],
    "5.0.0",
    true,
  ],
  [
    "a non-semver installed version cannot be placed",
    [range([{ introduced: "0" }])],
    "latest",
    null,
  ],
  ["no affected entries affect nothing", [], "1.0.0", false],
];

describe("affectsVersion (OSV evaluation)", () => {
  it.each(table)("%s", (_name, affected, version, expected) => {
    expect(affectsVersion(version, affected)).toBe(expected);
  });
});

describe("fix versions", () => {
  const minimist = [
    range([{ introduced: "0" }, { fixed: "0.2.4" }]),
    range([{ introduced: "1.0.0" }, { fixed: "1.2.6" }]),
  ];

  it("lists every fixed version in order", () => {
    expect(fixedVersions(minimist)).toEqual(["0.2.4", "1.2.6"]);
  });

  it("picks the lowest fix above the installed version in its own line", () => {
    expect(lowestFixFor("1.2.5", [minimist])).toBe("1.2.6");
    expect(lowestFixFor("0.0.8", [minimist])).toBe("0.2.4");
  });

  it("picks a version that fixes every advisory at once", () => {
    const a = [range([{ introduced: "0" }, { fixed: "4.17.12" }])];
    const b = [range([{ introduced: "0" }, { fixed: "4.17.21" }])];
    expect(lowestFixFor("4.17.4", [a, b])).toBe("4.17.21");
  });

  it("skips a fixed version that another range affects again", () => {
    const reintroduced = [
      range([{ introduced: "0" }, { fixed: "1.0.1" }]),
      range([{ introduced: "1.0.1" }, { fixed: "1.0.3" }]),
    ];
    expect(lowestFixFor("1.0.0", [reintroduced])).toBe("1.0.3");
  });

  it("has no fix when only last_affected is known", () => {
    expect(
      lowestFixFor("1.2.5", [[range([{ introduced: "0" }, { last_affected: "1.2.5" }])]]),
    ).toBe(null);
  });
});
