import type { Config } from 'jest';

/** Jest runs the TypeScript tests in `tests/` through ts-jest. */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  testTimeout: 60_000,
};

export default config;
