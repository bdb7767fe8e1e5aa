export function makeZip(entries: { name: string; data: Buffer | string; store?: boolean }[]): Buffer;
