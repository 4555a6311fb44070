import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { pageFileName } from "../../src/reports/html/file-names.js";
import { writeHtml } from "../../src/reports/html/write-html.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const mirrorWhy =
  "the registry's time map has no created or modified entry, as rewritten by mirrors";

/** A package as a mirror leaves it: times rewritten, deprecation and maintainers stripped. */
const mirrored = packageResult({
  name: "mirrored",
  direct: true,
  via: ["mirrored"],
  signals: {
    deprecated: {
      value: false,
      unit: "boolean",
      trusted: false,
      note: "the registry omits deprecation data",
    },
    installScripts: { value: [], unit: "list", trusted: true },
    monthsSinceLastPublish: { value: 0, unit: "months", trusted: false },
    ageYears: { value: 2.8, unit: "years", trusted: false },
    publishTimesTrusted: { value: false, unit: "boolean", trusted: true, note: mirrorWhy },
    versionCount: { value: 93, unit: "count", trusted: true },
  },
});

function signalRows() {
  const files = writeHtml(jengaResult([mirrored]));
  const $ = cheerio.load(files[`packages/${pageFileName("mirrored")}`] ?? "");
  const rows = $("#signals-h").parent().find("tbody tr");
  const byTitle = new Map<string, string>();
  rows.each((_, row) => {
    byTitle.set($(row).find("th").text(), $(row).find("td").first().text());
  });
  return { $, byTitle };
}

describe("HTML report: a package page says nothing it does not know", () => {
  it("shows an empty list as none, never 0 points", () => {
    const { byTitle } = signalRows();
    expect(byTitle.get("Install scripts")).toBe("none");
    expect([...byTitle.values()].join(" ")).not.toContain("points");
  });

  it("shows deprecation as unknown when the registry omits it, never 'no'", () => {
    expect(signalRows().byTitle.get("Deprecated")).toBe("unknown (not trusted)");
  });

  it("shows no age or rate read off publish times jenga marks as rewritten", () => {
    const { byTitle } = signalRows();
    expect(byTitle.get("Months since last publish")).toBe("not shown: publish times rewritten");
    expect(byTitle.get("Age")).toBe("not shown: publish times rewritten");
    // A count of versions does not rest on the times.
    expect(byTitle.get("Versions")).toBe("93");
  });

  it("never lists a package as reached via itself", () => {
    const { $ } = signalRows();
    expect($("dt:contains('Via') + dd").text()).toBe("—");
  });

  it("names the sources whose signals are left out", () => {
    const { $ } = signalRows();
    expect($("#signals-h").parent().text()).toContain(
      "No signals from git, advisories, issues, usage",
    );
  });
});
