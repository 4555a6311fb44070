import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

/** TypeScript's `experimentalDecorators` (NestJS, TypeORM, Angular): parameter and computed-member decorators. */
const legacy = `import { Controller, Get, Inject } from "@nestjs/common";
import { Column, Entity } from "typeorm";
import { rules } from "class-validator";

@Controller("users")
export class UsersController {
  constructor(@Inject("REPO") private readonly repo: unknown) {}

  @Get(":id")
  find() {}
}

@Entity()
export class User {
  @Column() name!: string;
  @rules["required"] email!: string;
}
`;

/** The current proposal: decorators after \`export\`, \`accessor\` fields. */
const current = `import { customElement, property } from "lit/decorators.js";
import { LitElement } from "lit";

export @customElement("x-card") class Card extends LitElement {
  @property() accessor title = "";
}
`;

function analyze(file: string, text: string) {
  return analyzeUsage({
    files: [{ path: file, text }],
    manifests: [
      {
        dir: "",
        data: {
          main: file,
          dependencies: { "@nestjs/common": "1", typeorm: "1", "class-validator": "1", lit: "1" },
        },
      },
    ],
  });
}

describe("decorators in .ts files", () => {
  it("parses legacy decorators, falling back to the legacy plugin where the current one throws", () => {
    const analysis = analyze("src/users.ts", legacy);
    expect(analysis.blindSpots).toEqual([]);
    expect(analysis.packages.get("@nestjs/common")?.symbols).toEqual([
      "Controller",
      "Get",
      "Inject",
    ]);
    expect(analysis.packages.get("typeorm")?.class).toBe("runtime");
    expect(analysis.packages.get("class-validator")?.class).toBe("runtime");
    expect(analysis.packages.get("lit")?.class).toBe("unused");
  });

  it("parses current decorators, with accessors", () => {
    const analysis = analyze("src/card.ts", current);
    expect(analysis.blindSpots).toEqual([]);
    expect(analysis.packages.get("lit")?.sites.map((s) => `${s.line} ${s.symbols}`)).toEqual([
      "1 customElement,property",
      "2 LitElement",
    ]);
    expect(analysis.packages.get("typeorm")?.class).toBe("unused");
  });
});
