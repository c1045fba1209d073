CREATE TABLE "identsphere"."email_otp_codes" (
	"email" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_otp_codes_attempts_check" CHECK ("identsphere"."email_otp_codes"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "identsphere"."email_otp_codes" ADD CONSTRAINT "email_otp_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identsphere"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_otp_codes_user_idx" ON "identsphere"."email_otp_codes" USING btree ("user_id");