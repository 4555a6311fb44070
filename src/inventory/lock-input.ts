import type { Manifests } from "./manifest.js";

/** What every lockfile parser receives: the text and the manifests it may need. Parsers do no I/O. */
export interface LockInput {
  /** Absolute path of the file, recorded in the graph. */
  file: string;
  /** The file as the user would recognise it, for error messages. */
  label: string;
  text: string;
  /** package.json of the root ("") and of each workspace, keyed by folder relative to the file's folder. */
  manifests: Manifests;
  /** Name of the root importer when neither the lockfile nor a manifest has one: the folder's name. */
  fallbackName: string;
}
