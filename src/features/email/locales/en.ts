import type { LocaleTexts } from '../email-kinds.ts';

const IGNORE = 'If you did not ask for this, you can ignore this email.';

export const en: LocaleTexts = {
  verify_email: {
    subject: 'Confirm your email address',
    blocks: [
      { p: 'Confirm that {{email}} is your email address for {{site}}.' },
      { button: 'Confirm email address' },
      { p: `The link expires in {{hours}} hours. ${IGNORE}` },
    ],
  },
  password_reset: {
    subject: 'Reset your password',
    blocks: [
      { p: 'Someone asked to reset the password of your account at {{site}}.' },
      { button: 'Choose a new password' },
      { p: `The link works once and expires in {{minutes}} minutes. ${IGNORE} Your password stays as it is.` },
    ],
  },
  email_otp: {
    subject: 'Your sign-in code',
    blocks: [
      { p: 'Your code to sign in to {{site}}:' },
      { code: true },
      { p: `It expires in {{minutes}} minutes. Never share it: we will never ask you for it. ${IGNORE}` },
    ],
  },
  password_changed: {
    subject: 'Your password was changed',
    blocks: [
      { p: 'The password of your account at {{site}} was changed on {{date}}. Your other sessions were signed out.' },
      { p: 'If this was not you, reset your password at once and contact support.' },
    ],
  },
  email_change_verify: {
    subject: 'Confirm your new email address',
    blocks: [
      { p: 'Someone (hopefully you) asked to use this address for their account at {{site}}.' },
      {
        p: 'Confirm the change within {{minutes}} minutes by opening the link below. If it was not you, ignore this email: nothing changes.',
      },
      { button: 'Confirm email address' },
    ],
  },
  email_change_in_use: {
    subject: 'Email change not possible',
    blocks: [
      {
        p: 'Someone asked to move another account at {{site}} to this email address, but an account already uses it, so nothing was changed.',
      },
      { p: 'If this was you, sign in with this address instead. Otherwise you can ignore this email.' },
    ],
  },
  email_changed_notice: {
    subject: 'Your email address was changed',
    blocks: [
      { p: 'The email address of your account at {{site}} was changed from {{old_email}} to {{new_email}} on {{date}}.' },
      { p: 'From now on we write to the new address only. If this was not you, contact support at once.' },
    ],
  },
  organization_invitation: {
    subject: 'You are invited to join {{organization}}',
    blocks: [
      { p: '{{inviter}} invited you to join "{{organization}}" as {{role}}.' },
      {
        p: 'Accept within {{days}} days with the link below (sign in or create an account with this email address). If you did not expect this, ignore this email.',
      },
      { button: 'Accept invitation' },
    ],
  },
};
