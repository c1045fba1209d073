import type { LocaleTexts } from '../email-kinds.ts';

const IGNORE = 'Si no lo has solicitado, puedes ignorar este correo.';

export const es: LocaleTexts = {
  verify_email: {
    subject: 'Confirma tu dirección de correo electrónico',
    blocks: [
      { p: 'Confirma que {{email}} es tu dirección de correo electrónico para {{site}}.' },
      { button: 'Confirmar dirección de correo' },
      { p: `El enlace caduca en {{hours}} horas. ${IGNORE}` },
    ],
  },
  password_reset: {
    subject: 'Restablece tu contraseña',
    blocks: [
      { p: 'Alguien ha solicitado restablecer la contraseña de tu cuenta en {{site}}.' },
      { button: 'Elegir una contraseña nueva' },
      { p: `El enlace funciona una sola vez y caduca en {{minutes}} minutos. ${IGNORE} Tu contraseña no cambiará.` },
    ],
  },
  email_otp: {
    subject: 'Tu código de inicio de sesión',
    blocks: [
      { p: 'Tu código para iniciar sesión en {{site}}:' },
      { code: true },
      { p: `Caduca en {{minutes}} minutos. No lo compartas con nadie: nunca te lo pediremos. ${IGNORE}` },
    ],
  },
  password_changed: {
    subject: 'Tu contraseña ha cambiado',
    blocks: [
      { p: 'La contraseña de tu cuenta en {{site}} se cambió el {{date}}. Se han cerrado tus demás sesiones.' },
      { p: 'Si no has sido tú, restablece tu contraseña de inmediato y ponte en contacto con el soporte.' },
    ],
  },
  email_change_verify: {
    subject: 'Confirma tu nueva dirección de correo',
    blocks: [
      { p: 'Alguien (esperamos que tú) ha pedido usar esta dirección para su cuenta en {{site}}.' },
      {
        p: 'Confirma el cambio en los próximos {{minutes}} minutos abriendo el enlace de abajo. Si no has sido tú, ignora este correo: no cambiará nada.',
      },
      { button: 'Confirmar dirección de correo' },
    ],
  },
  email_change_in_use: {
    subject: 'No es posible cambiar la dirección de correo',
    blocks: [
      {
        p: 'Alguien ha pedido trasladar otra cuenta de {{site}} a esta dirección, pero ya hay una cuenta que la usa, así que no se ha cambiado nada.',
      },
      { p: 'Si has sido tú, inicia sesión con esta dirección. Si no, puedes ignorar este correo.' },
    ],
  },
  email_changed_notice: {
    subject: 'Tu dirección de correo ha cambiado',
    blocks: [
      { p: 'La dirección de correo de tu cuenta en {{site}} se cambió de {{old_email}} a {{new_email}} el {{date}}.' },
      { p: 'A partir de ahora solo escribiremos a la nueva dirección. Si no has sido tú, contacta con el soporte de inmediato.' },
    ],
  },
  organization_invitation: {
    subject: 'Invitación para unirte a {{organization}}',
    blocks: [
      { p: '{{inviter}} te ha invitado a unirte a «{{organization}}» como {{role}}.' },
      {
        p: 'Acepta en un plazo de {{days}} días con el enlace de abajo (inicia sesión o crea una cuenta con esta dirección de correo). Si no esperabas esta invitación, ignora este correo.',
      },
      { button: 'Aceptar invitación' },
    ],
  },
};
