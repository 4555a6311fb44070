import { z } from "zod";

/**
 * The shapes cached values must have to be used. A value written by another
 * jenga version, damaged on disk or hand-edited is a miss (and is rewritten),
 * never a crash or a silently empty answer. Objects are loose (fields may be
 * added), but every field a signal reads is checked for its type.
 */

const nullableString = z.string().nullable();
const numbers = z.array(z.number());

const versionRecord = z.looseObject({
  time: nullableString,
  deprecated: nullableString,
  installScripts: z.array(z.string()),
  unpackedSize: z.number().nullable(),
  fileCount: z.number().nullable(),
  dependencyCount: z.number(),
  license: nullableString,
  peers: z.array(z.string()).optional(),
  optionalPeers: z.array(z.string()).optional(),
});

const repositoryField = z.looseObject({ url: z.string(), directory: nullableString }).nullable();

export const registryShape = z.looseObject({
  name: z.string(),
  registry: z.string(),
  distTags: z.record(z.string(), z.string()),
  created: nullableString,
  modified: nullableString,
  maintainers: z.array(z.looseObject({ name: z.string() })).nullable(),
  repository: repositoryField,
  license: nullableString,
  versions: z.record(z.string(), versionRecord),
});

const notice = z.looseObject({ kind: z.string(), where: z.string(), text: z.string() });

export const gitShape = z.looseObject({
  url: z.string(),
  directory: nullableString,
  head: nullableString,
  authors: z.array(z.looseObject({ name: z.string(), email: z.string(), bot: z.boolean() })),
  commitTimes: numbers,
  commitAuthors: numbers,
  securityFixTimes: numbers,
  reportFixTimes: numbers.optional(),
  files: z.array(z.looseObject({ creator: z.number(), changes: numbers })),
  fileCount: z.number(),
  tags: z.array(z.looseObject({ name: z.string(), time: z.number() })),
  sourceFiles: z.number().optional(),
  sourceBytes: z.number().nullable().optional(),
  sourceLines: z.number().nullable().optional(),
  readme: z
    .looseObject({ path: z.string(), notices: z.array(notice) })
    .nullable()
    .optional(),
});

const osvRange = z.looseObject({
  type: z.string(),
  events: z.array(z.record(z.string(), z.string())),
});

/** OSV records as the API (or an export) gave them, excerpted by parseOsvRecord. */
export const osvAnswerShape = z.looseObject({
  kind: z.enum(["osv-api", "osv-export", "github-advisory-database", "registry-bulk"]),
  records: z.array(
    z.looseObject({
      id: z.string(),
      aliases: z.array(z.string()),
      published: nullableString,
      modified: nullableString,
      withdrawn: nullableString,
      summary: nullableString,
      severity: z.array(z.looseObject({ type: z.string(), score: z.string() })),
      databaseSeverity: nullableString,
      affected: z.array(
        z.looseObject({
          package: z.looseObject({ ecosystem: z.string(), name: z.string() }),
          ranges: z.array(osvRange),
          versions: z.array(z.string()),
        }),
      ),
    }),
  ),
});

/** What GitHub said about a repository (IssuesAnswer): its lists' facts and its rendered README. */
export const issuesAnswerShape = z.looseObject({
  repository: z.string(),
  archived: z.boolean(),
  hasIssues: z.boolean(),
  windowStart: z.string(),
  coveredSince: z.string(),
  issues: z.array(z.looseObject({})),
  pulls: z.array(z.looseObject({})),
  open: z.looseObject({
    count: z.number().nullable(),
    bugs: z.number(),
    createdAt: z.array(z.string()),
    complete: z.boolean(),
  }),
  securityPolicy: z.boolean().nullable(),
  fundingFile: z.boolean().nullable(),
  readme: z.union([
    z.looseObject({ read: z.literal(false) }),
    z.looseObject({ read: z.literal(true), html: nullableString }),
  ]),
  requests: z.number(),
});
