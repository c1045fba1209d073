import type { LocaleTexts } from '../email-kinds.ts';

const IGNORE = 'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail.';

export const fr: LocaleTexts = {
  verify_email: {
    subject: 'Confirmez votre adresse e-mail',
    blocks: [
      { p: 'Confirmez que {{email}} est bien votre adresse e-mail pour {{site}}.' },
      { button: 'Confirmer l’adresse e-mail' },
      { p: `Le lien expire dans {{hours}} heures. ${IGNORE}` },
    ],
  },
  password_reset: {
    subject: 'Réinitialisez votre mot de passe',
    blocks: [
      { p: 'Quelqu’un a demandé la réinitialisation du mot de passe de votre compte sur {{site}}.' },
      { button: 'Choisir un nouveau mot de passe' },
      { p: `Le lien ne fonctionne qu’une fois et expire dans {{minutes}} minutes. ${IGNORE} Votre mot de passe reste inchangé.` },
    ],
  },
  email_otp: {
    subject: 'Votre code de connexion',
    blocks: [
      { p: 'Votre code pour vous connecter à {{site}} :' },
      { code: true },
      { p: `Il expire dans {{minutes}} minutes. Ne le communiquez à personne : nous ne vous le demanderons jamais. ${IGNORE}` },
    ],
  },
  password_changed: {
    subject: 'Votre mot de passe a été modifié',
    blocks: [
      { p: 'Le mot de passe de votre compte sur {{site}} a été modifié le {{date}}. Vos autres sessions ont été déconnectées.' },
      { p: 'Si ce n’était pas vous, réinitialisez immédiatement votre mot de passe et contactez le support.' },
    ],
  },
  email_change_verify: {
    subject: 'Confirmez votre nouvelle adresse e-mail',
    blocks: [
      { p: 'Quelqu’un (vous, espérons-le) souhaite utiliser cette adresse pour son compte sur {{site}}.' },
      {
        p: 'Confirmez le changement dans les {{minutes}} minutes en ouvrant le lien ci-dessous. Si ce n’était pas vous, ignorez cet e-mail : rien ne change.',
      },
      { button: 'Confirmer l’adresse e-mail' },
    ],
  },
  email_change_in_use: {
    subject: 'Changement d’adresse e-mail impossible',
    blocks: [
      {
        p: 'Quelqu’un a demandé à associer un autre compte sur {{site}} à cette adresse e-mail, mais un compte l’utilise déjà : rien n’a été modifié.',
      },
      { p: 'Si c’était vous, connectez-vous plutôt avec cette adresse. Sinon, vous pouvez ignorer cet e-mail.' },
    ],
  },
  email_changed_notice: {
    subject: 'Votre adresse e-mail a été modifiée',
    blocks: [
      { p: 'L’adresse e-mail de votre compte sur {{site}} a été changée de {{old_email}} en {{new_email}} le {{date}}.' },
      { p: 'Désormais, nous écrivons uniquement à la nouvelle adresse. Si ce n’était pas vous, contactez immédiatement le support.' },
    ],
  },
  organization_invitation: {
    subject: 'Invitation à rejoindre {{organization}}',
    blocks: [
      { p: '{{inviter}} vous invite à rejoindre « {{organization}} » en tant que {{role}}.' },
      {
        p: 'Acceptez dans les {{days}} jours avec le lien ci-dessous (connectez-vous ou créez un compte avec cette adresse e-mail). Si vous ne vous attendiez pas à cette invitation, ignorez cet e-mail.',
      },
      { button: 'Accepter l’invitation' },
    ],
  },
};
