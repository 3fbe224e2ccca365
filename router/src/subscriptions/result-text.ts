import type { FormattedExecutionResult } from "graphql";

/**
 * The JSON text of each result, made once however many subscribers it is sent to: every
 * subscriber of a shared subscription is handed the same result object, and serializing it again
 * for each of a thousand subscribers is most of an event's fan-out. Kept as long as the result is.
 */
const texts = new WeakMap<FormattedExecutionResult, string>();

export function resultText(result: FormattedExecutionResult): string {
  let text = texts.get(result);
  if (text === undefined) {
    text = JSON.stringify(result);
    texts.set(result, text);
  }
  return text;
}
