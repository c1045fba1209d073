// Email templates from the operator's side: `identsphere email preview` writes the HTML and text of a message
// with sample values and the overrides of a templates directory; the bundler refuses a misnamed file, an
// unknown variable and any raw (unescaped) placeholder before anything is deployed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectOverrides } from '../../src/cli/email-templates.ts';
import { cli } from './cli-support.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'identsphere-email-'));

describe('identsphere email preview', () => {
  it('writes the HTML and text of a message in the asked locale', async () => {
    const out = tmp();
    const run = await cli(['email', 'preview', 'password_reset', '--locale', 'de', '--out', out, '--templates', tmp()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('subject: Passwort zurücksetzen');
    const html = readFileSync(join(out, 'password_reset.de.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html).toContain('href="https://app.example.com/reset-password#token=sample-token-not-valid"');
    const text = readFileSync(join(out, 'password_reset.de.txt'), 'utf8');
    expect(text).toMatch(/^Subject: Passwort zurücksetzen\n\nJemand hat angefordert/);
  });

  it('applies the overrides of the templates directory, escaping values in HTML', async () => {
    const templates = tmp();
    writeFileSync(join(templates, 'organization_invitation.es.html'), '<h1>{{organization}}</h1><a href="{{link}}">{{inviter}}</a>');
    writeFileSync(join(templates, 'organization_invitation.es.subject.txt'), '¡Únete a {{organization}}!\n');
    const out = tmp();
    const run = await cli(['email', 'preview', 'organization_invitation', '--locale', 'es', '--out', out, '--templates', templates]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('subject: ¡Únete a Analytical Engines Ltd!');
    expect(readFileSync(join(out, 'organization_invitation.es.html'), 'utf8')).toBe(
      '<h1>Analytical Engines Ltd</h1><a href="https://app.example.com/invitations/accept#token=sample-token-not-valid">Charles Babbage (charles@example.com)</a>',
    );
  });

  it('refuses an unknown kind or locale (exit 2)', async () => {
    expect((await cli(['email', 'preview', 'welcome'])).code).toBe(2);
    expect((await cli(['email', 'preview', 'email_otp', '--locale', 'it'])).code).toBe(2);
  });
});

describe('email template bundling', () => {
  it('refuses misnamed files, unknown variables and raw placeholders, naming each', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'welcome.en.html'), 'hi');
    writeFileSync(join(dir, 'email_otp.it.txt'), '{{code}}');
    writeFileSync(join(dir, 'email_otp.en.txt'), '{{code}} {{link}}');
    writeFileSync(join(dir, 'password_reset.en.html'), '<a href="{{{link}}}">x</a>');
    expect(() => collectOverrides(dir)).toThrow(
      /email_otp\.en\.txt: unknown variable \{\{link\}\}[\s\S]*email_otp\.it\.txt: locale it[\s\S]*password_reset\.en\.html: raw placeholders[\s\S]*welcome\.en\.html: not <kind>/,
    );
  });

  it('reads the parts of a valid directory; none when it does not exist', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'email_otp.fr.subject.txt'), 'Code pour {{site}}\n');
    writeFileSync(join(dir, 'README.md'), 'notes');
    expect(collectOverrides(dir)).toEqual({ 'email_otp.fr.subject.txt': 'Code pour {{site}}' });
    expect(collectOverrides(join(dir, 'missing'))).toEqual({});
  });
});
