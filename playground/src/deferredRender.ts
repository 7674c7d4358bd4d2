/**
 * A pane's "draw when seen" bookkeeping: a change is drawn at once while the pane is shown,
 * else remembered and drawn when it is shown next.
 */
export class DeferredRender {
  private visible = false;
  private dirty = false;

  constructor(private readonly render: () => void) {}

  /** Something to draw changed: draw it now if shown, else when shown. */
  request(): void {
    if (this.visible) this.render();
    else this.dirty = true;
  }

  shown(): void {
    this.visible = true;
    if (this.dirty) this.render();
  }

  hidden(): void {
    this.visible = false;
  }

  /** The pane drew itself: nothing is pending. */
  drawn(): void {
    this.dirty = false;
  }
}
