/**
 * Types for @npmcli/config's definitions module, which ships none. Only what
 * npm-config.ts uses is declared.
 */
declare module "@npmcli/config/lib/definitions/index.js" {
  import type Config from "@npmcli/config";

  type ConfigData = Record<string, unknown>;

  interface NpmDefinition extends Config.Definition {
    /** Copies (and derives) this key's value into npm's flat options. */
    flatten?: (key: string, data: ConfigData, flat: ConfigData) => void;
  }

  const npmDefinitions: {
    definitions: Record<string, NpmDefinition>;
    shorthands: Config.ShortFlags;
    nerfDarts: string[];
    flatten: (data: ConfigData, flat?: ConfigData) => ConfigData;
  };
  export = npmDefinitions;
}
