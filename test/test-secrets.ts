// Fixed secrets of the test environment only (never used outside tests).
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789abcdef';
// AES-256-GCM key for secrets at rest (TOTP seeds) in tests; deliberately unrelated to the JWT secret.
export const TEST_ENCRYPTION_KEY = '5ec0f1e7a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b';
