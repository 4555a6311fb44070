import { InputError } from "../errors.js";
import type { LockInput } from "./lock-input.js";
import { checkSpdxVersion, type SpdxDocument, type SpdxPackage, spdxGraph } from "./spdx.js";
import type { LockGraph } from "./types.js";

/**
 * SPDX 2.3 tag-value (https://spdx.github.io/spdx-spec/v2.3/conformance/ and
 * the package and relationship clauses' examples): one `Tag: value` per line,
 * `#` comments, multi-line values between `<text>` and `</text>`. A package
 * section starts at `PackageName:` and its fields follow until the next
 * section (another package, a file, a snippet or a license); relationships may
 * stand anywhere. Read into the same model as the JSON form.
 */
export function parseSpdxTagValue(input: LockInput): LockGraph {
  return spdxGraph(documentOfTagValue(input.text, input.label), input);
}

/** Tags that start a section whose SPDXID is not a package's. */
const OTHER_SECTIONS = new Set(["FileName", "SnippetSPDXID", "LicenseID"]);

export function documentOfTagValue(text: string, label: string): SpdxDocument {
  const document: SpdxDocument = { describes: [], packages: [], relationships: [] };
  let current: SpdxPackage | undefined;
  let version: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === "" || line.startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const tag = line.slice(0, colon).trim();
    let value = line.slice(colon + 1).trim();
    if (value.startsWith("<text>")) {
      // Skip to the line that closes the text; its content is never a field this reader needs.
      while (!value.includes("</text>") && index + 1 < lines.length)
        value = lines[++index] as string;
      continue;
    }
    if (tag === "SPDXVersion") version = value;
    else if (tag === "PackageName") {
      current = {
        spdxId: undefined,
        name: value,
        purl: undefined,
        downloadLocation: undefined,
        fileName: undefined,
      };
      document.packages.push(current);
    } else if (OTHER_SECTIONS.has(tag)) current = undefined;
    else if (tag === "Relationship") {
      const [from, type, to] = value.split(/\s+/);
      if (from && type && to) document.relationships.push({ from, type: type.toUpperCase(), to });
    } else if (current) readPackageField(current, tag, value);
  }
  if (version === undefined) {
    throw new InputError(label, "not an SPDX SBOM: no SPDXVersion tag");
  }
  checkSpdxVersion(version, label);
  return document;
}

function readPackageField(pkg: SpdxPackage, tag: string, value: string): void {
  if (tag === "SPDXID" && pkg.spdxId === undefined) pkg.spdxId = value;
  else if (tag === "PackageDownloadLocation") pkg.downloadLocation = value;
  else if (tag === "PackageFileName") pkg.fileName = value;
  else if (tag === "ExternalRef" && pkg.purl === undefined) {
    // `ExternalRef: PACKAGE-MANAGER purl pkg:npm/name@1.0.0` (SPDX 2.2 spelled the category PACKAGE_MANAGER).
    const [, type, locator] = value.split(/\s+/);
    if (type === "purl" && locator) pkg.purl = locator;
  }
}
