/**
 * A child process of the API benchmark: sends one hostile request a second (in turn) to the
 * origin given as its first argument for the seconds given as its second, waits for every
 * answer and prints the outcome as JSON. A process of its own, so that uploading 1 MB
 * bodies and downloading 14 MB answers does not load the event loop of the server measured.
 */
import { hostileRequests, sendHostileEverySecond } from "./apiHostileMix.js";

const [origin, seconds] = process.argv.slice(2);
if (origin === undefined || seconds === undefined) {
  console.error("usage: apiHostileSender <origin> <seconds>");
  process.exit(2);
}
const signal = AbortSignal.timeout(Number(seconds) * 1000);
const outcome = await sendHostileEverySecond(origin, hostileRequests(), signal);
process.stdout.write(`${JSON.stringify(outcome)}\n`);
