import type { IssueRecord, IssuesEvidence } from "../../src/collectors/issues/types.js";
import type { SignalSet as IssueSignalSet } from "../../src/signals/compute-signals.js";
import type { Computed, SignalResult } from "../../src/signals/define-signal.js";
import {
  type IssueSignalId,
  issueSignalCatalog,
} from "../../src/signals/issues/catalog-entries.js";
import { issueSignals } from "../../src/signals/issues/index.js";
import { maintenanceNotice } from "../../src/signals/issues/maintenance-notice.js";
import { inventoryPackage, now } from "../helpers/evidence.js";

/** The evidence the collector reads from test/fixtures/github/widget (see issues-collect.test.ts). */
export function widgetIssues(extra: Partial<IssuesEvidence> = {}): IssuesEvidence {
  return {
    repository: "https://github.com/example/widget",
    archived: false,
    hasIssues: true,
    windowStart: "2024-05-31T12:00:00.000Z",
    coveredSince: "2024-05-31T12:00:00.000Z",
    issues: [
      { number: 12, createdAt: "2026-05-28T09:00:00Z", closedAt: null, bug: false },
      {
        number: 10,
        createdAt: "2026-04-01T00:00:00Z",
        closedAt: "2026-04-11T00:00:00Z",
        bug: true,
        firstResponseAt: "2026-04-04T00:00:00Z",
      },
      {
        number: 9,
        createdAt: "2026-02-01T00:00:00Z",
        closedAt: null,
        bug: true,
        firstResponseAt: null,
      },
      {
        number: 7,
        createdAt: "2025-10-01T00:00:00Z",
        closedAt: "2025-10-31T00:00:00Z",
        bug: false,
      },
      {
        number: 6,
        createdAt: "2025-01-01T00:00:00Z",
        closedAt: null,
        bug: false,
        firstResponseAt: "2025-01-11T00:00:00Z",
      },
    ],
    pulls: [
      { createdAt: "2026-05-01T10:00:00Z", mergedAt: "2026-05-03T10:00:00Z", outside: true },
      { createdAt: "2025-12-01T00:00:00Z", mergedAt: null, outside: false },
      { createdAt: "2024-08-01T00:00:00Z", mergedAt: "2024-08-05T00:00:00Z", outside: false },
    ],
    open: {
      count: 3,
      bugs: 1,
      createdAt: ["2025-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-05-28T09:00:00Z"],
      complete: true,
    },
    securityPolicy: true,
    fundingFile: true,
    readmeNotices: [],
    requests: 11,
    ...extra,
  };
}

/** Every issue signal over one evidence, as computeSignals would give them. */
export function issueSignalSet(issues: IssuesEvidence): Required<IssueSignalSet> {
  const set: Record<string, SignalResult> = {};
  for (const signal of issueSignals)
    set[signal.id] = toResultLoose(
      signal.id,
      signal.compute({ evidence: { issues }, pkg: inventoryPackage(), now }),
    );
  set.maintenanceNotice = toResultLoose(
    "maintenanceNotice",
    maintenanceNotice.compute({ evidence: { issues }, pkg: inventoryPackage(), now } as never),
  );
  return set as Required<IssueSignalSet>;
}

/** As toResult in define-signal.ts, with the unit from the issue catalog itself. */
function toResultLoose(id: IssueSignalId, computed: Computed): SignalResult {
  const result: SignalResult = {
    value: computed.value,
    unit: issueSignalCatalog[id].unit,
    trusted: computed.trusted ?? true,
  };
  if (computed.note) result.note = computed.note;
  if (computed.detail) result.detail = computed.detail;
  return result;
}

/** `n` issues opened `daysAgo` days before now, with the given fate. */
export function issuesAgo(
  from: number,
  daysAgo: number[],
  fate: (i: number) => Partial<IssueRecord> = () => ({}),
): IssueRecord[] {
  return daysAgo.map((d, i) => ({
    number: from + i,
    createdAt: new Date(now.getTime() - d * 86_400_000).toISOString(),
    closedAt: null,
    bug: false,
    ...fate(i),
  }));
}
