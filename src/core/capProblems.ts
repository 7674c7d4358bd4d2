import type { Problem } from "./problem.js";

/** Most problems one error lists; past it, one final entry says how many more were found. */
export const MAX_PROBLEMS = 100;
/** Longest problem message kept (a message quoting a huge value is cut, marked with "…"). */
export const MAX_MESSAGE_LENGTH = 1000;

/** The final entry of a capped list: how many problems were found but not listed. */
export function moreProblems(count: number, note = ""): Problem {
  return {
    path: "",
    message: `… and ${count.toLocaleString("en-US")} more problem${count === 1 ? "" : "s"} not listed (at most ${MAX_PROBLEMS} are)${note ? `; ${note}` : ""}`,
  };
}

function capMessage(problem: Problem): Problem {
  if (problem.message.length <= MAX_MESSAGE_LENGTH && problem.path.length <= MAX_MESSAGE_LENGTH)
    return problem;
  const cut = (text: string) =>
    text.length <= MAX_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
  return { path: cut(problem.path), message: cut(problem.message) };
}

/**
 * At most MAX_PROBLEMS problems, then one entry counting the rest; messages longer than
 * MAX_MESSAGE_LENGTH cut. A list already capped by its producer (MAX_PROBLEMS + its own
 * final entry) is kept as it is.
 */
export function capProblems(problems: readonly Problem[]): Problem[] {
  const listed = problems.length > MAX_PROBLEMS + 1 ? problems.slice(0, MAX_PROBLEMS) : problems;
  const capped = listed.map(capMessage);
  if (listed.length < problems.length) capped.push(moreProblems(problems.length - MAX_PROBLEMS));
  return capped;
}
