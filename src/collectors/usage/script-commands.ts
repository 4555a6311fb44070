/**
 * A package.json script split into the simple commands it runs, wrappers
 * followed: `xvfb-maybe cross-env A=1 playwright test` runs `xvfb-maybe`,
 * `cross-env` and `playwright`, and all three are uses.
 */

/** How a wrapper names the command it runs. */
interface Wrapper {
  /** Its flags that take the next word as their value (`dotenv -e .env`), so it is not taken for the command. */
  valueFlags?: readonly string[];
  /** Leading `NAME=value` words are environment for the command (`cross-env NODE_ENV=x webpack`). */
  env?: boolean;
  /**
   * `rest`: the words after its flags are the command. `lines`: each argument
   * is a whole command line (`concurrently "tsc -w" "vite"`). `joined`: the
   * arguments joined are one command line (`cross-env-shell "A=1 a && b"`).
   */
  takes: "rest" | "lines" | "joined";
  /** The first word names a package to fetch, maybe with a version (`npx @svgr/cli@6`). */
  packageSpec?: boolean;
}

const npxFlags = ["-p", "--package"];
const coverageFlags = ["-r", "--reporter", "-n", "--include", "-x", "--exclude", "-e"];

/**
 * The wrappers jenga follows: the ones that run a command given as their
 * arguments and that projects put in scripts. Not followed, deliberately:
 * `npm run`/`yarn x`/`run-p`/`run-s`/`npm-run-all`/`concurrently "npm:x"`
 * (they name scripts, each read on its own), `sh -c`, `npx -c`,
 * `nodemon --exec`, `start-server-and-test` (script names and URLs mixed).
 */
const wrappers: Record<string, Wrapper> = {
  npx: { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  bunx: { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  pnpx: { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  "npm exec": { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  "pnpm exec": { takes: "rest" },
  "pnpm dlx": { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  "yarn exec": { takes: "rest" },
  "yarn dlx": { valueFlags: npxFlags, takes: "rest", packageSpec: true },
  "cross-env": { env: true, takes: "rest" },
  "cross-env-shell": { env: true, takes: "joined" },
  // The system's env(1): `env FOO=1 jest`.
  env: { valueFlags: ["-u", "--unset", "-C", "--chdir"], env: true, takes: "rest" },
  // dotenv-cli's binary: `dotenv -e .env -- node server.js`.
  dotenv: { valueFlags: ["-e", "-v", "-p", "-c"], takes: "rest" },
  // Runs the command under a virtual display on Linux CI, plainly elsewhere.
  "xvfb-maybe": { takes: "rest" },
  "xvfb-run": { valueFlags: ["-s", "--server-args", "-n", "--server-num", "-f"], takes: "rest" },
  // Coverage wrappers: `nyc mocha`, `c8 node x.js`.
  nyc: { valueFlags: [...coverageFlags, "-i", "--require", "--temp-dir", "--cwd"], takes: "rest" },
  c8: { valueFlags: [...coverageFlags, "-o", "--reports-dir", "--temp-directory"], takes: "rest" },
  concurrently: {
    valueFlags: ["-n", "--names", "-c", "--prefix-colors", "-p", "--prefix", "-s", "--success"],
    takes: "lines",
  },
};

/** Every simple command the script runs, wrappers and what they wrap, as words. */
export function scriptCommands(script: string): string[][] {
  const out: string[][] = [];
  // A script is short, but a wrapper chain is bounded anyway: each level consumes a word.
  for (const words of splitCommands(script)) follow(words, out, 0);
  return out;
}

const maxWrapperDepth = 8;

function follow(words: string[], out: string[][], depth: number): void {
  if (words.length === 0 || depth > maxWrapperDepth) return;
  const twoWords = `${words[0]} ${words[1]}`;
  const key = wrappers[twoWords] ? twoWords : (words[0] as string);
  const wrapper = wrappers[key];
  if (!wrapper) {
    out.push(words);
    return;
  }
  const width = key.split(" ").length;
  out.push(words.slice(0, width));
  const args = skipFlags(words.slice(width), wrapper);
  if (wrapper.takes === "lines") {
    // `npm:watch-*` names scripts of this package.json, read on their own.
    for (const line of args.filter((a) => !/^(npm|yarn|pnpm|bun):/.test(a))) {
      for (const inner of splitCommands(line)) follow(inner, out, depth + 1);
    }
    return;
  }
  if (wrapper.takes === "joined") {
    for (const inner of splitCommands(args.join(" "))) follow(inner, out, depth + 1);
    return;
  }
  if (wrapper.packageSpec && args[0]) args[0] = withoutVersion(args[0]);
  follow(args, out, depth + 1);
}

/** The wrapper's own flags, their values, its environment words and a `--` dropped. */
function skipFlags(args: string[], wrapper: Wrapper): string[] {
  let i = 0;
  while (i < args.length) {
    const word = args[i] as string;
    if (word === "--") return args.slice(i + 1);
    if (wrapper.env && /^[A-Za-z_]\w*=/.test(word)) i++;
    else if (!word.startsWith("-")) break;
    else i += wrapper.valueFlags?.includes(word) ? 2 : 1;
  }
  return args.slice(i);
}

/** `@svgr/cli@6.4.0` → `@svgr/cli`, `eslint@9` → `eslint`. */
function withoutVersion(spec: string): string {
  return spec.replace(/(.)@[^/]*$/, "$1");
}

/**
 * A command line split at `&&`, `||`, `;`, `|`, `&` and newlines outside
 * quotes; each part as words with quotes removed and leading `NAME=value`
 * assignments dropped. Not a shell: no expansion, subshells become words.
 */
export function splitCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) word = (word ?? "") + line[++i];
      else word = (word ?? "") + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= "";
    } else if (c === "\\" && i + 1 < line.length) word = (word ?? "") + line[++i];
    else if (/[;&|\n]/.test(c)) {
      if ((c === "&" || c === "|") && line[i + 1] === c) i++;
      endCommand();
    } else if (/\s/.test(c)) endWord();
    else word = (word ?? "") + c;
  }
  endCommand();
  return commands.map(dropAssignments).filter((w) => w.length > 0);
}

function dropAssignments(words: string[]): string[] {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
  return words.slice(i);
}
