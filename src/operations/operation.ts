import type * as z from "zod";
import type { Problem } from "../core/problem.js";
import type { DiagramLimits } from "../diagram/diagramLimits.js";
import type { PngFontSubset } from "../diagram/png/fontSubset.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { TopologyLimits } from "./readTopology.js";

/** What operations read besides the request: prices and size limits (no I/O, no clock). */
export interface OperationContext {
  catalog: PriceCatalog;
  limits: TopologyLimits;
  diagramLimits: DiagramLimits;
  /**
   * the font files PNG diagrams are set in (the CLI and the API name linkplan's bundled
   * DejaVu Sans); without them a PNG cannot be drawn
   */
  fontFiles?: readonly string[];
  /** subsets of those fonts, used when a PNG's text allows (see RenderPngOptions) */
  fontSubset?: PngFontSubset;
}

/**
 * One way to write an operation's result: a JSON value, a text or bytes (an image, drawn
 * asynchronously), and its media type.
 */
export type OutputFormat<Result> =
  | {
      kind: "json";
      mediaType: string;
      /** what the JSON answer is (documents the API's 200 response) */
      schema: z.ZodType;
      render(result: Result): unknown;
      /** the value as indented JSON text in chunks, for answers too large for one string */
      chunks?(result: Result): Iterable<string>;
      /**
       * the value as compact JSON text, exactly `JSON.stringify(render(result))`, written
       * without building the value first (the API's answer, when the format has one)
       */
      text?(result: Result): string;
    }
  | {
      kind: "text";
      mediaType: string;
      render(result: Result): string;
      /**
       * A note about a written text that is fine but may not work where it is going (Mermaid
       * over the size Mermaid draws): stderr on the command line, a Linkplan-Warning header
       * from the API; null when there is none.
       */
      warning?(text: string): string | null;
    }
  | { kind: "binary"; mediaType: string; render(result: Result): Promise<Uint8Array> };

/** Where the API serves an operation. */
export interface OperationRoute {
  method: "GET" | "POST";
  url: string;
  tag: string;
  /** the request body (POST): documented in OpenAPI; the operation validates it itself */
  body?: z.ZodType;
  /** description of the body, for the route's documentation */
  bodyDescription?: string;
}

/**
 * One thing linkplan does, declared once: its request (a body — one or two topologies, a
 * transform — and options), the pure function that answers it, and the formats it writes.
 * The `linkplan <name>` command and the HTTP route are both derived from this, so the same
 * request gets the same validation, the same errors and the same JSON from either.
 */
export interface Operation<Options = unknown, Result = unknown> {
  name: string;
  summary: string;
  /** options: query parameters over HTTP, `--kebab-case` flags on the command line */
  options: z.ZodType<Options>;
  /** the formats, by name */
  formats: Record<string, OutputFormat<Result>>;
  /** the default format of the command line (for people) and of the API (for programs) */
  defaultFormat: { cli: string; api: string };
  route: OperationRoute;
  /**
   * A format these options cannot be written in (e.g. estimate's `check` as CSV): the
   * problem, its path the option's name; null when the format is fine. Checked before run.
   */
  formatProblem?(options: Options, format: string): Problem | null;
  /**
   * The answer: throws LinkplanError for input it cannot take. `source` is the body's text
   * as written when the body is one document read from text (the command line's file, the
   * API's request body), for answers that point into it (SARIF regions).
   */
  run(body: unknown, options: Options, ctx: OperationContext, source?: string): Result;
}

/** An operation of any options and result (the table's element type; methods are bivariant). */
export type AnyOperation = Operation<unknown, unknown>;

/** Declare an operation (keeps its option and result types together). */
export function defineOperation<Options, Result>(
  operation: Operation<Options, Result>,
): Operation<Options, Result> {
  return operation;
}
