import type { IncomingMessage, ServerResponse } from "node:http";
import { type LocalServer, startLocalServer } from "./localServer.js";

/** One GetProducts request as the server saw it. */
export interface GetProductsRequestLog {
  target: string | undefined;
  contentType: string | undefined;
  signed: boolean;
  body: {
    ServiceCode?: string;
    Filters?: { Type: string; Field: string; Value: string }[];
    MaxResults?: number;
    NextToken?: string;
    FormatVersion?: string;
  };
  status: number;
}

export interface PriceListServerOptions {
  /** every product the server knows, per service code, as PriceList JSON strings */
  products: Record<string, string[]>;
  /** most records per page, below the client's MaxResults, so queries take several pages */
  pageSize: number;
  /** 1-based numbers of the requests answered with a ThrottlingException instead */
  throttle?: number[];
  /** answer every request with this error (__type) instead */
  failWith?: { type: string; message: string; status: number };
}

export interface PriceListServer extends LocalServer {
  requests: GetProductsRequestLog[];
}

const JSON_1_1 = "application/x-amz-json-1.1";

interface Product {
  productFamily?: string;
  attributes: Record<string, string>;
}

function matches(json: string, filters: GetProductsRequestLog["body"]["Filters"]): boolean {
  const { product } = JSON.parse(json) as { product: Product };
  return (filters ?? []).every((f) => {
    const value = f.Field === "productFamily" ? product.productFamily : product.attributes[f.Field];
    return f.Type === "TERM_MATCH" && value === f.Value;
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": JSON_1_1 });
  res.end(JSON.stringify(body));
}

/**
 * A local stand-in for the AWS Price List API on 127.0.0.1: `POST /` with
 * `X-Amz-Target: AWSPriceListService.GetProducts` and an application/x-amz-json-1.1 body
 * {ServiceCode, Filters, MaxResults, NextToken}; answers {FormatVersion, PriceList, NextToken}
 * with the products that match every TERM_MATCH filter (productFamily or an attribute).
 */
export async function startPriceListServer(
  options: PriceListServerOptions,
): Promise<PriceListServer> {
  const requests: GetProductsRequestLog[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const body = JSON.parse(text || "{}") as GetProductsRequestLog["body"];
    const log: GetProductsRequestLog = {
      target: req.headers["x-amz-target"] as string | undefined,
      contentType: req.headers["content-type"],
      signed: /^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? ""),
      body,
      status: 200,
    };
    requests.push(log);
    const answer = (status: number, payload: unknown) => {
      log.status = status;
      send(res, status, payload);
    };
    if (
      req.method !== "POST" ||
      req.url !== "/" ||
      log.target !== "AWSPriceListService.GetProducts"
    ) {
      answer(400, { __type: "UnknownOperationException", message: `no ${log.target}` });
      return;
    }
    if (log.contentType !== JSON_1_1 || !log.signed) {
      answer(400, { __type: "MissingAuthenticationTokenException", message: "not signed" });
      return;
    }
    if (options.failWith) {
      answer(options.failWith.status, {
        __type: options.failWith.type,
        message: options.failWith.message,
      });
      return;
    }
    if (options.throttle?.includes(requests.length)) {
      answer(400, { __type: "ThrottlingException", message: "Rate exceeded" });
      return;
    }
    const query = JSON.stringify([body.ServiceCode, body.Filters ?? []]);
    let offset = 0;
    if (body.NextToken !== undefined) {
      const [tokenQuery, tokenOffset] = JSON.parse(
        Buffer.from(body.NextToken, "base64url").toString("utf8"),
      ) as [string, number];
      if (tokenQuery !== query) {
        answer(400, { __type: "InvalidNextTokenException", message: "token of another query" });
        return;
      }
      offset = tokenOffset;
    }
    const all = (options.products[body.ServiceCode ?? ""] ?? []).filter((p) =>
      matches(p, body.Filters),
    );
    const size = Math.min(options.pageSize, body.MaxResults ?? 100);
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? offset + size : undefined;
    answer(200, {
      FormatVersion: "aws_v1",
      PriceList: page,
      ...(next === undefined
        ? {}
        : { NextToken: Buffer.from(JSON.stringify([query, next])).toString("base64url") }),
    });
  };
  return { ...(await startLocalServer(handle)), requests };
}
