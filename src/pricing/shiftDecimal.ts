/**
 * A non-negative decimal string multiplied by 10^places, exactly, in normal form: no leading
 * zeros before the point, no trailing zeros after it ("0.0000004000", 6 → "0.4";
 * "0.0100000000" → "0.01"; "1048576", -6 → "1.048576"). Undefined when `text` is not a plain
 * non-negative decimal (no sign, no exponent). Works on the digits: no binary float involved.
 */
export function shiftDecimal(text: string, places = 0): string | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  const digits = whole + fraction;
  let point = whole.length + places;
  let padded = digits;
  if (point < 0) {
    padded = "0".repeat(-point) + padded;
    point = 0;
  } else if (point > padded.length) {
    padded = padded + "0".repeat(point - padded.length);
  }
  const intPart = padded.slice(0, point).replace(/^0+/, "") || "0";
  const fracPart = padded.slice(point).replace(/0+$/, "");
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}
