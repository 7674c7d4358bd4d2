import type { DiagramItem } from "./diagramGraph.js";

/**
 * A list of diagram items (a group's children) that takes insertions next to an item found
 * by id in constant time, and is written back to its array by `finish`. Ids are looked up
 * as `Array.findIndex` would find them: the first item with the id. When the array starts
 * out holding an id twice, that is kept exactly by falling back to the array itself.
 */
export class OrderedChildren {
  private readonly next = new Map<DiagramItem, DiagramItem | null>();
  private readonly prev = new Map<DiagramItem, DiagramItem | null>();
  private readonly byId = new Map<string, DiagramItem>();
  private head: DiagramItem | null = null;
  private tail: DiagramItem | null = null;
  /** the array, edited directly (the rare list holding an id twice) */
  private readonly direct: boolean;

  constructor(private readonly items: DiagramItem[]) {
    this.direct = new Set(items.map((i) => i.id)).size !== items.length;
    if (!this.direct) for (const item of items) this.link(item, this.tail);
  }

  /** The first item with this id, or null. */
  find(id: string): DiagramItem | null {
    if (this.direct) return this.items.find((x) => x.id === id) ?? null;
    return this.byId.get(id) ?? null;
  }

  /** Put `item` just after `anchor` (an item of the list), or first when anchor is null. */
  private link(item: DiagramItem, anchor: DiagramItem | null): void {
    const after = anchor === null ? this.head : (this.next.get(anchor) ?? null);
    this.prev.set(item, anchor);
    this.next.set(item, after);
    if (anchor === null) this.head = item;
    else this.next.set(anchor, item);
    if (after === null) this.tail = item;
    else this.prev.set(after, item);
    if (!this.byId.has(item.id)) this.byId.set(item.id, item);
  }

  insertAfter(anchor: DiagramItem, item: DiagramItem): void {
    if (this.direct) this.items.splice(this.items.indexOf(anchor) + 1, 0, item);
    else this.link(item, anchor);
  }

  insertBefore(anchor: DiagramItem, item: DiagramItem): void {
    if (this.direct) this.items.splice(this.items.indexOf(anchor), 0, item);
    else this.link(item, this.prev.get(anchor) ?? null);
  }

  push(item: DiagramItem): void {
    if (this.direct) this.items.push(item);
    else this.link(item, this.tail);
  }

  /** Write the list back to its array. */
  finish(): void {
    if (this.direct) return;
    this.items.length = 0;
    for (let item = this.head; item !== null; item = this.next.get(item) ?? null) {
      this.items.push(item);
    }
  }
}
