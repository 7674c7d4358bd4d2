import { Command, CommanderError } from "commander";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it, vi } from "vitest";
import { kebab } from "../src/cli/operationCommand.js";
import { ERROR_CODES, type ErrorCode } from "../src/core/errorCodes.js";
import { LinkplanError, type Problem } from "../src/core/linkplanError.js";
import { parseDocument } from "../src/document/parseDocument.js";
import type { AnyOperation } from "../src/operations/operation.js";
import { OPERATIONS, type OperationName } from "../src/operations/operations.js";
import { JSON_BODY, type ProblemJson, useApp, YAML } from "./helpers/apiKit.js";
import { examplePath, exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

/**
 * The command line and the API are derived from one operation table: the same request must
 * get the same answer (the same JSON, the same text) and the same errors (code, summary,
 * problems) from both, the CLI exiting with the code's exit code and the API answering its
 * HTTP status (core/errorCodes).
 */

/** One request, as the command line and the API write it. */
interface Request {
  /** the command line's words before the operation's options (command, files, flags) */
  cli: string[];
  /** the API's body: YAML text (application/yaml) or a JSON value; none for GET routes */
  body?: { yaml: string } | { json: unknown };
  /** the operation's options: `--kebab-case` flags and query parameters (true: a flag) */
  options?: Record<string, string | true>;
}

/** What each operation is asked: one good request, one bad input, one bad option. */
interface ParityCase {
  ok: Request;
  /** input the operation refuses (not an option): the same code and problems */
  invalidInput: Request;
  /** an option that fails its schema: invalid_option from both */
  invalidOption: Request;
}

const scratch = scratchDir("parity");

/** A topology document: the file the CLI reads and its text. */
interface Doc {
  path: string;
  yaml: string;
}
const example = (name: string): Doc => ({ path: examplePath(name), yaml: exampleYaml(name) });
const written = (name: string, yaml: string): Doc => ({ path: scratch.write(name, yaml), yaml });
const data = (doc: Doc): unknown => parseDocument(doc.yaml);
type Options = Request["options"];

/** `linkplan <command> <file>` and a POST of the file's YAML (validate, estimate, diagram). */
const one = (command: string, doc: Doc, options?: Options): Request => ({
  cli: [command, doc.path],
  body: { yaml: doc.yaml },
  ...(options ? { options } : {}),
});
/** A command line and the JSON body `{ ...members }` of the documents it reads. */
const json = (cli: string[], members: Record<string, unknown>, options?: Options): Request => ({
  cli,
  body: { json: members },
  ...(options ? { options } : {}),
});
/** diagram <b> --compare <a>: POST /v1/diagram/compare { a, b }. */
const drawn = (a: Doc, b: Doc, options?: Options) =>
  json(["diagram", b.path, "--compare", a.path], { a: data(a), b: data(b) }, options);
/** A GET route: the command's words and its options. */
const get = (cli: string[], options: Options): Request => ({
  cli,
  ...(options ? { options } : {}),
});

/** One interface endpoint in one AZ of `region`, with more `extra` members. */
const oneEndpoint = (region: string, extra = "") => `name: one
accounts:
  - id: a
    vpcs:
      - id: v
        region: ${region}
        azs: [${region}a]
        endpoints:
          - { id: e, type: interface, service: s3${extra} }
`;
const UNKNOWN_KEY = written("unknown-key.yaml", oneEndpoint("us-east-1", ", gbPerMont: 3"));
const UNKNOWN_GROUP = written(
  "unknown-group.yaml",
  oneEndpoint("us-east-1", ", securityGroups: [x]"),
);
/** a region the bundled catalog has no prices for */
const UNPRICED = written("unpriced.yaml", oneEndpoint("sa-east-1"));
const CONSUMER = example("consumer-provider");
const DEV = example("dev");
const PROD = example("prod");
const SPOKES = example("spokes");
const [dev, prod] = [data(DEV), data(PROD)];
const HOURS_745 = { hoursPerMonth: "745" };

const CASES: Record<OperationName, ParityCase> = {
  validate: {
    ok: one("validate", CONSUMER),
    invalidInput: one("validate", UNKNOWN_KEY),
    invalidOption: one("validate", DEV, { format: "pdf" }),
  },
  estimate: {
    ok: one("estimate", example("endpoints-module"), { hoursPerMonth: "720" }),
    invalidInput: one("estimate", UNPRICED),
    invalidOption: one("estimate", DEV, HOURS_745),
  },
  diagram: {
    ok: one("diagram", CONSUMER, { costs: true, detail: "azs" }),
    invalidInput: one("diagram", UNKNOWN_GROUP),
    invalidOption: one("diagram", DEV, { detail: "everything" }),
  },
  diagramCompare: {
    ok: drawn(DEV, PROD, { costs: true }),
    invalidInput: drawn(DEV, UNKNOWN_KEY),
    invalidOption: drawn(DEV, PROD, { theme: "pink" }),
  },
  compare: {
    ok: json(["compare", DEV.path, PROD.path], { a: dev, b: prod }, { hoursPerMonth: "744" }),
    invalidInput: json(["compare", DEV.path, PROD.path, "--pair", "app-qa=app-prod"], {
      a: dev,
      b: prod,
      pairs: [{ before: "app-qa", after: "app-prod" }],
    }),
    invalidOption: json(["compare", DEV.path, PROD.path], { a: dev, b: prod }, HOURS_745),
  },
  whatif: {
    ok: json(["whatif", SPOKES.path, "--centralize", "hub-vpc", "--services", "ecr.api,ecr.dkr"], {
      topology: data(SPOKES),
      transform: {
        kind: "centralizeEndpoints",
        hubVpc: "hub-vpc",
        services: ["ecr.api", "ecr.dkr"],
      },
    }),
    invalidInput: json(["whatif", PROD.path, "--consolidate-azs", "1", "--vpc", "nope"], {
      topology: prod,
      transform: { kind: "consolidateAzs", azs: 1, vpc: "nope" },
    }),
    invalidOption: json(
      ["whatif", PROD.path, "--consolidate-azs", "1"],
      { topology: prod, transform: { kind: "consolidateAzs", azs: 1 } },
      HOURS_745,
    ),
  },
  breakeven: {
    ok: get(["breakeven"], {
      region: "eu-west-2",
      azs: "2",
      services: "ecr.api,s3",
      spokes: "2,5",
    }),
    invalidInput: get(["breakeven"], { region: "sa-east-1" }),
    invalidOption: get(["breakeven"], { region: "eu-west-2", ...HOURS_745 }),
  },
  prices: {
    ok: get(["prices", "show"], { region: "eu-west-2" }),
    invalidInput: get(["prices", "show"], { region: "xx-nowhere-1" }),
    invalidOption: get(["prices", "show"], { region: "" }),
  },
  check: {
    // warnings only: the command exits 0 (--fail-on error); --source: the SARIF uri alike
    ok: one("check", DEV, { source: "dev.yaml" }),
    invalidInput: one("check", UNKNOWN_KEY),
    invalidOption: one("check", DEV, { failOn: "fatal" }),
  },
};

/** What the CLI did: its exit code and output, and the error runCli caught (if any). */
interface CliAnswer {
  code: number;
  stdout: string;
  /** the bytes of a binary format */
  stdoutBytes?: Buffer;
  stderr: string;
  error: unknown;
}

/** Run the CLI in-process, keeping the error its top level caught (the LinkplanError). */
async function cli(args: string[]): Promise<CliAnswer> {
  let error: unknown;
  const parseAsync = Command.prototype.parseAsync;
  const spy = vi.spyOn(Command.prototype, "parseAsync").mockImplementation(async function (
    this: Command,
    ...a: Parameters<Command["parseAsync"]>
  ) {
    try {
      return await parseAsync.apply(this, a);
    } catch (caught) {
      error = caught;
      throw caught;
    }
  });
  try {
    return { ...(await runCliCapture(args)), error };
  } finally {
    spy.mockRestore();
  }
}

/** The command line of a request: its words, its options as flags, the format. */
function cliArgs(request: Request, format?: string): string[] {
  const options = Object.entries(request.options ?? {}).flatMap(([name, value]) =>
    value === true ? [`--${kebab(name)}`] : [`--${kebab(name)}`, value],
  );
  return [...request.cli, ...options, ...(format ? ["--format", format] : [])];
}

const app = useApp();

/** The same request to the operation's route: options (and format) in the query string. */
function api(operation: AnyOperation, request: Request, format?: string) {
  const query = new URLSearchParams(
    Object.entries({ ...request.options, ...(format ? { format } : {}) }).map(([name, value]) => [
      name,
      String(value),
    ]),
  ).toString();
  const { method, url } = operation.route;
  const body = request.body;
  return app().inject({
    method,
    url: query ? `${url}?${query}` : url,
    ...(body === undefined
      ? {}
      : "yaml" in body
        ? { headers: YAML, payload: body.yaml }
        : { headers: JSON_BODY, payload: JSON.stringify(body.json) }),
  });
}

/** The problem+json of an API answer. */
function problemOf(response: LightMyRequestResponse): ProblemJson {
  expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  return response.json() as ProblemJson;
}

/** What the CLI prints for an error: its summary, then a line per problem. */
function cliMessage(summary: string, problems: Problem[]): string {
  const lines = problems.map((p) => `  ${p.path ? `${p.path}: ` : ""}${p.message}`);
  return `linkplan: ${[summary, ...lines].join("\n")}\n`;
}

/** The format of the error cases: JSON where the operation has it, unless the case names one. */
const errorFormat = (operation: AnyOperation, request: Request) =>
  "json" in operation.formats && request.options?.format === undefined ? "json" : undefined;

it("every operation of the table has a parity case", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(OPERATIONS).sort());
});

for (const [name, operation] of Object.entries(OPERATIONS) as [OperationName, AnyOperation][]) {
  describe(`${name}: the CLI and the API agree`, () => {
    const c = CASES[name];
    if (!c) {
      it("has a parity case", () => {
        throw new Error(`no parity case for operation "${name}": add one to CASES`);
      });
      return;
    }

    it("the request is the route's documented body", () => {
      const { body } = operation.route;
      expect(c.ok.body === undefined).toBe(body === undefined);
      if (body && c.ok.body) {
        const value = "yaml" in c.ok.body ? parseDocument(c.ok.body.yaml) : c.ok.body.json;
        expect(body.safeParse(value).error).toBeUndefined();
      }
    });

    for (const format of Object.keys(operation.formats)) {
      it(`format ${format}: the same answer`, async () => {
        const [fromCli, fromApi] = await Promise.all([
          cli(cliArgs(c.ok, format)),
          api(operation, c.ok, format),
        ]);
        expect(fromCli.stderr).toBe("");
        expect(fromCli.code).toBe(0);
        expect(fromApi.statusCode, fromApi.body).toBe(200);
        const spec = operation.formats[format];
        expect(fromApi.headers["content-type"]).toBe(spec?.mediaType);
        if (spec?.kind === "json") expect(JSON.parse(fromCli.stdout)).toEqual(fromApi.json());
        else if (spec?.kind === "binary") {
          expect(fromCli.stdout).toBe("");
          expect(fromCli.stdoutBytes?.equals(fromApi.rawPayload)).toBe(true);
        } else expect(fromCli.stdout).toBe(fromApi.body);
        // a CLI process and a PNG rendering each: slow on a loaded machine, not stuck
      }, 60_000);
    }

    it("without a format: each side's default", async () => {
      const { cli: cliDefault, api: apiDefault } = operation.defaultFormat;
      // one CLI run at a time: cli() spies on commander
      const implicit = await cli(cliArgs(c.ok));
      expect(implicit.stdout).toBe((await cli(cliArgs(c.ok, cliDefault))).stdout);
      const [x, y] = await Promise.all([api(operation, c.ok), api(operation, c.ok, apiDefault)]);
      expect(x.body).toBe(y.body);
    });

    it("an invalid input: the same code, summary and problems", async () => {
      const format = errorFormat(operation, c.invalidInput);
      const [fromCli, fromApi] = await Promise.all([
        cli(cliArgs(c.invalidInput, format)),
        api(operation, c.invalidInput, format),
      ]);
      const problem = problemOf(fromApi);
      const code = problem.code as ErrorCode;
      expect(code).not.toBe("invalid_option");
      expect(fromApi.statusCode).toBe(ERROR_CODES[code].status);
      expect(fromCli.error).toBeInstanceOf(LinkplanError);
      const error = fromCli.error as LinkplanError;
      expect(error.code).toBe(code);
      expect(error.summary).toBe(problem.detail);
      expect(error.problems).toEqual(problem.errors ?? []);
      expect(fromCli).toMatchObject({
        code: ERROR_CODES[code].exit,
        stdout: "",
        stderr: cliMessage(problem.detail, problem.errors ?? []),
      });
    });

    it("an invalid option: invalid_option, with the same problems (flags for parameters)", async () => {
      const [fromCli, fromApi] = await Promise.all([
        cli(cliArgs(c.invalidOption, errorFormat(operation, c.invalidOption))),
        api(operation, c.invalidOption, errorFormat(operation, c.invalidOption)),
      ]);
      const problem = problemOf(fromApi);
      expect(problem.code).toBe("invalid_option");
      expect(fromApi.statusCode).toBe(ERROR_CODES.invalid_option.status);
      expect(fromCli.code).toBe(ERROR_CODES.invalid_option.exit);
      expect(fromCli.stdout).toBe("");
      const errors = problem.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      if (fromCli.error instanceof CommanderError) {
        // an option of fixed choices is checked by commander before the operation runs:
        // the same option is named, in commander's words is checked by commander before the operation runs:
        // the same option is named, in commander's words
        for (const e of errors) expect(fromCli.stderr).toContain(`--${kebab(e.path)} <`);
        return;
      }
      expect(fromCli.error).toBeInstanceOf(LinkplanError);
      const error = fromCli.error as LinkplanError;
      expect(error.code).toBe("invalid_option");
      expect(error.problems).toEqual(errors.map((e) => ({ ...e, path: `--${kebab(e.path)}` })));
    });
  });
}
