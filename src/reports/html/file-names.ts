import { createHash } from "node:crypto";

/** Long enough to read in a URL bar, short enough for any file system's 255-byte name limit. */
const maxReadableLength = 60;

/**
 * The file name of a page about a package or project. Names come from
 * strangers (`../../x`, `<script>`, 10,000 characters): unsafe characters
 * become `_`, a leading dot cannot survive, and a hash of the whole name keeps
 * distinct names distinct, so a name can never choose or escape its folder.
 */
export function pageFileName(name: string): string {
  const readable = name
    .replace(/[^a-zA-Z0-9._-]/g, "_")
    .slice(0, maxReadableLength)
    .replace(/^\.+/, "_");
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 12);
  return `${readable}-${hash}.html`;
}

export const packagePagePath = (name: string): string => `packages/${pageFileName(name)}`;
export const projectPagePath = (path: string): string => `projects/${pageFileName(path)}`;
