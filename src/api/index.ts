/**
 * `linkplan/api`: the HTTP API as a Fastify instance. Its types need fastify's (and so
 * @types/node), which is why it is an entry of its own and not part of `linkplan`.
 */
export { API_DEFAULTS, type ApiOptions } from "./apiOptions.js";
export { buildApp } from "./buildApp.js";
