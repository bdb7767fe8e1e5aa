/** Kept equal to package.json's version (a test checks it); bundled into dist/ as a literal. */
export const VERSION = '0.1.0';
