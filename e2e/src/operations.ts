/** The selection the storefront's order page follows: fields from orders, payments, shipping and the catalogue. */
export const ORDER_STATUS = `subscription Follow($id: ID!, $after: Int) {
  orderStatusChanged(orderId: $id, afterSequence: $after) {
    status
    sequence
    order {
      total { amount }
      payment { status }
      shipment { trackingNumber }
      lines { quantity variant { sku product { name } } }
    }
  }
}`;

export interface StatusEvent {
  orderStatusChanged: {
    status: string;
    sequence: number;
    order: {
      total: { amount: number };
      payment: { status: string } | null;
      shipment: { trackingNumber: string } | null;
      lines: { quantity: number; variant: { sku: string; product: { name: string } } }[];
    };
  };
}
