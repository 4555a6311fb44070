import type { SignalSet } from "../../../signals/compute-signals.js";

/** The usage class and its detail, as the usage rules read them. */
export function usageOf(signals: SignalSet) {
  const usage = signals.usageClass;
  if (!usage || typeof usage.value !== "string") return null;
  const detail = usage.detail ?? {};
  return {
    value: usage.value,
    detail,
    note: usage.note ?? "",
    declaredAs: String(detail.declaredAs ?? ""),
  };
}

const sections: Record<string, string> = {
  prod: "dependencies",
  dev: "devDependencies",
  optional: "optionalDependencies",
  peer: "peerDependencies",
};

export function sectionsOf(declaredAs: string): string {
  return declaredAs
    .split(", ")
    .map((s) => sections[s] ?? s)
    .join(" and ");
}
