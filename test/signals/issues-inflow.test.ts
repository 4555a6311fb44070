import { describe, expect, it } from "vitest";
import { issueSignalSet, widgetIssues } from "./issues-evidence.js";

describe("issueInflow", () => {
  it("counts issues opened per month over the window, with how they stand now", () => {
    const s = issueSignalSet(widgetIssues());
    const value = s.issueInflow.value as Record<string, string | number>[];
    // From the window's first month (2024-05) to now's (2026-06), empty months included.
    expect(value).toHaveLength(26);
    expect(value[0]).toEqual({ month: "2024-05", count: 0, open: 0 });
    expect(value.at(-1)).toEqual({ month: "2026-06", count: 0, open: 0 });
    const busy = value.filter((p) => Number(p.count) > 0);
    expect(busy).toEqual([
      { month: "2025-01", count: 1, open: 1 },
      { month: "2025-10", count: 1, open: 0, closeDays: 30 },
      { month: "2026-02", count: 1, open: 1 },
      { month: "2026-04", count: 1, open: 0, closeDays: 10 },
      { month: "2026-05", count: 1, open: 1 },
    ]);
    expect(s.issueInflow.unit).toBe("series");
    expect(s.issueInflow.detail).toEqual({ months: 26, opened: 5 });
  });

  it("is unknown when the tracker is off", () => {
    const s = issueSignalSet(widgetIssues({ hasIssues: false }));
    expect(s.issueInflow.value).toBeNull();
    expect(s.issueInflow.note).toContain("turned off");
  });
});
