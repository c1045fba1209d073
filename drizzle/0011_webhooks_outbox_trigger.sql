-- The webhook outbox: every auth change writes its audit row in the same transaction as the change, so a
-- trigger on the audit log writes the event in that transaction too (committed together or not at all).
-- Only when an enabled endpoint exists: without endpoints nothing accumulates. user.deleted is inserted by
-- the deletion itself (its audit row carries no user id by design), see src/features/accounts/user-deletion.ts.
-- The payload is a whitelist of ids and plain fields: never secrets, tokens, codes or email addresses.
-- Every name is schema-qualified as "identsphere": the migrator rewrites it to IDENTSPHERE_SCHEMA, function
-- body included (src/cli/migrate.ts).
CREATE FUNCTION "identsphere".webhook_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  types text[];
  payload jsonb;
  subject text;
BEGIN
  types := CASE NEW.event
    WHEN 'user.registered' THEN ARRAY['user.created']
    WHEN 'user.profile_updated' THEN ARRAY['user.updated']
    WHEN 'user.email_changed' THEN ARRAY['user.updated']
    WHEN 'user.avatar_updated' THEN ARRAY['user.updated']
    WHEN 'user.avatar_removed' THEN ARRAY['user.updated']
    WHEN 'user.disabled' THEN ARRAY['user.disabled']
    WHEN 'user.enabled' THEN ARRAY['user.enabled']
    WHEN 'login.succeeded' THEN ARRAY['session.created']
    WHEN 'logout' THEN ARRAY['session.revoked']
    WHEN 'session.revoked' THEN ARRAY['session.revoked']
    WHEN 'user.signed_out' THEN ARRAY['session.revoked']
    WHEN 'email.verified' THEN ARRAY['email.verified']
    WHEN 'password.changed' THEN ARRAY['password.changed']
    WHEN 'password.reset' THEN ARRAY['password.changed']
    WHEN 'mfa.totp_enabled' THEN ARRAY['mfa.enabled']
    WHEN 'mfa.totp_disabled' THEN ARRAY['mfa.disabled']
    WHEN 'mfa.reset' THEN ARRAY['mfa.disabled']
    WHEN 'passkey.registered' THEN ARRAY['passkey.added']
    WHEN 'passkey.deleted' THEN ARRAY['passkey.removed']
    WHEN 'identity.linked' THEN ARRAY['identity.linked']
    WHEN 'identity.unlinked' THEN ARRAY['identity.unlinked']
    WHEN 'organization.created' THEN ARRAY['organization.created']
    WHEN 'organization.deleted' THEN ARRAY['organization.deleted']
    WHEN 'organization.member_invited' THEN ARRAY['invitation.created']
    WHEN 'organization.invitation_revoked' THEN ARRAY['invitation.revoked']
    WHEN 'organization.invitation_accepted' THEN ARRAY['membership.added', 'invitation.accepted']
    WHEN 'organization.member_role_changed' THEN ARRAY['membership.role_changed']
    WHEN 'organization.member_removed' THEN ARRAY['membership.removed']
    WHEN 'organization.member_left' THEN ARRAY['membership.removed']
    ELSE NULL
  END;
  IF types IS NULL OR NOT EXISTS (SELECT 1 FROM "identsphere".webhook_endpoints WHERE enabled) THEN
    RETURN NULL;
  END IF;
  -- Membership changes made by someone else are about the member (target_user_id), done by user_id.
  subject := coalesce(NEW.metadata->>'target_user_id', NEW.user_id::text);
  payload := jsonb_strip_nulls(jsonb_build_object(
    'user_id', subject,
    'organization_id', NEW.organization_id,
    'changed_by', CASE WHEN NEW.metadata ? 'target_user_id' THEN NEW.user_id::text END,
    'session_id', NEW.metadata->>'session_id',
    'sessions', NEW.metadata->>'scope',
    'method', NEW.metadata->>'method',
    'provider', NEW.metadata->>'provider',
    'identity_id', NEW.metadata->>'identity_id',
    'passkey_id', NEW.metadata->>'passkey_id',
    'invitation_id', NEW.metadata->>'invitation_id',
    'role', coalesce(NEW.metadata->>'to', NEW.metadata->>'role'),
    'previous_role', NEW.metadata->>'from',
    'fields', NEW.metadata->'fields',
    'via', CASE WHEN NEW.event = 'password.reset' THEN 'reset' ELSE NEW.metadata->>'via' END,
    'until', NEW.metadata->>'until',
    'actor', CASE WHEN NEW.actor_type IS NOT NULL THEN jsonb_build_object('type', NEW.actor_type, 'id', NEW.actor_id) END
  ));
  INSERT INTO "identsphere".webhook_events (audit_id, request_id, type, user_id, organization_id, data, created_at)
  -- Never fail the change itself over an event: a subject that is not a UUID is recorded without one.
  SELECT NEW.id, NEW.request_id, t,
         CASE WHEN subject ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN subject::uuid END,
         NEW.organization_id, payload, NEW.created_at
  FROM unnest(types) AS t;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER webhook_outbox AFTER INSERT ON "identsphere".audit_logs
  FOR EACH ROW EXECUTE FUNCTION "identsphere".webhook_outbox();
