import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionError } from "fastify";
import { type ProblemBody, problemBody } from "./problem.js";

/** Node's HTTP parser's error; `rawPacket` holds the bytes it was reading (a Buffer). */
type ClientError = Omit<ConnectionError, "rawPacket"> & { rawPacket?: unknown };

/** A request Node could not parse, as a problem: a stable code, never the parser's message. */
function clientProblem(error: ClientError): ProblemBody {
  switch (error.code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return problemBody("request_timeout", "the request was not received in time");
    case "HPE_HEADER_OVERFLOW": {
      // the request line is read first: when its end is not among the bytes read, the URL
      // itself is what overflowed
      const raw = error.rawPacket;
      const line = Buffer.isBuffer(raw) ? raw.indexOf("\r\n") : 0;
      return line === -1
        ? problemBody("uri_too_long", "the URL is longer than this server accepts")
        : problemBody(
            "headers_too_large",
            "the request headers are larger than this server accepts",
          );
    }
    default:
      return problemBody(
        "malformed_request",
        "the request is not valid HTTP/1.1 (a malformed request line or header, or a control character in a header)",
      );
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's parser rejected before Fastify saw it
 * (bad header, over-long URL or headers, timeout) answers with a problem+json written on
 * the raw socket, which is then closed.
 */
export function clientErrorHandler(error: ClientError, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) {
    const body = clientProblem(error);
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? ""}\r\n` +
        "Content-Type: application/problem+json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        "Connection: close\r\n\r\n" +
        text,
    );
  }
  socket.destroy(error);
}
