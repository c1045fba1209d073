// Sign-up, sign-in and sign-out; password reset and change; email verification; email sign-in codes.
import * as z from 'zod';
import { LoginBody, RegisterBody } from '../features/sign-in/auth.routes.ts';
import { EmailOtpRequestBody, EmailOtpVerifyBody } from '../features/sign-in/email-otp.routes.ts';
import { VerifyEmailBody } from '../features/email/email.routes.ts';
import { ChangeBody, ForgotBody, ResetBody } from '../features/email/password.routes.ts';
import { noContent, signInResponses, SignedIn, type Operation } from './schemas.ts';

export const AUTH_OPERATIONS: Operation[] = [
  {
    id: 'register',
    method: 'POST',
    path: '/v1/auth/register',
    summary: 'Create an account and its organization, and sign in',
    tag: 'auth',
    body: RegisterBody,
    responses: { 201: { description: 'Signed in (session cookie set)', schema: SignedIn } },
  },
  {
    id: 'login',
    method: 'POST',
    path: '/v1/auth/login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    body: LoginBody,
    responses: signInResponses,
  },
  { id: 'logout', method: 'POST', path: '/v1/auth/logout', summary: 'End the current session', tag: 'auth', responses: { 204: noContent } },
  {
    id: 'requestEmailOtp',
    method: 'POST',
    path: '/v1/auth/email-otp/request',
    summary: 'Email a 6-digit sign-in code (same answer whether or not the account exists)',
    tag: 'auth',
    body: EmailOtpRequestBody,
    responses: { 202: { description: 'Accepted: a code is sent if the account exists' } },
  },
  {
    id: 'verifyEmailOtp',
    method: 'POST',
    path: '/v1/auth/email-otp/verify',
    summary: 'Sign in with an emailed code',
    tag: 'auth',
    body: EmailOtpVerifyBody,
    responses: signInResponses,
  },
  {
    id: 'forgotPassword',
    method: 'POST',
    path: '/v1/auth/password/forgot',
    summary: 'Email a password reset link (same answer whether or not the account exists)',
    tag: 'password',
    body: ForgotBody,
    responses: { 202: { description: 'Accepted: a link is sent if the account exists' } },
  },
  {
    id: 'resetPassword',
    method: 'POST',
    path: '/v1/auth/password/reset',
    summary: 'Set a new password with a reset token (ends every session of the user)',
    tag: 'password',
    body: ResetBody,
    responses: { 204: noContent },
  },
  {
    id: 'changePassword',
    method: 'POST',
    path: '/v1/auth/password/change',
    summary: 'Change the password (the current one is required)',
    tag: 'password',
    auth: true,
    body: ChangeBody,
    responses: { 204: noContent },
  },
  {
    id: 'requestEmailVerification',
    method: 'POST',
    path: '/v1/auth/email/verify/request',
    summary: 'Send the verification email again',
    tag: 'email',
    auth: true,
    responses: { 202: { description: 'Accepted: the email is on its way' } },
  },
  {
    id: 'verifyEmail',
    method: 'POST',
    path: '/v1/auth/email/verify',
    summary: 'Verify the email address with the token from the link',
    tag: 'email',
    body: VerifyEmailBody,
    responses: {
      200: {
        description:
          'Verified. prior_credentials_revoked: this first proof of the mailbox, made without a session of the account, ended ' +
          'every credential and session set up before it (password included)',
        schema: z.object({ email_verified: z.boolean(), prior_credentials_revoked: z.boolean() }),
      },
    },
  },
];
