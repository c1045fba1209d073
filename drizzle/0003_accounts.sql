CREATE TABLE "identsphere"."avatar_deletions" (
	"key" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identsphere"."invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invitations_role_check" CHECK ("identsphere"."invitations"."role" in ('owner', 'admin', 'member'))
);
--> statement-breakpoint
CREATE TABLE "identsphere"."user_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"locale" text,
	"time_zone" text,
	"avatar_key" text,
	"avatar_content_type" text,
	"avatar_bytes" integer,
	"avatar_width" integer,
	"avatar_height" integer,
	"avatar_updated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identsphere"."invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "identsphere"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identsphere"."invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "identsphere"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identsphere"."user_profiles" ADD CONSTRAINT "user_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identsphere"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "identsphere"."invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "identsphere"."invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "identsphere"."invitations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "user_profiles_avatar_key" ON "identsphere"."user_profiles" USING btree ("avatar_key");