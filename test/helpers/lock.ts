/** Re-exports of the lockfile library for tests (one import path). */
export * from '../../src/lock/index.js';
export { lockTool as lockToolForTest } from '../../src/lock/format.js';
