import { useSubscription } from "@apollo/client/react";
import { useState, useSyncExternalStore } from "react";
import { liveConnection } from "../apollo/subscriptions";
import { OrderStatusChangedDocument, type OrderStatus } from "../graphql/generated/graphql";

export interface LiveOrder {
  /** The live connection is up and the subscription active. */
  live: boolean;
  /** The subscription failed for good (e.g. the router refused it). */
  failed: boolean;
  /** The latest change received live, for the announcement. */
  lastChange: { status: OrderStatus; sequence: number } | undefined;
}

/**
 * Live status changes of one order. Each event carries the order as it is now, which Apollo's cache
 * merges into the order page by id. `afterSequence` starts at the last status the page has; after
 * a dropped connection, graphql-ws subscribes again with the last sequence received (see
 * ResumableSubscriptionLink), so the changes made meanwhile are replayed first and none is lost.
 */
export function useLiveOrder(orderId: string, knownSequence: number, enabled: boolean): LiveOrder {
  // The sequence the page had when live updates started; later ones come from the events.
  const [afterSequence, setAfterSequence] = useState<number>();
  if (enabled && afterSequence === undefined) setAfterSequence(knownSequence);
  const [lastChange, setLastChange] = useState<LiveOrder["lastChange"]>();
  const connection = useSyncExternalStore(liveConnection.subscribe, liveConnection.get);
  const { error } = useSubscription(OrderStatusChangedDocument, {
    variables: { orderId, afterSequence },
    skip: !enabled || afterSequence === undefined,
    context: {
      resumeVariables: (data) => ({
        afterSequence: (data as { orderStatusChanged: { sequence: number } }).orderStatusChanged.sequence,
      }),
    },
    onData: ({ data }) => {
      const event = data.data?.orderStatusChanged;
      if (event) {
        setLastChange((previous) =>
          previous && previous.sequence >= event.sequence
            ? previous
            : { status: event.status, sequence: event.sequence },
        );
      }
    },
  });
  return { live: enabled && !error && connection === "connected", failed: Boolean(error), lastChange };
}
