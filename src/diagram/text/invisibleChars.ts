/**
 * Bidirectional controls (marks, embeddings, overrides, isolates) and zero-width or
 * invisible format characters: in a label they can reorder or hide what is shown, so
 * diagram labels and titles drop them. A zero-width joiner between two pictographs joins
 * an emoji (👨‍👩‍👧, 🏳️‍🌈) and is kept; elsewhere (a joiner in Indic text, which only picks a
 * glyph form) it goes like the others.
 */
export const INVISIBLE_CHARS =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
