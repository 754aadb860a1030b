/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/dev', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `npm run typecheck`'s job; with isolatedModules (tsconfig) ts-jest only transpiles.
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 30000,
};
