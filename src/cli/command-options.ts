/** Flags of every command that runs the analysis. */
export interface AnalysisOptions {
  offline?: boolean;
  refresh?: boolean;
  cache?: string;
  config?: string;
  concurrency: number;
  git: boolean;
  usage: boolean;
  advisories: boolean;
  osv?: string;
  quiet?: boolean;
  /** `analyze --queue URL`: collect through queue workers on this Redis (src/queue/). */
  queue?: string;
  /** `analyze --projects FILE`: more project paths, one a line. */
  projects?: string;
}

/** `analyze` and `gate` also write reports. */
export interface CommonOptions extends AnalysisOptions {
  /** Absent for `gate` unless asked: then no HTML report is written. */
  out?: string;
  json?: string;
  markdown?: string;
  sarif?: string;
  csv?: string;
}

export interface GateOptions extends CommonOptions {
  baseline?: string;
  failOn?: string;
  minHealth?: string;
  failOnSeverity?: string;
  allowMissing?: string;
}

export interface RulesOptions {
  config?: string;
  json?: boolean;
}

/** `check` prints a card, or the JSON result instead with `--json -`. */
export interface CheckOptions extends AnalysisOptions {
  json?: string;
}

/** `explain` reads the last JSON result unless `--refresh`, or this one. */
export interface ExplainOptions extends AnalysisOptions {
  result?: string;
}

/** `diff` prints text, or a document instead with `--json -` or `--markdown -`. */
export interface DiffOptions {
  json?: string;
  markdown?: string;
}

/** `jenga worker` and `jenga queue status`. */
export interface WorkerOptions {
  queue: string;
  cache?: string;
  concurrency?: number;
  quiet?: boolean;
}
