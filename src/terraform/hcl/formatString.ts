import {
  asNumber,
  asString,
  ExpressionError,
  isPlainObject,
  NotKnown,
  opaque,
} from "./terraformValue.js";

/**
 * Terraform's format: verbs %s %d %f %t %v %q with an optional width, precision and `-`/`0` flag
 * (`%5.2f`, `%03d`), and %%. Other verbs and flags are not evaluated (ExpressionError).
 */
export function formatString(spec: string, args: readonly unknown[]): string {
  let next = 0;
  return spec.replace(
    /%([-0]?)(\d*)(?:\.(\d+))?([a-zA-Z%])/g,
    (_all, flag, width, precision, verb) => {
      if (verb === "%") return "%";
      if (next >= args.length) throw new ExpressionError("format: too few arguments");
      const value = args[next++];
      const unknown = opaque(value);
      if (unknown) throw new NotKnown(unknown);
      let text: string;
      switch (verb) {
        case "s":
        case "t":
          text = asString(value);
          break;
        case "d":
          text = String(Math.trunc(asNumber(value)));
          break;
        case "f":
          text = asNumber(value).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case "q":
          text = JSON.stringify(asString(value));
          break;
        case "v":
          text =
            Array.isArray(value) || isPlainObject(value) ? JSON.stringify(value) : asString(value);
          break;
        default:
          throw new ExpressionError(`format: verb %${verb} is not evaluated`);
      }
      const pad = Number(width || 0);
      if (pad > 1000) throw new ExpressionError("format: width too large");
      if (flag === "-") return text.padEnd(pad);
      if (flag === "0" && /^-?\d/.test(text))
        return text.startsWith("-")
          ? `-${text.slice(1).padStart(pad - 1, "0")}`
          : text.padStart(pad, "0");
      return text.padStart(pad);
    },
  );
}
