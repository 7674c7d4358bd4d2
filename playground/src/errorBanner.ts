import { h } from "./dom.js";

/** A problem's first errors under a bold heading ("Cannot compare: …"), as a status banner. */
export function errorBanner(
  heading: string,
  detail: string,
  errors?: readonly { path?: string; message: string }[],
): HTMLElement {
  return h(
    "div",
    { className: "banner", role: "status" },
    h("strong", {}, heading),
    detail,
    errors && errors.length > 0
      ? h(
          "ul",
          {},
          ...errors
            .slice(0, 8)
            .map((e) => h("li", {}, e.path ? `${e.path}: ${e.message}` : e.message)),
        )
      : null,
  );
}
