const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/**
 * An exact decimal amount as the API gives it ("1234.5", "-72.67333336") for display: the
 * currency's symbol, thousands grouped, at least two decimals, every digit the API gave
 * kept (no rounding, no floating point). `signed` shows + for positive amounts (deltas).
 */
export function formatMoney(
  amount: string | null | undefined,
  currency = "USD",
  signed = false,
): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = fraction.padEnd(2, "0");
  const isZero = /^0*$/.test(whole + fraction);
  const prefix = sign === "-" && !isZero ? "−" : signed && !isZero ? "+" : "";
  const symbol = SYMBOLS[currency];
  const number = `${grouped}.${decimals}`;
  return symbol ? `${prefix}${symbol}${number}` : `${prefix}${number} ${currency}`;
}

/** A decimal string grouped for reading ("625.714286" → "625.714286", "12000" → "12,000"). */
export function formatNumber(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  const match = /^([+-]?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "0", fraction = ""] = match;
  return `${sign === "-" ? "−" : sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction}`;
}
