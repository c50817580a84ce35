import type { SchemaGenConfig } from './generated/index.js';

/**
 * Types a JS config (`schema-gen.config.mjs`: `export default defineConfig({ … })`), so an
 * editor or `// @ts-check` completes and checks it. Returns the config unchanged; the CLI
 * checks it against config.schema.json like a JSON config.
 */
export function defineConfig(config: SchemaGenConfig): SchemaGenConfig {
  return config;
}
