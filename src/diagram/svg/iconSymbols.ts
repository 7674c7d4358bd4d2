import { AWS_ICONS, AWS_ICONS_NOTICE, type AwsIconName } from "./icons/awsIcons.js";
import { svgNumber as n } from "./svgNumber.js";

/**
 * The icons one diagram uses: `use` draws an icon (a <use> of its symbol) and records it;
 * `symbols` then defines each recorded icon once, as a <symbol> whose id (and the ids
 * inside it) carry the diagram's id prefix. Icons are drawn unmodified, only scaled.
 */
export class IconSymbols {
  private readonly used = new Set<AwsIconName>();

  constructor(private readonly prefix: string) {}

  symbolId(icon: AwsIconName): string {
    return `${this.prefix}-icon-${icon}`;
  }

  use(icon: AwsIconName, x: number, y: number, size: number): string {
    this.used.add(icon);
    return (
      `<use href="#${this.symbolId(icon)}" x="${n(x)}" y="${n(y)}"` +
      ` width="${n(size)}" height="${n(size)}"/>`
    );
  }

  /** The icons' attribution, a <metadata> element, when an icon was used. */
  notice(): string[] {
    return this.used.size === 0 ? [] : [`<metadata>${AWS_ICONS_NOTICE}</metadata>`];
  }

  /** One <symbol> per icon used so far, in a fixed order (the icon table's). */
  symbols(): string[] {
    const out: string[] = [];
    for (const icon of Object.keys(AWS_ICONS) as AwsIconName[]) {
      if (!this.used.has(icon)) continue;
      const { viewBox, body } = AWS_ICONS[icon];
      out.push(
        `<symbol id="${this.symbolId(icon)}" viewBox="${viewBox}">` +
          `${body.replaceAll("%ID%", this.prefix)}</symbol>`,
      );
    }
    return out;
  }
}
