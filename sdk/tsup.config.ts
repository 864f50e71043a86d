import { defineConfig } from 'tsup';

/** The SDK's build: ESM and CommonJS bundles with their type declarations, in dist/. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  onSuccess: 'cp src/generated/schema.graphql dist/schema.graphql',
});
