// What the test sites' deployment shares (lib/deployment.ts, lib/build-identity.ts): the site of a
// test run and any second server it starts on the same database use the same.
export const TEST_DEPLOYMENT = {
  AUTH_SECRET: 'test-auth-secret-of-at-least-32-characters',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 'test').toString('base64'),
  NEXT_DEPLOYMENT_ID: 'test',
}
