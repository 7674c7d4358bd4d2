import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { checkClientAnswer } from "./helpers/apiKit.js";

/** Send raw bytes to the server and read the whole answer (the server closes the socket). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let out = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      out += chunk;
    });
    socket.on("end", () => resolve(out));
    socket.on("close", () => resolve(out));
    socket.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? resolve(out) : reject(error),
    );
    socket.write(request);
  });
}

/** Status, headers (lower-case names) and body of a raw HTTP/1.1 answer. */
function parseAnswer(text: string) {
  const [head = "", body = ""] = text.split("\r\n\r\n", 2);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { statusCode: Number(statusLine.split(" ")[1]), headers, body };
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them still get problem+json with
 * a stable code, never Node's or Fastify's own JSON.
 */
describe("requests the HTTP parser rejects", () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await buildApp();
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (headers: string, body = "{}") =>
    `POST /v1/validate HTTP/1.1\r\nHost: x\r\n${headers}Content-Length: ${body.length}\r\n\r\n${body}`;

  const cases: [string, () => string, number, string][] = [
    [
      "a control character in Content-Type",
      () => post("Content-Type: application/json\x01\r\n"),
      400,
      "malformed_request",
    ],
    ["a NUL in a header", () => post("X-Thing: a\x00b\r\n"), 400, "malformed_request"],
    [
      "a 100 KB URL",
      () => `GET /v1/examples/${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      414,
      "uri_too_long",
    ],
    [
      "100 KB of headers",
      () => post(`X-Big: ${"b".repeat(100_000)}\r\n`),
      431,
      "headers_too_large",
    ],
    [
      "a header without a colon",
      () => post("Content-Type application/json\r\n"),
      400,
      "malformed_request",
    ],
    [
      "not HTTP at all",
      () => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
      400,
      "malformed_request",
    ],
  ];
  for (const [label, request, status, code] of cases) {
    it(`${label}: ${status} ${code}`, async () => {
      const answer = parseAnswer(await raw(port, request()));
      checkClientAnswer(answer, label);
      expect(answer.statusCode).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ status, code });
    });
  }

  it("the server keeps answering after all of them", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});
