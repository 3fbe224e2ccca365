import { randomUUID } from "node:crypto";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import type { ShippingAddress } from "@storefront/contracts/events";
import type { OrdersDependencies } from "../../dependencies";
import { orderLines, orderStatusHistory, orders, type OrderRow } from "../../db/schema";
import { orderTotals } from "../../domain/pricing";
import { statusChangedMessage } from "../transitions";
import type { CheckoutCommand } from "./input";
import type { CheckoutCart } from "./remote";

/**
 * Creates the order (PENDING) with its lines' price snapshot, its first history entry and its
 * first status event, in one transaction. Resolves undefined when another request with the same
 * idempotency key created it first.
 */
export async function createOrder(
  deps: Pick<OrdersDependencies, "db" | "relay">,
  placed: {
    userId: string;
    command: CheckoutCommand;
    cart: CheckoutCart & { currency: string };
    address: ShippingAddress;
    shippingTotal: number;
  },
): Promise<OrderRow | undefined> {
  const { userId, command, cart, address, shippingTotal } = placed;
  const id = randomUUID();
  const totals = orderTotals(cart.lines, shippingTotal);
  return inTransactionWithOutbox(deps.db, deps.relay, async (tx, outbox) => {
    const [order] = await tx
      .insert(orders)
      .values({
        id,
        userId,
        idempotencyKey: command.idempotencyKey,
        currency: cart.currency,
        ...totals,
        shippingAddress: address,
        shippingOptionId: command.shippingOptionId,
        cartId: cart.cartId,
      })
      .onConflictDoNothing({ target: [orders.userId, orders.idempotencyKey] })
      .returning();
    if (!order) return undefined;
    await tx
      .insert(orderLines)
      .values(cart.lines.map((line, position) => ({ ...line, orderId: id, position })));
    await tx
      .insert(orderStatusHistory)
      .values({ orderId: id, status: "PENDING", sequence: 1, note: "Order placed" });
    await outbox.enqueue(statusChangedMessage(order, null));
    return order;
  });
}
