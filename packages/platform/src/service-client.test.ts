import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_TOKEN_HEADER } from "./context";
import { createServiceClient, type ServiceOperation } from "./service-client";

/** The shape `@storefront/contracts` generates: the operation's text in a String carrying its types. */
class Operation<TData, TVariables> extends String implements ServiceOperation<TData, TVariables> {
  declare __apiType?: (variables: TVariables) => TData;
}

const VARIANT = new Operation<{ variant: { id: string; sku: string } | null }, { id: string }>(
  "query Variant($id: ID!) { variant(id: $id) { id sku } }",
);

interface Received {
  body: unknown;
  serviceToken: string | undefined;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

describe("service client", () => {
  const received: Received[] = [];
  const callee = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({ body, serviceToken: request.headers[SERVICE_TOKEN_HEADER] as string | undefined });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ data: { variant: { id: "v1", sku: "SKU-1" } } }));
    });
  });
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => callee.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(callee.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => callee.close(() => resolve())));

  it("sends the operation's text and variables with the service credential, and answers its data", async () => {
    const call = createServiceClient({ service: "catalogue", url, serviceToken: "platform-secret" });
    const data = await call(VARIANT, { id: "v1" });
    expect(data.variant?.sku).toBe("SKU-1");
    expect(received).toEqual([
      {
        body: { query: "query Variant($id: ID!) { variant(id: $id) { id sku } }", variables: { id: "v1" } },
        serviceToken: "platform-secret",
      },
    ]);
  });

  it("takes only typed operations, with their own variables (checked by the type-check)", () => {
    const call = createServiceClient({ service: "catalogue", url, serviceToken: undefined });
    const neverRun = () => [
      // @ts-expect-error a plain string carries no contract with the callee's schema
      call("query Variant($id: ID!) { variant(id: $id) { id sku } }", { id: "v1" }),
      // @ts-expect-error the variables are the operation's
      call(VARIANT, { sku: "SKU-1" }),
    ];
    expect(neverRun).toBeTypeOf("function");
  });
});
