import semver from "semver";
import { defineSignal } from "../define-signal.js";
import { dayMs } from "../time.js";

/**
 * A version published long after its own git tag was not published then: a proxy that
 * keeps `created` and `modified` but rewrites each version's time (with its copy time)
 * passes every check the packument alone allows; the tags give it away. Two months of
 * slack covers tagging a release candidate and publishing later.
 */
const slackMs = 60 * dayMs;

export const publishMatchesTags = defineSignal({
  id: "publishMatchesTags",
  needs: ["registry", "git"],
  compute({ evidence: { registry, git } }) {
    const tagTimes = new Map<string, number>();
    for (const tag of git.tags) {
      const version = versionOfTag(tag.name, registry.name);
      if (version && !tagTimes.has(version)) tagTimes.set(version, tag.time * 1000);
    }
    let matched = 0;
    for (const [version, record] of Object.entries(registry.versions)) {
      const tagged = tagTimes.get(version);
      const published = record.time ? Date.parse(record.time) : Number.NaN;
      if (tagged === undefined || !Number.isFinite(published)) continue;
      matched++;
      if (published > tagged + slackMs)
        return {
          value: false,
          note: `${version} was tagged ${day(tagged)} but "published" ${day(published)}: the registry rewrote its publish times`,
        };
    }
    if (matched === 0) return { value: null, note: "no tag names a published version" };
    return { value: true, detail: { versions: matched } };
  },
});

/** `v1.2.3`, `1.2.3`, `name@1.2.3`, `name-v1.2.3`, `release-1.2.3` → `1.2.3`. */
function versionOfTag(tag: string, name: string): string | null {
  const bare = name.startsWith("@") ? name.slice(name.indexOf("/") + 1) : name;
  const rest = tag.startsWith(`${name}@`)
    ? tag.slice(name.length + 1)
    : tag.replace(new RegExp(`^(${escapeRegExp(bare)}[-@_]?)?(release[-_]?)?v?`, "i"), "");
  return semver.valid(rest);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
