import { z } from "zod";
import { postalAddress } from "@storefront/contracts/address";
import { validateInput } from "@storefront/platform/validation";
import { validateCard } from "@storefront/payments/cards";
import type { CheckoutInput } from "../../generated/resolvers";

const checkoutInput = z
  .object({
    idempotencyKey: z.string().trim().min(8, "must be at least 8 characters").max(100),
    shippingAddressId: z.string().nullish(),
    shippingAddress: postalAddress.nullish(),
    shippingOptionId: z.string().trim().min(1, "must not be empty").max(64),
    card: z.object({
      number: z.string().max(30),
      expMonth: z.number().int(),
      expYear: z.number().int(),
      cvc: z.string().max(4),
    }),
  })
  .refine((i) => (i.shippingAddressId == null) !== (i.shippingAddress == null), {
    message: "give exactly one of shippingAddressId and shippingAddress",
    path: ["shippingAddressId"],
  });

/** A checkout request as the use case works with it: validated, trimmed, the card checked. */
export type CheckoutCommand = z.infer<typeof checkoutInput>;

/** The client's checkout input as a command, or BAD_USER_INPUT naming the field that is wrong. */
export function checkoutCommand(rawInput: CheckoutInput): CheckoutCommand {
  const command = validateInput(checkoutInput, rawInput);
  validateCard(command.card);
  return command;
}
