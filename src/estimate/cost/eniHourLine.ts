import type { Money, Quantity, Rate } from "../../core/money.js";
import type { LineItem, LinePrice, ResourceKind } from "./lineItem.js";
import type { LineOwnerFields } from "./pricedLine.js";

/** What every ENI-hour line of one endpoint shares: all but the AZ. */
export interface EniHours {
  owner: Readonly<LineOwnerFields>;
  /** what the endpoint connects to, for the description ("ecr.api") */
  what: string;
  quantity: Quantity;
  unit: string;
  rate: Rate;
  hourly: Money;
  monthly: Money;
  price: LinePrice | null;
}

/** The start of an ENI-hour line's id, before its AZ: account/vpc/kind/resource/hours/ */
export function eniHourIdPrefix(shared: Readonly<EniHours>): string {
  const o = shared.owner;
  return `${o.account}/${o.vpc ?? "-"}/${o.kind}/${o.resource}/hours/`;
}

/** The start of an ENI-hour line's description, before its AZ: "ecr.api: ENI in " */
export function eniHourDescriptionPrefix(shared: Readonly<EniHours>): string {
  return `${shared.what}: ENI in `;
}

/**
 * The ENI-hours of one endpoint in one AZ: two fields of its own (the shared record and
 * the AZ), everything else read through the record. Most lines of a large organisation
 * are these (90,000 of 128,000 in the benchmark); keeping them this small keeps the
 * garbage collector from copying megabytes of identical fields.
 */
export class EniHourLine implements LineItem {
  private builtId: string | undefined;

  constructor(
    /** what the endpoint's ENI-hour lines share (writers of many lines format it once) */
    readonly shared: Readonly<EniHours>,
    readonly az: string,
  ) {}

  /** account/vpc/kind/resource/hours/az */
  get id(): string {
    if (this.builtId === undefined) this.builtId = `${eniHourIdPrefix(this.shared)}${this.az}`;
    return this.builtId;
  }

  get component(): string {
    return "hours";
  }

  get description(): string {
    return `${eniHourDescriptionPrefix(this.shared)}${this.az}`;
  }

  get tier(): string | null {
    return null;
  }

  get quantity(): Quantity {
    return this.shared.quantity;
  }

  get unit(): string {
    return this.shared.unit;
  }

  get rate(): Rate {
    return this.shared.rate;
  }

  get hourly(): Money {
    return this.shared.hourly;
  }

  get monthly(): Money {
    return this.shared.monthly;
  }

  get price(): LinePrice | null {
    return this.shared.price;
  }

  get account(): string {
    return this.shared.owner.account;
  }

  get vpc(): string | null {
    return this.shared.owner.vpc;
  }

  get region(): string {
    return this.shared.owner.region;
  }

  get resource(): string {
    return this.shared.owner.resource;
  }

  get kind(): ResourceKind {
    return this.shared.owner.kind;
  }
}
