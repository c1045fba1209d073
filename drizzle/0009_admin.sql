CREATE TABLE "identsphere"."api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identsphere"."audit_logs" ADD COLUMN "actor_type" text;--> statement-breakpoint
ALTER TABLE "identsphere"."audit_logs" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "identsphere"."users" ADD COLUMN "disabled_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identsphere"."users" ADD COLUMN "disabled_reason" text;--> statement-breakpoint
ALTER TABLE "identsphere"."users" ADD COLUMN "platform_role" text;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "identsphere"."api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_created_idx" ON "identsphere"."api_keys" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "identsphere"."users" ADD CONSTRAINT "users_platform_role_check" CHECK ("identsphere"."users"."platform_role" in ('admin'));