import { load } from "cheerio";
import { InputError } from "../errors.js";
import { pushAll } from "../util/extremes.js";
import { type CycloneDxBom, type CycloneDxComponent, cycloneDxGraph } from "./cyclonedx.js";
import type { LockInput } from "./lock-input.js";
import type { LockGraph } from "./types.js";

/**
 * CycloneDX XML (1.2-1.6, @cyclonedx/cyclonedx-npm `--output-format XML`),
 * read into the same model as the JSON reader. Parsed by htmlparser2 (through
 * cheerio, already a dependency) in XML mode: it decodes only the predefined
 * and numeric entities and never reads a DTD, so neither entity expansion
 * ("billion laughs") nor external entities can happen; a DTD is refused
 * outright all the same, since no CycloneDX document has one.
 */
export function parseCycloneDxXml(input: LockInput): LockGraph {
  return cycloneDxGraph(bomOfXml(input.text, input.label), input);
}

/** The part of htmlparser2's DOM this reader walks (domhandler's nodes, structurally). */
interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

const HINT = "The file is corrupt or truncated: regenerate it with the tool that wrote it.";

export function bomOfXml(text: string, label: string): CycloneDxBom {
  const doctype = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (doctype) {
    throw new InputError(
      label,
      `refused: a ${doctype[1]?.toUpperCase()} declaration (CycloneDX XML has no DTD, and jenga reads none)`,
      lineAt(text, doctype.index),
    );
  }
  // htmlparser2 forgives a missing end; a truncated SBOM must not read as a smaller one.
  if (!/<\/([\w.-]+:)?bom>\s*$/.test(text)) {
    throw new InputError(
      label,
      "invalid XML: the document ends before </bom>",
      lineAt(text, text.trimEnd().length),
      HINT,
    );
  }
  const document = load(text, { xml: true }).root()[0] as unknown as XmlNode;
  const bom = elements(document).find((element) => localName(element) === "bom");
  if (!bom || !/cyclonedx\.org\/schema\/bom/.test(namespaceOf(bom))) {
    throw new InputError(label, "not a CycloneDX SBOM: the root element is not a CycloneDX <bom>");
  }
  const metadata = child(bom, "metadata");
  const root = metadata && child(metadata, "component");
  const dependencies = child(bom, "dependencies");
  return {
    root: root && componentOf(root),
    components: componentsOf(child(bom, "components")),
    dependencies: dependencies ? dependenciesOf(dependencies) : null,
  };
}

/** Top-level components and those nested in the component that bundles them; not the tools' own. */
function componentsOf(list: XmlNode | undefined): CycloneDxComponent[] {
  const found: CycloneDxComponent[] = [];
  const stack = list ? children(list, "component") : [];
  while (stack.length > 0) {
    const component = stack.pop() as XmlNode;
    found.push(componentOf(component));
    const nested = child(component, "components");
    if (nested) pushAll(stack, children(nested, "component"));
  }
  return found;
}

function componentOf(component: XmlNode): CycloneDxComponent {
  const properties = child(component, "properties");
  const references = child(component, "externalReferences");
  const distribution = references
    ? children(references, "reference").find(
        (reference) => reference.attribs?.type === "distribution",
      )
    : undefined;
  const url = distribution && child(distribution, "url");
  return {
    bomRef: component.attribs?.["bom-ref"],
    name: textOf(child(component, "name")),
    purl: textOf(child(component, "purl")),
    scope: textOf(child(component, "scope")),
    development: properties
      ? children(properties, "property").some(
          (property) =>
            property.attribs?.name === "cdx:npm:package:development" && textOf(property) === "true",
        )
      : false,
    distributionUrl: textOf(url),
  };
}

/** `<dependency ref="a"><dependency ref="b"/></dependency>`: the XML form of `dependsOn`. */
function dependenciesOf(list: XmlNode): { ref: string; dependsOn: string[] }[] {
  const found: { ref: string; dependsOn: string[] }[] = [];
  for (const dependency of children(list, "dependency")) {
    const ref = dependency.attribs?.ref;
    if (ref === undefined) continue;
    const dependsOn: string[] = [];
    for (const to of children(dependency, "dependency")) {
      if (to.attribs?.ref !== undefined) dependsOn.push(to.attribs.ref);
    }
    found.push({ ref, dependsOn });
  }
  return found;
}

function elements(node: XmlNode): XmlNode[] {
  return (node.children ?? []).filter((item) => item.type === "tag");
}

/** A prefixed document (`<cdx:bom xmlns:cdx="…">`) reads as an unprefixed one. */
function localName(element: XmlNode): string {
  return (element.name ?? "").replace(/^[^:]*:/, "");
}

function namespaceOf(element: XmlNode): string {
  const prefix = /^([^:]*):/.exec(element.name ?? "")?.[1];
  return element.attribs?.[prefix ? `xmlns:${prefix}` : "xmlns"] ?? "";
}

function children(element: XmlNode, name: string): XmlNode[] {
  return elements(element).filter((item) => localName(item) === name);
}

function child(element: XmlNode, name: string): XmlNode | undefined {
  return elements(element).find((item) => localName(item) === name);
}

/** The element's own text and CDATA, trimmed; undefined for a missing element. */
function textOf(element: XmlNode | undefined): string | undefined {
  if (!element) return undefined;
  let text = "";
  for (const item of element.children ?? []) {
    if (item.type === "text") text += item.data ?? "";
    else if (item.type === "cdata")
      for (const inner of item.children ?? []) text += inner.data ?? "";
  }
  return text.trim();
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
