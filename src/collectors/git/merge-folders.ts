import type { SameAsParent } from "./folder-histories.js";
import type { LocalGit } from "./git-blobs.js";
import { streamGit } from "./git-process.js";

/**
 * For each merge reachable from HEAD: whether each folder is the same in the
 * merge as in each of its parents, which decides git's history simplification
 * (see folder-histories.ts). Read from tree ids only (`<commit>:<folder>`), which a
 * blobless clone holds; a repository without merges costs one `rev-list`.
 */

/** Lookups per `cat-file` process: its input is written at once, so it is kept to a few MB. */
const lookupsPerProcess = 40_000;

export async function mergeFolderSameness(
  local: LocalGit,
  folders: readonly string[],
): Promise<SameAsParent> {
  const merges: string[][] = [];
  await streamGit(["rev-list", "--merges", "--parents", "HEAD"], {
    ...local,
    onLine: (line) => {
      const ids = line.trim().split(" ");
      if (ids.length > 2) merges.push(ids);
    },
  });
  const folderIndex = new Map(folders.map((f, i) => [f, i]));
  /** Per merge: for each parent, for each folder, 1 when the folder is the same. */
  const same = new Map<string, Uint8Array>();
  let batch: string[][] = [];
  let lookups = 0;
  const flush = async () => {
    if (batch.length > 0) await compareBatch(local, batch, folders, same);
    batch = [];
    lookups = 0;
  };
  for (const ids of merges) {
    batch.push(ids);
    lookups += ids.length * folders.length;
    if (lookups >= lookupsPerProcess) await flush();
  }
  await flush();
  return (merge, parentIndex, folder) => {
    const index = folderIndex.get(folder);
    const bits = same.get(merge);
    if (index === undefined || !bits) return false;
    return bits[parentIndex * folders.length + index] === 1;
  };
}

async function compareBatch(
  local: LocalGit,
  batch: readonly string[][],
  folders: readonly string[],
  same: Map<string, Uint8Array>,
): Promise<void> {
  const input: string[] = [];
  for (const ids of batch) for (const id of ids) for (const f of folders) input.push(`${id}:${f}`);
  const trees: string[] = [];
  await streamGit(["cat-file", "--batch-check=%(objectname)"], {
    ...local,
    stdin: `${input.join("\n")}\n`,
    // `<id>:<folder> missing` when the folder does not exist there: absent on both sides is the same.
    onLine: (line) => trees.push(/^[0-9a-f]{40,64}$/.test(line) ? line : "-"),
  });
  if (trees.length !== input.length) throw new Error("git cat-file answered out of step");
  let at = 0;
  for (const ids of batch) {
    const [merge = "", ...parents] = ids;
    const own = trees.slice(at, at + folders.length);
    const bits = new Uint8Array(parents.length * folders.length);
    parents.forEach((_, p) => {
      const base = at + (p + 1) * folders.length;
      for (let f = 0; f < folders.length; f++)
        bits[p * folders.length + f] = own[f] === trees[base + f] ? 1 : 0;
    });
    same.set(merge, bits);
    at += ids.length * folders.length;
  }
}
