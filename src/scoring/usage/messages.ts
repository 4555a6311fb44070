/**
 * The usage findings' words (spread into `messages` in ../messages.ts). Each
 * names the evidence: where the package is (or is not) used.
 */
type Args = Record<string, string | number>;

export const usageMessages = {
  declaredNeverImported: (a: Args) =>
    `declared in ${a.declaredAs} but never imported, run by a script or named in a config file`,
  typesShippedByPackage: (a: Args) =>
    `${a.typed} ships its own type declarations, which TypeScript loads instead: this @types package is never used`,
  deadCodeOnly: (a: Args) =>
    `imported only by files no entry point reaches (${a.sites}): remove them and the package`,
  misplacedInDependencies: (a: Args) =>
    `declared in dependencies but used only ${a.use} (${a.evidence}): move it to devDependencies`,
  misplacedDeclaration: (a: Args) =>
    `${[a.declaredNotUsed && `declared by ${a.declaredNotUsed}, which never uses it`, a.usedNotDeclared && `imported by ${a.usedNotDeclared}, which does not declare it`].filter(Boolean).join("; ")}: it works only while npm hoists it`,
  nativeReplacement: (a: Args) =>
    `the platform replaces it: ${a.replacements}${a.symbols ? ` (you use ${a.symbols})` : ""}`,
  microUtilityReplacement: (a: Args) =>
    `a few lines replace it: ${a.replacements}${a.symbols ? ` (you use ${a.symbols})` : ""}`,
  heavilyUsed: (a: Args) =>
    `used from ${a.sites} places in ${a.files} files (heavy from ${a.threshold}): costly to remove or replace`,
  smallUsedFraction: (a: Args) =>
    `you use ${a.exports ? `${a.exports} exports, ` : ""}${a.percent}% of its code (${a.usedKb} of ${a.totalKb} KB): little to own`,
  largeUsedFraction: (a: Args) =>
    `you reach ${a.percent}% of its code (${a.usedKb} of ${a.totalKb} KB): a rewrite would redo most of it`,
  usageUnknown: (a: Args) => `no import found, but ${a.blindSpot}: usage unknown`,
} as const satisfies Record<string, (args: Args) => string>;

export type UsageMessageCode = keyof typeof usageMessages;
