import { CompleteCheckoutDocument } from "@storefront/contracts/cart";
import type { OrderLineRow, OrderRow } from "../../db/schema";
import type { SagaContext, SagaDeps } from "./context";

/** Takes what the order bought out of the cart it came from (the cart service makes this idempotent on the order). */
export async function emptyCart(
  deps: Pick<SagaDeps, "cart">,
  ctx: SagaContext,
  order: OrderRow & { cartId: string },
  lines: OrderLineRow[],
): Promise<void> {
  await deps.cart(
    CompleteCheckoutDocument,
    {
      cartId: order.cartId,
      orderId: order.id,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    },
    { requestId: ctx.requestId },
  );
}
