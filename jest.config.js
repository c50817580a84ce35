// jest runs our TypeScript sources as native ES modules (node --experimental-vm-modules,
// see package.json "test"), so that tests can import() generated ESM validators as-is.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import './x.js' (NodeNext style); map to the .ts file for jest.
  moduleNameMapper: { '^(\\.{1,2}/.*/src/.*)\\.js$': '$1', '^(\\.{1,2}/(?!.*generated).*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 60000,
};
