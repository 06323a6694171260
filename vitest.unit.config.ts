import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The unit and property tests alone: what mutation testing runs. The end-to-end tests run the built
// bundle in dist/, which a mutant of src/ never reaches.
export default mergeConfig(base, defineConfig({ test: { include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'] } }));
