import type { BlindSpot, UsageEvidence } from "./types.js";

/**
 * The workspace a project file belongs to: the deepest folder among the
 * manifests' (`""` is the root) that holds it. Knip judges each workspace on
 * its own files too: a package one workspace declares and another imports
 * works only while the installer hoists it.
 */
export function workspaceOwner(dirs: readonly string[]): (file: string) => string {
  const deepestFirst = [...new Set(dirs)].sort((a, b) => b.length - a.length);
  return (file) =>
    deepestFirst.find((dir) => dir === "" || file === dir || file.startsWith(`${dir}/`)) ?? "";
}

/**
 * Where a monorepo's declarations and uses of one package disagree: the
 * workspaces that declare it and never use it while another does, and those
 * that use it without declaring it while another declares it. The root's
 * declarations serve every workspace (shared tooling is declared once there),
 * so a root declaration is never "unused here" when a workspace uses it, and a
 * workspace using what the root declares is not undeclared. Null when nothing
 * disagrees, or when the class already says it all (declared nowhere: the class
 * is `undeclared`; used nowhere: `unused`).
 */
export function misplacedDeclarations(
  declaredBy: readonly string[],
  usedBy: ReadonlySet<string>,
): UsageEvidence["misplaced"] | null {
  if (declaredBy.length === 0 || usedBy.size === 0) return null;
  const rootDeclares = declaredBy.includes("");
  const declaredNotUsed = [...new Set(declaredBy)].filter((dir) => dir !== "" && !usedBy.has(dir));
  const usedNotDeclared = rootDeclares
    ? []
    : [...usedBy].filter((dir) => !declaredBy.includes(dir)).sort();
  if (declaredNotUsed.length === 0 && usedNotDeclared.length === 0) return null;
  return { declaredNotUsed: declaredNotUsed.sort(), usedNotDeclared };
}

/**
 * Whether a blind spot could hide a use of a package declared by `declaredBy`:
 * a computed `require` in one workspace loads what that workspace or the root
 * can resolve, so it says nothing about a package only a sibling declares.
 * Spots outside any workspace (the root's files, tsconfig, package.json
 * pseudo-files) and packages declared nowhere stay in scope.
 */
export function blindSpotInScope(
  spot: BlindSpot,
  declaredBy: readonly string[],
  ownerOf: (file: string) => string,
): boolean {
  const owner = ownerOf(spot.file);
  return (
    owner === "" || declaredBy.length === 0 || declaredBy.includes("") || declaredBy.includes(owner)
  );
}

/**
 * The declared packages a computed specifier without literal choices or a
 * prefix (`require(name)`) may load: those whose name is written somewhere
 * jenga read, as a string in the code, a config file or a script (a plugin
 * list, a loader table, `--reporter x`). A name written nowhere reaches such a
 * call only from outside the project (an argument, the environment), which is
 * a use the project does not declare a need for.
 */
export function namesWrittenIn(
  strings: Iterable<string>,
  declared: ReadonlySet<string>,
): Set<string> {
  const found = new Set<string>();
  for (const s of strings) {
    if (declared.has(s)) found.add(s);
    else {
      // `lodash/get`, `@scope/pkg/sub`: the package part.
      const slash = s.indexOf("/", s.startsWith("@") ? s.indexOf("/") + 1 : 0);
      if (slash > 0 && declared.has(s.slice(0, slash))) found.add(s.slice(0, slash));
    }
  }
  return found;
}
