CREATE TYPE "public"."idempotency_key_status" AS ENUM('IN_PROGRESS', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "public"."idempotent_operation" AS ENUM('CHARGE', 'REFUND');--> statement-breakpoint
CREATE TYPE "public"."payment_failure_code" AS ENUM('DECLINED', 'INSUFFICIENT_FUNDS', 'PROCESSING_ERROR');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."refund_error_code" AS ENUM('PAYMENT_NOT_REFUNDABLE', 'AMOUNT_EXCEEDS_REFUNDABLE', 'PAYMENT_NOT_FOUND');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"operation" "idempotent_operation" NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "idempotency_key_status" DEFAULT 'IN_PROGRESS' NOT NULL,
	"lock_token" uuid,
	"locked_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"order_id" uuid,
	"payment_id" uuid,
	"refund_id" uuid,
	"error_code" "refund_error_code",
	"error_message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	CONSTRAINT "idempotency_keys_key_length" CHECK (char_length("idempotency_keys"."key") between 1 and 255),
	CONSTRAINT "idempotency_keys_outcome" CHECK (case "idempotency_keys"."status"
        when 'IN_PROGRESS' then "idempotency_keys"."lock_token" is not null and "idempotency_keys"."payment_id" is null and "idempotency_keys"."refund_id" is null and "idempotency_keys"."error_code" is null
        when 'COMPLETED' then "idempotency_keys"."completed_at" is not null and case "idempotency_keys"."operation"
          when 'CHARGE' then "idempotency_keys"."payment_id" is not null and "idempotency_keys"."refund_id" is null and "idempotency_keys"."error_code" is null
          when 'REFUND' then ("idempotency_keys"."refund_id" is not null) <> ("idempotency_keys"."error_code" is not null)
        end
      end)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"refunded_amount" integer DEFAULT 0 NOT NULL,
	"status" "payment_status" NOT NULL,
	"card_brand" text NOT NULL,
	"card_last4" text NOT NULL,
	"failure_code" "payment_failure_code",
	"failure_message" text,
	"provider_reference" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_currency_iso" CHECK ("payments"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payments_card_last4_digits" CHECK ("payments"."card_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payments_refunded_within_amount" CHECK ("payments"."refunded_amount" between 0 and "payments"."amount"),
	CONSTRAINT "payments_status_consistent" CHECK (case "payments"."status"
        when 'FAILED' then "payments"."failure_code" is not null and "payments"."refunded_amount" = 0
        when 'SUCCEEDED' then "payments"."failure_code" is null and "payments"."refunded_amount" = 0
        when 'PARTIALLY_REFUNDED' then "payments"."failure_code" is null and "payments"."refunded_amount" > 0 and "payments"."refunded_amount" < "payments"."amount"
        when 'REFUNDED' then "payments"."failure_code" is null and "payments"."refunded_amount" = "payments"."amount"
      end)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"reason" text,
	"requested_by" uuid NOT NULL,
	"provider_reference" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_amount_positive" CHECK ("refunds"."amount" > 0),
	CONSTRAINT "refunds_currency_iso" CHECK ("refunds"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_scope_key" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idempotency_keys_in_flight_order_idx" ON "idempotency_keys" USING btree ("order_id") WHERE "idempotency_keys"."status" = 'IN_PROGRESS';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_reference_key" ON "payments" USING btree ("provider_reference");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_provider_reference_key" ON "refunds" USING btree ("provider_reference");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id","created_at");