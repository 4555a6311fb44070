import { defineSignal } from "../define-signal.js";

export const installScripts = defineSignal({
  id: "installScripts",
  needs: ["registry"],
  compute({ evidence: { registry }, pkg }) {
    const scripts = new Set<string>();
    for (const version of pkg.versions) {
      for (const script of registry.versions[version]?.installScripts ?? []) scripts.add(script);
    }
    return { value: [...scripts].sort() };
  },
});
