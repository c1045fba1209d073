// Generated from the OpenAPI document (GET /v1/openapi.json) by `npm run generate -w @identsphere/client`.
// Do not edit: test/generated.test.ts fails when this file no longer matches the document.

export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 503 when the database does not answer */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's live sessions */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every other session of the user */
        post: operations["revokeOtherSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of the user’s sessions */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a sign-in that answered mfa_required, with a TOTP code or a recovery code */
        post: operations["completeMfaChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether MFA is on, its methods, and how many recovery codes are left */
        get: operations["getMfaStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment (fresh authentication: the password, or a recent sign-in) */
        post: operations["setupTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment with a first code; turns MFA on */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Turn TOTP off (fresh authentication: the password, or a recent sign-in) */
        delete: operations["disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the recovery codes (fresh authentication: the password, or a recent sign-in) */
        post: operations["regenerateRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/login/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WebAuthn options for a passkey sign-in (discoverable, or bound to an email) */
        post: operations["passkeyLoginOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/login/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey assertion (multi-factor: never asks for MFA) */
        post: operations["passkeyLoginVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's passkeys */
        get: operations["listPasskeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/register/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** WebAuthn options to add a passkey (fresh authentication: the password, or a recent sign-in) */
        post: operations["passkeyRegisterOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/register/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store a new passkey from its attestation */
        post: operations["passkeyRegisterVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a passkey (fresh authentication: the password, or a recent sign-in) */
        delete: operations["deletePasskey"];
        options?: never;
        head?: never;
        /** Rename a passkey */
        patch: operations["renamePasskey"];
        trace?: never;
    };
    "/v1/auth/oauth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The configured sign-in providers */
        get: operations["listOAuthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start a sign-in with a provider (with a session: link it to the signed-in user, which needs a session signed in within 5 minutes) */
        get: operations["startOAuth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/{provider}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start linking a provider to the signed-in user (fresh authentication: a recent sign-in or the password) */
        post: operations["linkOAuthProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back */
        get: operations["oauthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's linked sign-in providers */
        get: operations["listIdentities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/identities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a provider identity (refused for the last way to sign in) */
        delete: operations["unlinkIdentity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and its organization, and sign in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the avatar: the raw image as the body (PNG, JPEG, WebP or GIF; at most 5 MiB, 4096×4096) */
        put: operations["uploadAvatar"];
        post?: never;
        /** Remove the avatar */
        delete: operations["deleteAvatar"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s profile */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /** Delete the account (fresh authentication: the password, or a recent sign-in) */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        /** Update the profile; a new email needs fresh authentication and applies once confirmed */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/v1/auth/me/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email change with the token from the link sent to the new address */
        post: operations["confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything stored about the user (a JSON attachment) */
        get: operations["exportMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/avatars/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An avatar image (when no public avatar base URL is configured); keys are never reused */
        get: operations["getAvatar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's organizations */
        get: operations["listOrganizations"];
        put?: never;
        /** Create an organization, owned by the user */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make one of the user’s organizations the active one of this session */
        post: operations["switchOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an organization (owners only) */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of an organization */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member’s role (only owners grant or take away ownership) */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/v1/auth/organizations/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave an organization */
        post: operations["leaveOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations of an organization */
        get: operations["listInvitations"];
        put?: never;
        /** Invite an address (owners and admins; only owners invite owners) */
        post: operations["inviteMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/organizations/{id}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation as the signed-in account (it must be the invited address) */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/invitations/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation by creating the invited account, and sign in */
        post: operations["registerByInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events, newest first: the user's own, or the active organization's (owners and admins) */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password reset link (same answer whether or not the account exists) */
        post: operations["forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token (ends every session of the user) */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (the current one is required) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the verification email again */
        post: operations["requestEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the email address with the token from the link */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email-otp/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a 6-digit sign-in code (same answer whether or not the account exists) */
        post: operations["requestEmailOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email-otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with an emailed code */
        post: operations["verifyEmailOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A short-lived access token (EdDSA JWT) for other services, verifiable with the JWKS */
        post: operations["issueAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (JWKS) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find users: email prefix or name, disabled filter; newest first, cursor-paginated */
        get: operations["adminListUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user: profile, organizations, sessions, identities, MFA and passkeys, recent sign-ins */
        get: operations["adminGetUser"];
        put?: never;
        post?: never;
        /** Delete the account completely (the same deletion as self-service) */
        delete: operations["adminDeleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: its sessions end at once and every sign-in is refused (until `until`, if given) */
        post: operations["adminDisableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account (nothing changes for an enabled one) */
        post: operations["adminEnableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the user (the account stays usable) */
        post: operations["adminSignOutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the second factor (TOTP, recovery codes); with passkeys=true every passkey too */
        delete: operations["adminResetMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the user's email address verified */
        post: operations["adminVerifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook endpoint, newest first */
        get: operations["adminListWebhooks"];
        put?: never;
        /** Register an endpoint; the answer carries its signing secret, shown this once */
        post: operations["adminCreateWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret) */
        get: operations["adminGetWebhook"];
        put?: never;
        post?: never;
        /** Delete an endpoint and its delivery log; nothing more is sent to it */
        delete: operations["adminDeleteWebhook"];
        options?: never;
        head?: never;
        /** Change the URL, event types, description, or enable/disable (enabling clears `failing`) */
        patch: operations["adminUpdateWebhook"];
        trace?: never;
    };
    "/v1/admin/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); the replaced one keeps signing beside it for previous_secret_expires_in seconds (default 24 h, 0: at once) */
        post: operations["adminRotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries (status, attempts, last answer), newest first, cursor-paginated */
        get: operations["adminListWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same webhook-id), whatever its status */
        post: operations["adminRedeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find organizations by name; newest first, cursor-paginated */
        get: operations["adminListOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of the whole platform, filtered by user, organization and event; newest first */
        get: operations["adminListAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SignedIn: {
            user: components["schemas"]["User"];
            organization: components["schemas"]["Organization"] | null;
            session: components["schemas"]["Session"];
            /** @description Only with `IdentSphere-Session-Transport: bearer` (native apps): send it as `Authorization: Bearer <session_token>`. No cookie is set then. */
            session_token?: string;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string | null;
            email_verified: boolean;
            /** Format: date-time */
            created_at: string;
        };
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
        };
        Session: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_seen_at: string;
            /** Format: date-time */
            idle_expires_at: string;
            /** Format: date-time */
            expires_at: string;
            amr?: string[];
        };
        Passkey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            created_at: string;
            last_used_at: string | null;
            device_type: string;
            backed_up: boolean;
            transports: string[];
        };
        MfaRequired: {
            /** @constant */
            mfa_required: true;
            mfa_token: string;
            methods: ("totp" | "recovery_code" | "passkey")[];
            /** Format: date-time */
            expires_at: string;
        };
        UserProfile: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string | null;
            email_verified: boolean;
            /** Format: date-time */
            created_at: string;
            locale: string | null;
            time_zone: string | null;
            avatar_url: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        Member: {
            /** Format: uuid */
            user_id: string;
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /** Format: date-time */
            joined_at: string;
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            invited_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
        };
        AccessToken: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            expires_in: number;
        };
        JWKS: {
            keys: {
                /** @constant */
                kty: "OKP";
                /** @constant */
                crv: "Ed25519";
                x: string;
                kid: string;
                /** @constant */
                alg: "EdDSA";
                /** @constant */
                use: "sig";
            }[];
        };
        AdminUser: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string | null;
            email_verified: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            platform_role: "admin" | null;
            disabled: boolean;
            disabled_at: string | null;
            disabled_until: string | null;
            disabled_reason: string | null;
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            event_types: string[];
            enabled: boolean;
            failing: boolean;
            failing_since: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed" | "dead";
            attempts: number;
            last_status: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            next_attempt_at: string | null;
            delivered_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "invalid_json" | "invalid_request" | "invalid_token" | "ambiguous_credentials" | "unauthorized" | "invalid_credentials" | "invalid_code" | "csrf" | "forbidden" | "invalid_password" | "not_found" | "method_not_allowed" | "email_taken" | "password_not_set" | "reauthentication_required" | "invitation_invalid" | "invitation_email_mismatch" | "already_member" | "last_owner" | "last_admin" | "transfer_ownership_first" | "invalid_image" | "invalid_mfa_token" | "invalid_mfa_code" | "mfa_already_enabled" | "mfa_not_enabled" | "conflict" | "idempotency_key_in_progress" | "idempotency_key_reused" | "passkey_rejected" | "invalid_redirect" | "oauth_state_invalid" | "oauth_denied" | "oauth_exchange_failed" | "oauth_id_token_invalid" | "oauth_email_required" | "oauth_account_exists" | "identity_in_use" | "last_sign_in_method" | "account_disabled" | "oauth_provider_unavailable" | "payload_too_large" | "unsupported_media_type" | "password_breached" | "captcha_required" | "captcha_invalid" | "captcha_unavailable" | "rate_limited" | "internal" | "service_unavailable" | "misconfigured";
                message: string;
                request_id: string;
                details?: {
                    field?: string;
                    message: string;
                }[];
            };
        };
    };
    responses: {
        /** @description `ambiguous_credentials` */
        "400-ambiguous_credentials": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `internal` */
        "500-internal": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `misconfigured`, `service_unavailable` */
        "503-misconfigured-service_unavailable": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unauthorized` */
        "401-unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf` */
        "403-csrf": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress` */
        "409-idempotency_key_in_progress": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_reused` */
        "422-idempotency_key_reused": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `not_found` */
        "404-not_found": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_json`, `invalid_request` */
        "400-ambiguous_credentials-invalid_json-invalid_request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `invalid_mfa_code`, `invalid_mfa_token` */
        "401-invalid_mfa_code-invalid_mfa_token": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `payload_too_large` */
        "413-payload_too_large": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `unsupported_media_type` */
        "415-unsupported_media_type": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `rate_limited` */
        "429-rate_limited": {
            headers: {
                /** @description Whole seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `reauthentication_required` */
        "403-csrf-reauthentication_required": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `mfa_already_enabled` */
        "409-idempotency_key_in_progress-mfa_already_enabled": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `invalid_mfa_code`, `unauthorized` */
        "401-invalid_mfa_code-unauthorized": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `conflict`, `idempotency_key_in_progress`, `mfa_already_enabled`, `mfa_not_enabled` */
        "409-conflict-idempotency_key_in_progress-mfa_already_enabled-mfa_not_enabled": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `mfa_not_enabled` */
        "409-idempotency_key_in_progress-mfa_not_enabled": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_json`, `invalid_request`, `passkey_rejected` */
        "400-ambiguous_credentials-invalid_json-invalid_request-passkey_rejected": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_redirect`, `invalid_request` */
        "400-ambiguous_credentials-invalid_redirect-invalid_request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `reauthentication_required` */
        "403-reauthentication_required": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `misconfigured`, `oauth_provider_unavailable`, `service_unavailable` */
        "503-misconfigured-oauth_provider_unavailable-service_unavailable": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_json`, `invalid_redirect`, `invalid_request` */
        "400-ambiguous_credentials-invalid_json-invalid_redirect-invalid_request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_redirect`, `invalid_request`, `oauth_denied`, `oauth_email_required`, `oauth_exchange_failed`, `oauth_id_token_invalid`, `oauth_state_invalid` */
        "400-ambiguous_credentials-invalid_redirect-invalid_request-oauth_denied-oauth_email_required-oauth_exchange_failed-oauth_id_token_invalid-oauth_state_invalid": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `account_disabled` */
        "403-account_disabled": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `identity_in_use`, `oauth_account_exists` */
        "409-identity_in_use-oauth_account_exists": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `last_sign_in_method` */
        "409-idempotency_key_in_progress-last_sign_in_method": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `captcha_invalid`, `captcha_required`, `invalid_json`, `invalid_request` */
        "400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `email_taken`, `idempotency_key_in_progress` */
        "409-email_taken-idempotency_key_in_progress": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_reused`, `password_breached` */
        "422-idempotency_key_reused-password_breached": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `captcha_unavailable`, `misconfigured`, `service_unavailable` */
        "503-captcha_unavailable-misconfigured-service_unavailable": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `invalid_credentials` */
        "401-invalid_credentials": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_reused`, `invalid_image` */
        "422-idempotency_key_reused-invalid_image": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_json`, `invalid_request`, `invalid_token` */
        "400-ambiguous_credentials-invalid_json-invalid_request-invalid_token": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `last_admin`, `transfer_ownership_first` */
        "409-idempotency_key_in_progress-last_admin-transfer_ownership_first": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `forbidden` */
        "403-csrf-forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `forbidden` */
        "403-forbidden": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `last_owner` */
        "409-idempotency_key_in_progress-last_owner": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `already_member`, `idempotency_key_in_progress` */
        "409-already_member-idempotency_key_in_progress": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_json`, `invalid_request`, `invitation_invalid` */
        "400-ambiguous_credentials-invalid_json-invalid_request-invitation_invalid": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `invitation_email_mismatch` */
        "403-csrf-invitation_email_mismatch": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `captcha_invalid`, `captcha_required`, `invalid_json`, `invalid_request`, `invitation_invalid` */
        "400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request-invitation_invalid": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `ambiguous_credentials`, `invalid_request` */
        "400-ambiguous_credentials-invalid_request": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `invalid_password` */
        "403-csrf-invalid_password": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `password_not_set` */
        "409-idempotency_key_in_progress-password_not_set": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `invalid_code` */
        "401-invalid_code": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `forbidden`, `reauthentication_required` */
        "403-csrf-forbidden-reauthentication_required": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `idempotency_key_in_progress`, `last_admin` */
        "409-idempotency_key_in_progress-last_admin": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `csrf`, `forbidden`, `invalid_password`, `reauthentication_required` */
        "403-csrf-forbidden-invalid_password-reauthentication_required": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
        IdempotencyKey: string;
        /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
        SessionTransport: "bearer" | "cookie";
        /** @description Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge (or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed). */
        TurnstileToken: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        /** @constant */
                        database: "ok";
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: {
                            /** Format: uuid */
                            id: string;
                            current: boolean;
                            ip: string | null;
                            user_agent: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            last_seen_at: string;
                            /** Format: date-time */
                            expires_at: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeOtherSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done (the cookie is deleted when it was the current session) */
            204: {
                headers: {
                    /** @description Deletes the session cookie (`__Host-identsphere_session` in production); not for a bearer request. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    completeMfaChallenge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfa_token: string;
                    code: string;
                } | {
                    mfa_token: string;
                    recovery_code: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-invalid_mfa_code-invalid_mfa_token"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMfaStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description MFA status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        methods: ("totp" | "recovery_code" | "passkey")[];
                        recovery_codes_remaining: number;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setupTotp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The secret to add to the authenticator app */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        otpauth_uri: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress-mfa_already_enabled"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description MFA on; the recovery codes (shown once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recovery_codes: string[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-invalid_mfa_code-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-conflict-idempotency_key_in_progress-mfa_already_enabled-mfa_not_enabled"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress-mfa_not_enabled"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    regenerateRecoveryCodes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The new recovery codes (shown once); the old ones no longer work */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recovery_codes: string[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress-mfa_not_enabled"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    passkeyLoginOptions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email?: string;
                };
            };
        };
        responses: {
            /** @description Options for navigator.credentials.get() */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rpId?: string;
                        timeout?: number;
                        allowCredentials?: {
                            id: string;
                            type: string;
                            transports?: string[];
                        }[];
                        userVerification?: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    passkeyLoginVerify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    response: {
                        id: string;
                        rawId: string;
                        /** @constant */
                        type: "public-key";
                        /** @enum {string} */
                        authenticatorAttachment?: "platform" | "cross-platform";
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        response: {
                            clientDataJSON: string;
                            authenticatorData: string;
                            signature: string;
                            userHandle?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-passkey_rejected"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Passkeys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkeys: components["schemas"]["Passkey"][];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    passkeyRegisterOptions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Options for navigator.credentials.create() */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rp: {
                            name: string;
                            id?: string;
                        };
                        user: {
                            id: string;
                            name: string;
                            displayName: string;
                        };
                        pubKeyCredParams: {
                            alg: number;
                            type: string;
                        }[];
                        timeout?: number;
                        excludeCredentials?: {
                            id: string;
                            type: string;
                            transports?: string[];
                        }[];
                        authenticatorSelection?: {
                            residentKey?: string;
                            userVerification?: string;
                        };
                        attestation?: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    passkeyRegisterVerify: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    response: {
                        id: string;
                        rawId: string;
                        /** @constant */
                        type: "public-key";
                        /** @enum {string} */
                        authenticatorAttachment?: "platform" | "cross-platform";
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        response: {
                            clientDataJSON: string;
                            attestationObject: string;
                            transports?: string[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Passkey added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkey: components["schemas"]["Passkey"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-passkey_rejected"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePasskey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renamePasskey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Renamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkey: components["schemas"]["Passkey"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Providers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            id: string;
                            name: string;
                            start_url: string;
                            callback_url: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startOAuth: {
        parameters: {
            query?: {
                redirect_to?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider (flow cookie set); on failure, back to redirect_to (or the app URL) with ?error=<code> (?error=reauthentication_required for a link from an older session: use POST …/link with the password). Errors are JSON only when no safe redirect target is known. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_redirect-invalid_request"];
            403: components["responses"]["403-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-oauth_provider_unavailable-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkOAuthProvider: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    redirect_to?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The authorization URL to navigate to (flow cookie set); the callback then answers ?linked=<provider> */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorization_url: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_redirect-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-oauth_provider_unavailable-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    oauthCallback: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                iss?: string;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to redirect_to: signed in (session cookie set); or, MFA on, #mfa_token=… in the fragment (finish at POST /v1/auth/mfa/challenge); or ?linked=<provider>; or ?error=<code>. Errors are JSON only when no safe target is known. */
            302: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_redirect-invalid_request-oauth_denied-oauth_email_required-oauth_exchange_failed-oauth_id_token_invalid-oauth_state_invalid"];
            403: components["responses"]["403-account_disabled"];
            409: components["responses"]["409-identity_in_use-oauth_account_exists"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-oauth_provider_unavailable-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listIdentities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Identities */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        identities: {
                            /** Format: uuid */
                            id: string;
                            provider: string;
                            email: string | null;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlinkIdentity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_sign_in_method"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
                /** @description Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge (or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed). */
                "cf-turnstile-response"?: components["parameters"]["TurnstileToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    organization_name?: string;
                    name?: string;
                    /** @description Cloudflare Turnstile token, when IDENTSPHERE_TURNSTILE_SECRET is set (or send the cf-turnstile-response header). */
                    turnstile_token?: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            201: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-email_taken-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused-password_breached"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-captcha_unavailable-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in (session cookie set; with `IdentSphere-Session-Transport: bearer`, `session_token` instead), or `mfa_required` with an mfa_token (no session) */
            200: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"] | components["schemas"]["MfaRequired"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-invalid_credentials"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done (also without a session) */
            204: {
                headers: {
                    /** @description Deletes the session cookie (`__Host-identsphere_session` in production); not for a bearer request. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadAvatar: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/*": string;
            };
        };
        responses: {
            /** @description The new avatar URL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatar_url: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused-invalid_image"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAvatar: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["UserProfile"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Deleted; the session cookie is deleted */
            204: {
                headers: {
                    /** @description Deletes the session cookie (`__Host-identsphere_session` in production); not for a bearer request. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress-last_admin-transfer_ownership_first"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    locale?: string | null;
                    time_zone?: string | null;
                    email?: string;
                    current_password?: string;
                };
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["UserProfile"];
                        email_change?: {
                            email: string;
                            /** @constant */
                            status: "verification_sent";
                        };
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-reauthentication_required"];
            409: components["responses"]["409-email_taken-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmEmailChange: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The user, with the new email */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["UserProfile"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-invalid_token"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-email_taken-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        format: "identsphere.user-export.v1";
                        /** Format: date-time */
                        exported_at: string;
                        account: {
                            [key: string]: unknown;
                        };
                        profile: components["schemas"]["UserProfile"];
                        organizations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            role: string;
                            /** Format: date-time */
                            joined_at: string;
                        }[];
                        sessions: ({
                            /** Format: uuid */
                            id: string;
                            current: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        audit_events: ({
                            id: string;
                            event: string;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        other_records: {
                            [key: string]: {
                                [key: string]: unknown;
                            }[];
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAvatar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, as its sniffed type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            404: components["responses"]["404-not_found"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organizations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            joined_at: string;
                            current: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            joined_at: string;
                        };
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    switchOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session, with its new organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: components["schemas"]["Member"][];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_owner"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "owner" | "admin" | "member";
                };
            };
        };
        responses: {
            /** @description The member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        member: components["schemas"]["Member"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_owner"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    leaveOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_owner"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitations: components["schemas"]["Invitation"][];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    inviteMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "owner" | "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Invited (the email was sent) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invitation: components["schemas"]["Invitation"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-already_member-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Joined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-invitation_invalid"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-invitation_email_mismatch"];
            409: components["responses"]["409-already_member-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerByInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
                /** @description Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge (or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed). */
                "cf-turnstile-response"?: components["parameters"]["TurnstileToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                    name?: string;
                    /** @description Cloudflare Turnstile token, when IDENTSPHERE_TURNSTILE_SECRET is set (or send the cf-turnstile-response header). */
                    turnstile_token?: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            201: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request-invitation_invalid"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-email_taken-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused-password_breached"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-captcha_unavailable-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                scope?: "user" | "organization";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass next_cursor as cursor for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            id: string;
                            event: string;
                            user_id: string | null;
                            organization_id: string | null;
                            request_id: string | null;
                            actor: {
                                /** @enum {string} */
                                type: "user" | "api_key" | "cli" | "system";
                                id: string | null;
                            } | null;
                            ip: string | null;
                            user_agent: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    forgotPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge (or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed). */
                "cf-turnstile-response"?: components["parameters"]["TurnstileToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @description Cloudflare Turnstile token, when IDENTSPHERE_TURNSTILE_SECRET is set (or send the cf-turnstile-response header). */
                    turnstile_token?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: a link is sent if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-captcha_unavailable-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-invalid_token"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused-password_breached"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Done */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-invalid_password"];
            409: components["responses"]["409-idempotency_key_in_progress-password_not_set"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused-password_breached"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestEmailVerification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the email is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Verified. prior_credentials_revoked: this first proof of the mailbox, made without a session of the account, ended every credential and session set up before it (password included) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email_verified: boolean;
                        prior_credentials_revoked: boolean;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request-invalid_token"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestEmailOtp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Only when the operator set IDENTSPHERE_TURNSTILE_SECRET: the Cloudflare Turnstile token of a solved challenge (or send it as `turnstile_token` in the body). Missing: 400 `captcha_required`; refused: 400 `captcha_invalid`; siteverify unreachable: 503 `captcha_unavailable` (fail closed, nothing changed). */
                "cf-turnstile-response"?: components["parameters"]["TurnstileToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @description Cloudflare Turnstile token, when IDENTSPHERE_TURNSTILE_SECRET is set (or send the cf-turnstile-response header). */
                    turnstile_token?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: a code is sent if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-captcha_invalid-captcha_required-invalid_json-invalid_request"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-captcha_unavailable-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyEmailOtp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Native apps, which cannot keep cookies: `bearer` answers a successful sign-in with the session token as `session_token` in the body and sets no cookie at all; send it as `Authorization: Bearer <session_token>`. Absent (or any other value): the session cookie. A pending MFA sign-in (`mfa_required`) carries no session either way: send the header again with POST /v1/auth/mfa/challenge. */
                "IdentSphere-Session-Transport"?: components["parameters"]["SessionTransport"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Signed in (session cookie set; with `IdentSphere-Session-Transport: bearer`, `session_token` instead), or `mfa_required` with an mfa_token (no session) */
            200: {
                headers: {
                    /** @description Sets the session cookie: `__Host-identsphere_session` in production (Secure, host-only; `identsphere_session` when cookies are not Secure or share a Domain), HttpOnly, SameSite=Lax (or as IDENTSPHERE_COOKIE_SAMESITE sets it), Path=/. Not with `IdentSphere-Session-Transport: bearer` (no Set-Cookie at all then). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"] | components["schemas"]["MfaRequired"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-invalid_code"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueAccessToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            422: components["responses"]["422-idempotency_key_reused"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JWKS"];
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminListUsers: {
        parameters: {
            query?: {
                query?: string;
                disabled?: "true" | "false";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass next_cursor as cursor for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["AdminUser"][];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminGetUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            name: string | null;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            platform_role: "admin" | null;
                            disabled: boolean;
                            disabled_at: string | null;
                            disabled_until: string | null;
                            disabled_reason: string | null;
                            locale: string | null;
                            time_zone: string | null;
                        };
                        organizations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            joined_at: string;
                        }[];
                        sessions: {
                            /** Format: uuid */
                            id: string;
                            current: boolean;
                            ip: string | null;
                            user_agent: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            last_seen_at: string;
                            /** Format: date-time */
                            expires_at: string;
                        }[];
                        identities: {
                            /** Format: uuid */
                            id: string;
                            provider: string;
                            email: string | null;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                            last_used_at: string | null;
                        }[];
                        mfa: {
                            totp_enabled: boolean;
                            recovery_codes_remaining: number;
                        };
                        passkeys: components["schemas"]["Passkey"][];
                        recent_sign_ins: {
                            id: string;
                            event: string;
                            user_id: string | null;
                            organization_id: string | null;
                            request_id: string | null;
                            actor: {
                                /** @enum {string} */
                                type: "user" | "api_key" | "cli" | "system";
                                id: string | null;
                            } | null;
                            ip: string | null;
                            user_agent: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminDeleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_admin-transfer_ownership_first"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminDisableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** Format: date-time */
                    until?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Disabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["AdminUser"];
                        sessions_revoked: number;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress-last_admin"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminEnableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Enabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["AdminUser"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminSignOutUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Signed out everywhere */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions_revoked: number;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminResetMfa: {
        parameters: {
            query?: {
                passkeys?: "true" | "false";
            };
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description What was removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        totp_removed: boolean;
                        passkeys_removed: number;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminVerifyEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["AdminUser"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminListWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["WebhookEndpoint"][];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminCreateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    event_types?: ("user.created" | "user.updated" | "user.deleted" | "user.disabled" | "user.enabled" | "session.created" | "session.revoked" | "email.verified" | "password.changed" | "mfa.enabled" | "mfa.disabled" | "passkey.added" | "passkey.removed" | "identity.linked" | "identity.unlinked" | "organization.created" | "organization.deleted" | "membership.added" | "membership.removed" | "membership.role_changed" | "invitation.created" | "invitation.revoked" | "invitation.accepted")[];
                    description?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["WebhookEndpoint"];
                        secret: string;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-invalid_password-reauthentication_required"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminGetWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminDeleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-invalid_password-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminUpdateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    event_types?: ("user.created" | "user.updated" | "user.deleted" | "user.disabled" | "user.enabled" | "session.created" | "session.revoked" | "email.verified" | "password.changed" | "mfa.enabled" | "mfa.disabled" | "passkey.added" | "passkey.removed" | "identity.linked" | "identity.unlinked" | "organization.created" | "organization.deleted" | "membership.added" | "membership.removed" | "membership.role_changed" | "invitation.created" | "invitation.revoked" | "invitation.accepted")[];
                    description?: string | null;
                    enabled?: boolean;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-invalid_password-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminRotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 86400 */
                    previous_secret_expires_in?: number;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-invalid_password-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminListWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass next_cursor as cursor for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminRedeliverWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the first final answer (not 5xx, not 429) is stored for 24 h for this caller (the signed-in user, otherwise the client IP) and returned again, Set-Cookie included, with `Idempotency-Replayed: true` to a retry with the same key and the same method, path and body. The same key with another request: 422 `idempotency_key_reused`; while the first is still running: 409 `idempotency_key_in_progress`. After a 503 the outcome is unknown: retry with the same key. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_json-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-csrf-forbidden-invalid_password-reauthentication_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-idempotency_key_in_progress"];
            413: components["responses"]["413-payload_too_large"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminListOrganizations: {
        parameters: {
            query?: {
                query?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass next_cursor as cursor for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organizations: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                            member_count: number;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminListAuditEvents: {
        parameters: {
            query?: {
                user_id?: string;
                organization_id?: string;
                action?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass next_cursor as cursor for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            id: string;
                            event: string;
                            user_id: string | null;
                            organization_id: string | null;
                            request_id: string | null;
                            actor: {
                                /** @enum {string} */
                                type: "user" | "api_key" | "cli" | "system";
                                id: string | null;
                            } | null;
                            ip: string | null;
                            user_agent: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-ambiguous_credentials-invalid_request"];
            401: components["responses"]["401-unauthorized"];
            403: components["responses"]["403-forbidden"];
            429: components["responses"]["429-rate_limited"];
            500: components["responses"]["500-internal"];
            503: components["responses"]["503-misconfigured-service_unavailable"];
            /** @description Error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
