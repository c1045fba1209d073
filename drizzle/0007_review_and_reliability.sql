CREATE TABLE "identsphere"."device_failures" (
	"user_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"failed_count" integer NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "device_failures_user_id_device_hash_pk" PRIMARY KEY("user_id","device_hash")
);
--> statement-breakpoint
CREATE TABLE "identsphere"."idempotency_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"response_status" integer,
	"response" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identsphere"."mfa_challenges" ADD COLUMN "credential_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "identsphere"."users" ADD COLUMN "credential_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "identsphere"."device_failures" ADD CONSTRAINT "device_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identsphere"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "identsphere"."idempotency_keys" USING btree ("expires_at");