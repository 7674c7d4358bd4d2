/** Room left under a fitted drawing for the zoom buttons over the viewport's corner. */
const FIT_BOTTOM = 40;

/**
 * Pan and zoom of an image inside a viewport: drag (mouse, pen, touch) to pan, the wheel
 * or a pinch to zoom about the pointer, keys (+ − 0 1 and arrows) when the viewport has the
 * focus. The image is moved with a CSS transform; its pixels are never redrawn.
 */
export class PanZoom {
  scale = 1;
  private x = 0;
  private y = 0;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; scale: number } | null = null;

  constructor(
    private readonly viewport: HTMLElement,
    private image: HTMLImageElement,
    private readonly onChange: (scale: number) => void,
  ) {
    viewport.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    viewport.addEventListener("pointerdown", (e) => this.down(e));
    viewport.addEventListener("pointermove", (e) => this.move(e));
    viewport.addEventListener("pointerup", (e) => this.up(e));
    viewport.addEventListener("pointercancel", (e) => this.up(e));
    viewport.addEventListener("keydown", (e) => this.key(e));
  }

  /** The image shown is now this one (a new drawing, in the same place). */
  setImage(image: HTMLImageElement): void {
    this.image = image;
  }

  private apply(): void {
    this.image.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
    this.onChange(this.scale);
  }

  /** Zoom to `scale` keeping the point (px, py) of the viewport where it is. */
  zoomTo(scale: number, px?: number, py?: number): void {
    const next = Math.min(8, Math.max(0.05, scale));
    const cx = px ?? this.viewport.clientWidth / 2;
    const cy = py ?? this.viewport.clientHeight / 2;
    this.x = cx - ((cx - this.x) * next) / this.scale;
    this.y = cy - ((cy - this.y) * next) / this.scale;
    this.scale = next;
    this.apply();
  }

  zoomBy(factor: number): void {
    this.zoomTo(this.scale * factor);
  }

  /**
   * The whole image in view (never enlarged past 100 %), centred above the zoom buttons
   * (FIT_BOTTOM pixels kept free at the bottom).
   */
  fit(): void {
    const width = this.image.naturalWidth || 1;
    const height = this.image.naturalHeight || 1;
    const vw = this.viewport.clientWidth;
    const vh = this.viewport.clientHeight - FIT_BOTTOM;
    if (vw === 0 || vh <= 0) return;
    this.scale = Math.min(1, (vw - 24) / width, (vh - 24) / height);
    this.x = (vw - width * this.scale) / 2;
    this.y = Math.max(12, (vh - height * this.scale) / 2);
    this.apply();
  }

  actualSize(): void {
    this.zoomTo(1);
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
    this.zoomTo(this.scale * factor, event.clientX - rect.left, event.clientY - rect.top);
  }

  private down(event: PointerEvent): void {
    this.viewport.setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.viewport.classList.add("dragging");
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      if (a && b) this.pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y), scale: this.scale };
    }
  }

  private move(event: PointerEvent): void {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pinch && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      if (!a || !b) return;
      const rect = this.viewport.getBoundingClientRect();
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      this.zoomTo(
        (this.pinch.scale * distance) / this.pinch.distance,
        (a.x + b.x) / 2 - rect.left,
        (a.y + b.y) / 2 - rect.top,
      );
      return;
    }
    this.x += event.clientX - last.x;
    this.y += event.clientY - last.y;
    this.apply();
  }

  private up(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
    if (this.pointers.size === 0) this.viewport.classList.remove("dragging");
  }

  private key(event: KeyboardEvent): void {
    const step = 40;
    const actions: Record<string, () => void> = {
      "+": () => this.zoomBy(1.25),
      "=": () => this.zoomBy(1.25),
      "-": () => this.zoomBy(0.8),
      "0": () => this.fit(),
      "1": () => this.actualSize(),
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
    };
    const action = actions[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  }

  private panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.apply();
  }
}
