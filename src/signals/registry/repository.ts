import { normalizeRepositoryUrl } from "../../collectors/repository-url.js";
import { defineSignal } from "../define-signal.js";

export const repository = defineSignal({
  id: "repository",
  needs: ["registry"],
  compute({ evidence: { registry } }) {
    const field = registry.repository;
    const normalized = normalizeRepositoryUrl(field?.url, field?.directory ?? null);
    if (!normalized)
      return { value: null, ...(field?.url ? { note: "unrecognised repository URL" } : {}) };
    return {
      value: normalized.url,
      ...(normalized.directory ? { note: `directory ${normalized.directory}` } : {}),
    };
  },
});
