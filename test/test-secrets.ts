// Fixed secrets of the test environment only (never used outside tests).
export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789abcdef';
