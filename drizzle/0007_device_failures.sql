CREATE TABLE "identsphere"."device_failures" (
	"user_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"failed_count" integer NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "device_failures_user_id_device_hash_pk" PRIMARY KEY("user_id","device_hash")
);
--> statement-breakpoint
ALTER TABLE "identsphere"."device_failures" ADD CONSTRAINT "device_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identsphere"."users"("id") ON DELETE cascade ON UPDATE no action;