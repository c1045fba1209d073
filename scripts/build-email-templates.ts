// Bundles the operator's email template overrides into the Worker: email-templates/ at the project root (or
// the directory given as argument / IDENTSPHERE_EMAIL_TEMPLATES_DIR) → src/features/email/overrides.generated.ts.
// Runs on `npm install` (postinstall) and before `wrangler deploy` / `wrangler dev` (wrangler.toml [build]).
import { templatesDir, writeOverrides } from '../src/cli/email-templates.ts';

const root = new URL('..', import.meta.url).pathname;

try {
  const dir = templatesDir(process.argv[2]);
  console.log(`email templates: ${writeOverrides(dir)} override(s) from ${dir.replace(root, '') || '.'}`);
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(1);
}
