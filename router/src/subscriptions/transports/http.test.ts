import { describe, expect, it } from "vitest";
import { streamKindOf } from "./http";

describe("streamKindOf", () => {
  it("reads Apollo's multipart subscription spec, quoted or not, and SSE", () => {
    expect(streamKindOf('multipart/mixed;subscriptionSpec="1.0", application/json')).toBe("multipart");
    expect(streamKindOf("multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json")).toBe(
      "multipart",
    );
    expect(streamKindOf("text/event-stream")).toBe("sse");
    expect(streamKindOf("Text/Event-Stream; charset=utf-8")).toBe("sse");
  });

  it("leaves everything else to the API: defer's multipart, another spec, JSON, a refused range", () => {
    expect(streamKindOf('multipart/mixed;deferSpec="20220824", application/json')).toBeUndefined();
    expect(streamKindOf('multipart/mixed;subscriptionSpec="2.0"')).toBeUndefined();
    expect(streamKindOf("application/json, */*")).toBeUndefined();
    expect(streamKindOf("text/event-stream;q=0, application/json")).toBeUndefined();
    expect(streamKindOf(undefined)).toBeUndefined();
  });

  it("takes the first streaming range the client lists", () => {
    expect(streamKindOf('text/event-stream, multipart/mixed;subscriptionSpec="1.0"')).toBe("sse");
    expect(streamKindOf('multipart/mixed;subscriptionSpec="1.0", text/event-stream')).toBe("multipart");
  });
});
