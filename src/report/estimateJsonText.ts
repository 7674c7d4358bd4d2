import type { Finding } from "../check/finding.js";
import { formatMoney, formatQuantity, formatRate } from "../core/money.js";
import {
  EniHourLine,
  type EniHours,
  eniHourDescriptionPrefix,
  eniHourIdPrefix,
} from "../estimate/cost/eniHourLine.js";
import type { RollupRow } from "../estimate/cost/rollup.js";
import type { Estimate } from "../estimate/estimate.js";
import { memo } from "./memo.js";

/** A string JSON.stringify writes as is between quotes: no quote, backslash, control or surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `text`, flat: V8 copies a rope (a string made by `+`, a tree of its parts) into one string
 * when a character of it is read. A part that many lines share is then copied into the
 * answer once per line as one piece, not walked part by part each time.
 */
function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** `JSON.stringify(text)`, without the call for the plain strings an estimate is made of. */
function quoted(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * The JSON of an endpoint's ENI-hour lines, which differ only in their AZ: the text before
 * the AZ in the id, before the `az` value, before the AZ in the description, and the rest.
 * Most lines of an estimate are these; one is then four constants and its AZ three times.
 */
interface EniLineJson {
  id: string;
  az: string;
  description: string;
  rest: string;
}

/**
 * The estimate's JSON text, written directly: exactly
 * `JSON.stringify(estimateToJson(estimate, findings))`, without building that value first
 * (the API's answer to POST /v1/estimate). ENI-hour lines are written from text made once
 * per endpoint (EniLineJson).
 * A test holds the two equal on every example and on random estimates.
 */
export function estimateJsonText(estimate: Estimate, findings?: readonly Finding[] | null): string {
  const money = memo((value: bigint) => `"${formatMoney(value)}"`);
  const rate = memo((value: bigint) => `"${formatRate(value)}"`);
  const quantity = memo((value: bigint) => `"${formatQuantity(value)}"`);
  // the few strings repeated on every line, and the catalog's price records (shared objects)
  const word = memo(quoted);
  const orNull = (text: string | null) => (text === null ? "null" : word(text));
  const price = memo((value: object | null) => JSON.stringify(value));
  // the few AZ names of an estimate, known plain (a short list: compared, not hashed)
  const plainAzs: string[] = [];
  const plain = (az: string): boolean => {
    if (plainAzs.includes(az)) return true;
    if (!PLAIN.test(az)) return false;
    if (plainAzs.length < 64) plainAzs.push(az);
    return true;
  };
  // the text of the endpoint whose lines come now (an endpoint's lines are consecutive),
  // its owner's part (the same for a VPC's endpoints) and its price's part (the same for
  // endpoints priced alike): each made again only when it changes. Null when a prefix
  // needs escaping: the generic writer below escapes it (an escaped string is not the
  // concatenation of its escaped parts around a surrogate pair)
  let last: { shared: Readonly<EniHours>; json: EniLineJson | null } | null = null;
  let owner: { of: EniHours["owner"]; text: string } | null = null;
  let priced: { of: Readonly<EniHours>; tier: string | null; text: string } | null = null;
  const eniLineJson = (line: EniHourLine): EniLineJson | null => {
    const { shared } = line;
    if (last?.shared === shared) return last.json;
    const id = eniHourIdPrefix(shared);
    const description = eniHourDescriptionPrefix(shared);
    const o = shared.owner;
    let json: EniLineJson | null = null;
    if (PLAIN.test(id) && PLAIN.test(description)) {
      const p = owner?.of;
      const where =
        owner && p && p.account === o.account && p.vpc === o.vpc && p.region === o.region
          ? owner
          : {
              of: o,
              text: flattened(
                `","account":${word(o.account)},"vpc":${orNull(o.vpc)},"region":${word(o.region)},"az":"`,
              ),
            };
      owner = where;
      const q = priced?.of;
      const alike =
        priced &&
        q &&
        q.price === shared.price &&
        q.quantity === shared.quantity &&
        q.unit === shared.unit &&
        q.rate === shared.rate &&
        q.hourly === shared.hourly &&
        q.monthly === shared.monthly &&
        priced.tier === line.tier;
      const cost =
        alike && priced
          ? priced
          : {
              of: shared,
              tier: line.tier,
              text: flattened(
                `","quantity":${quantity(shared.quantity)},"unit":${word(shared.unit)}` +
                  `,"rate":${rate(shared.rate)},"tier":${orNull(line.tier)},"hourly":${money(shared.hourly)}` +
                  `,"monthly":${money(shared.monthly)},"price":${price(shared.price)}}`,
              ),
            };
      priced = cost;
      json = {
        id: flattened(`{"id":"${id}`),
        az: where.text,
        description: flattened(
          `","resource":${word(o.resource)},"kind":${word(o.kind)},"component":${word(line.component)},"description":"${description}`,
        ),
        rest: cost.text,
      };
    }
    last = { shared, json };
    return json;
  };
  const rows = (name: string, list: readonly RollupRow[]) =>
    `"${name}":[${list
      .map(
        (row) =>
          `{"key":${quoted(row.key)},"hourly":${money(row.hourly)},"monthly":${money(row.monthly)},"lines":${row.lines}}`,
      )
      .join(",")}]`;

  const out: string[] = [];
  out.push(
    `{"name":${quoted(estimate.name)},"currency":${quoted(estimate.currency)}` +
      `,"hoursPerMonth":${JSON.stringify(estimate.hoursPerMonth)}` +
      `,"catalog":${JSON.stringify(estimate.catalog)}` +
      `,"totals":{"hourly":${money(estimate.totals.hourly)},"monthly":${money(estimate.totals.monthly)}}` +
      `,"lines":[`,
  );
  const lines = estimate.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line instanceof EniHourLine && plain(line.az)) {
      const eni = eniLineJson(line);
      if (eni) {
        const az = line.az;
        out.push(i === 0 ? "" : ",", eni.id, az, eni.az, az, eni.description, az, eni.rest);
        continue;
      }
    }
    out.push(
      `${i === 0 ? "" : ","}{"id":${quoted(line.id)},"account":${word(line.account)}` +
        `,"vpc":${orNull(line.vpc)},"region":${word(line.region)},"az":${orNull(line.az)}` +
        `,"resource":${word(line.resource)},"kind":${word(line.kind)},"component":${word(line.component)}` +
        `,"description":${quoted(line.description)},"quantity":${quantity(line.quantity)}` +
        `,"unit":${word(line.unit)},"rate":${rate(line.rate)},"tier":${orNull(line.tier)}` +
        `,"hourly":${line.hourly === null ? "null" : money(line.hourly)},"monthly":${money(line.monthly)}` +
        `,"price":${price(line.price)}}`,
    );
  }
  const r = estimate.rollups;
  out.push(
    `],"rollups":{${rows("byAccount", r.byAccount)},${rows("byVpc", r.byVpc)}` +
      `,${rows("byRegion", r.byRegion)},${rows("byAz", r.byAz)},${rows("byKind", r.byKind)}}`,
  );
  if (estimate.dependsOnUsage)
    out.push(`,"dependsOnUsage":${JSON.stringify(estimate.dependsOnUsage)}`);
  if (findings) out.push(`,"findings":${JSON.stringify(findings)}`);
  out.push("}");
  return out.join("");
}
