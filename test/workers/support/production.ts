// A production configuration that passes every runtime check: tests of single settings change one thing.
export const SAFE_PRODUCTION = {
  IDENTSPHERE_ENV: 'production',
  IDENTSPHERE_JWT_SECRET: 'a'.repeat(64),
  IDENTSPHERE_COOKIES_SECURE: 'true',
  IDENTSPHERE_PUBLIC_BASE_URL: 'https://auth.example.com',
  IDENTSPHERE_CORS_ORIGINS: 'https://app.example.com',
  IDENTSPHERE_APP_URL: 'https://app.example.com',
  DATABASE_URL: 'postgres://u:p@db.example.com/neondb?sslmode=require',
  IDENTSPHERE_DATABASE_LOCAL_HTTP: '',
  IDENTSPHERE_FROM_EMAIL: 'no-reply@example.com',
  IDENTSPHERE_ENCRYPTION_KEY: 'b'.repeat(64),
  // Sibling frontend: passkey ceremonies run on app.example.com, so the RP ID is the shared parent.
  IDENTSPHERE_RP_ID: 'example.com',
  IDENTSPHERE_RP_ORIGIN: 'https://app.example.com',
  IDENTSPHERE_EMAIL_PROVIDER: 'resend',
  IDENTSPHERE_EMAIL_API_KEY: 're_test_key',
};
