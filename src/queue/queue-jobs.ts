import { createHash } from "node:crypto";
import type { InventoryPackage, PackageOrigin } from "../inventory/types.js";
import type { QueuedSource } from "./queue-settings.js";

/**
 * One source's question about one package at the versions the projects resolve: what a
 * job carries, and nothing secret (anyone with Redis access can read the queue). Workers
 * use their own npm configuration, tokens and git configuration.
 */
export interface JobData {
  source: QueuedSource;
  name: string;
  versions: string[];
  origin: PackageOrigin;
  /** The project's `git.allowHosts` (private hosts its repositories may name); git jobs only. */
  allowHosts: string[];
}

export function jobDataOf(
  source: QueuedSource,
  pkg: InventoryPackage,
  allowHosts: readonly string[],
): JobData {
  return {
    source,
    name: pkg.name,
    versions: [...new Set(pkg.versions)].sort(),
    origin: pkg.origin,
    allowHosts: source === "git" ? [...allowHosts].sort() : [],
  };
}

/** The package a job names, as a source reads it (name, versions, origin; nothing else matters to a source). */
export function packageOfJob(data: JobData): InventoryPackage {
  return {
    name: data.name,
    versions: data.versions,
    direct: false,
    scopes: ["prod"],
    dependents: 0,
    path: [],
    dependencies: [],
    via: [],
    projects: [],
    origin: data.origin,
  };
}

function identityOf(data: JobData): string {
  const hosts = data.allowHosts.length > 0 ? ` allow ${data.allowHosts.join(",")}` : "";
  return `${data.name}@${data.versions.join(",")}${hosts}`;
}

/**
 * The job id: source + package@versions, so the same question always gets the same id
 * and enqueuing it again while it waits, runs or has just finished adds nothing (BullMQ
 * ignores an id it holds). A hash, because names come from strangers and BullMQ refuses
 * `:` in ids.
 */
export function jobIdOf(data: JobData): string {
  const hash = createHash("sha256")
    .update(`${data.source}\0${identityOf(data)}`)
    .digest("hex");
  return `${data.source}-${hash.slice(0, 40)}`;
}

/** A readable name for the job, shown by `jenga queue status` (strangers' text: cut short). */
export function jobLabelOf(data: JobData): string {
  const label = identityOf(data);
  return label.length > 120 ? `${label.slice(0, 117)}...` : label;
}
