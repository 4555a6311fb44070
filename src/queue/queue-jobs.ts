import { createHash } from "node:crypto";
import type { QueuedSource } from "./queue-settings.js";

/**
 * What a job carries: only what its collector needs and nothing secret (the queue is
 * readable by anyone with Redis access). Workers use their own npm configuration,
 * tokens and git configuration.
 */
export type JobData =
  /** One packument: it answers for every version of the name. */
  | { source: "registry"; name: string }
  /** One repository, cloned once, read for each monorepo folder its packages name ("" for the root). */
  | { source: "git"; url: string; directories: string[]; allowHosts: string[] }
  /** One package at the versions the projects resolve (the registry's bulk advisories answer per version). */
  | { source: "advisories"; name: string; versions: string[] }
  /** One GitHub repository (`https://github.com/owner/name`). */
  | { source: "issues"; url: string };

/** The part of a job's data that names the work: equal data, equal job. */
function identityOf(data: JobData): string {
  switch (data.source) {
    case "registry":
      return data.name;
    case "git":
      return `${data.url}#${[...data.directories].sort().join(",")}`;
    case "advisories":
      return `${data.name}@${[...new Set(data.versions)].sort().join(",")}`;
    case "issues":
      return data.url;
  }
}

/**
 * The job id: the same work always gets the same id, so enqueuing it again while it
 * waits, runs or has just finished adds nothing (BullMQ ignores an id it holds). A hash,
 * because ids come from strangers' names and BullMQ refuses `:` in them.
 */
export function jobIdOf(data: JobData): string {
  const hash = createHash("sha256")
    .update(`${data.source}\0${identityOf(data)}`)
    .digest("hex");
  return `${data.source}-${hash.slice(0, 40)}`;
}

/** A readable name for the job, shown by `jenga queue status` (names are strangers' text: cut short). */
export function jobLabelOf(data: JobData): string {
  const label = identityOf(data);
  return label.length > 120 ? `${label.slice(0, 117)}...` : label;
}

export type JobSource = QueuedSource;
