/**
 * What the payments service needs from a card processor. The service owns idempotency towards
 * its own callers; the provider gets a key of its own with every call so that a retry after a
 * crash (same key) is recognised by the processor as the same charge or refund, never a new one.
 */

export type ChargeOutcome = "SUCCEEDED" | "DECLINED" | "INSUFFICIENT_FUNDS" | "PROCESSING_ERROR";

/** The card as the customer typed it (validated). Only ever passed to the provider, never stored. */
export interface ProviderCard {
  /** Digits only. */
  number: string;
  expMonth: number;
  /** Four digits. */
  expYear: number;
  cvc: string;
}

export interface ChargeRequest {
  /** Minor units of `currency`. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  card: ProviderCard;
  idempotencyKey: string;
}

export interface ChargeResult {
  outcome: ChargeOutcome;
  /** The processor's id for the charge; refunds name it. */
  providerReference: string;
  /** The processor's own reason for a refusal, for the log (never shown to customers as is). */
  declineCode?: string;
}

export interface RefundRequest {
  /** The charge to refund (its `providerReference`). */
  providerReference: string;
  /** Minor units, at most what is left of the charge (the service checks before calling). */
  amount: number;
  idempotencyKey: string;
}

export interface RefundResult {
  providerReference: string;
}

export interface PaymentProvider {
  /** Short name for logs, e.g. `test-mode`. */
  readonly name: string;
  /** Resolves with the outcome of a charge that was tried; rejects only when the outcome is unknown. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Resolves once the money is on its way back; rejects when the refund could not be made. */
  refund(request: RefundRequest): Promise<RefundResult>;
}
