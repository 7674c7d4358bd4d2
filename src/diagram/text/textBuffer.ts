/**
 * Lines of text written as UTF-8 into one growing byte buffer and decoded once at the
 * end. A diagram of thousands of VPCs is hundreds of thousands of lines: kept as strings
 * until a final join, each line (and the pieces it was concatenated from) survives every
 * collection of the young generation on the way, is copied and promoted; written here, a
 * line dies young, and what lives is the bytes. Text holding a lone surrogate comes out with
 * U+FFFD there (the diagram renderers' text never holds one: see cleanLabel).
 */
export class TextBuffer {
  private bytes = new Uint8Array(65_536);
  private size = 0;
  private readonly encoder = new TextEncoder();

  /** Append `text` and a line feed. */
  line(text: string): void {
    // at most 3 bytes a UTF-16 unit, and the line feed
    const need = this.size + 3 * text.length + 1;
    if (need > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(need, 2 * this.bytes.length));
      bytes.set(this.bytes.subarray(0, this.size));
      this.bytes = bytes;
    }
    this.size += this.encoder.encodeInto(text, this.bytes.subarray(this.size)).written;
    this.bytes[this.size++] = 10;
  }

  /** Append each of `texts` as a line. */
  lines(texts: readonly string[]): void {
    for (const text of texts) this.line(text);
  }

  /** Everything written, as one string. */
  toString(): string {
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(this.bytes.subarray(0, this.size));
  }
}
