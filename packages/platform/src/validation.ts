import type { z } from "zod";
import { badUserInput } from "./errors";

/**
 * Validates mutation input before anything is written. The first problem becomes a
 * BAD_USER_INPUT error whose `extensions.field` names the offending field (dotted path).
 */
export function validateInput<TSchema extends z.ZodType>(schema: TSchema, input: unknown): z.infer<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  throw badUserInput(field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}
