import { useFcSeed } from "../helpers/fcSeed.js";

// every fc.assert of every test file runs with FC_SEED (or a random seed) and, when it
// fails, prints the seed and the command that replays it
useFcSeed();
