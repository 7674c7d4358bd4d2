import type { Money, Quantity, Rate } from "../../core/money.js";
import type { LineItem, LinePrice, ResourceKind } from "./lineItem.js";

/** Who a line belongs to (shared by all lines of one resource). */
export interface LineOwnerFields {
  account: string;
  vpc: string | null;
  region: string;
  resource: string;
  kind: ResourceKind;
}

/**
 * A LineItem as the engine makes it: the owner's fields are read through the (shared)
 * owner record and the id string is built on first use. An organisation of 2,000 VPCs
 * has 128,000 lines; keeping them small halves the time spent collecting garbage.
 */
export class PricedLine implements LineItem {
  private builtId: string | undefined;

  constructor(
    private readonly owner: Readonly<LineOwnerFields>,
    readonly component: string,
    readonly az: string | null,
    private readonly tierKey: string | null,
    readonly description: string,
    readonly quantity: Quantity,
    readonly unit: string,
    readonly rate: Rate,
    readonly tier: string | null,
    readonly hourly: Money | null,
    readonly monthly: Money,
    readonly price: LinePrice | null,
  ) {}

  /** account/vpc/kind/resource/component[/az][/tier] */
  get id(): string {
    if (this.builtId === undefined) {
      const o = this.owner;
      let id = `${o.account}/${o.vpc ?? "-"}/${o.kind}/${o.resource}/${this.component}`;
      if (this.az !== null) id += `/${this.az}`;
      if (this.tierKey !== null) id += `/${this.tierKey}`;
      this.builtId = id;
    }
    return this.builtId;
  }

  get account(): string {
    return this.owner.account;
  }

  get vpc(): string | null {
    return this.owner.vpc;
  }

  get region(): string {
    return this.owner.region;
  }

  get resource(): string {
    return this.owner.resource;
  }

  get kind(): ResourceKind {
    return this.owner.kind;
  }
}
