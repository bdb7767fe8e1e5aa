/** The platform npm checks `os`, `cpu` and `libc` against (npm-install-checks). */
export interface Platform {
  os: string;
  cpu: string;
  libc?: string;
}

export function currentPlatform(): Platform {
  const p: Platform = { os: process.platform, cpu: process.arch };
  if (process.platform === 'linux') {
    // npm-install-checks: glibc when the runtime reports a glibc version, else musl. Computed on
    // first use: process.report is slow, and only packages with a "libc" field need it.
    let libc: string | undefined;
    Object.defineProperty(p, 'libc', {
      enumerable: true,
      get: () => {
        if (libc === undefined) {
          const report = process.report?.getReport() as
            { header?: { glibcVersionRuntime?: string } } | undefined;
          libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
        }
        return libc;
      },
    });
  }
  return p;
}
