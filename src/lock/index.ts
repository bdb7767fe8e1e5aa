/**
 * The lockfile as a library (the GitHub Action compares the base branch's lock with the pull
 * request's through `readLock` + `diffLocks` + `renderChanges`).
 */
export {
  buildLockEntry,
  canonicalJson,
  LOCKFILE_NAME,
  LOCKFILE_VERSION,
  parseLock,
  readLock,
  serializeLock,
  sha256,
  writeLock,
  type Hashed,
  type LockEntry,
  type LockFile,
  type LockedManifest,
  type LockedPermissions,
  type LockedTool,
  type NpmLockEntry,
  type OtherLockEntry,
} from './format.js';
export {
  changeToFinding,
  diffEntries,
  diffLocks,
  type Change,
  type ChangeDetail,
  type ChangeKind,
} from './diff.js';
export { renderChanges, type RenderOptions } from './render.js';
export { wordDiff, structuralDiff } from './textdiff.js';
