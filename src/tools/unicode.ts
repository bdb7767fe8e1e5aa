/**
 * Unicode utilities for the tool-text scanner: make invisible characters visible, decode the Tag
 * block, find zero-width, bidi and control characters with enough context to tell an attack from
 * ordinary non-Latin writing, and fold look-alike letters back to ASCII.
 *
 * Threat model: a model reads code points, a human reviewer reads glyphs. Anything that renders as
 * nothing (Tag block U+E0000–E007F, zero-width and format characters), renders elsewhere (bidi
 * overrides) or drives the terminal (ESC sequences, C0 controls) lets a server show the model text
 * the reviewer never sees. Each function here runs in time linear in its input.
 */

/** Zero-width and other invisible format characters (Unicode Cf plus a few visually empty ones). */
const INVISIBLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0x3164, 0xfeff,
  0xffa0,
]);
/** Bidi embeddings, overrides and isolates: they reorder what is displayed. */
const BIDI_CONTROL = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

export const isTag = (cp: number): boolean => cp >= 0xe0000 && cp <= 0xe007f;
export const isVariationSelector = (cp: number): boolean =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
export const isBidiControl = (cp: number): boolean => BIDI_CONTROL.has(cp);
export const isInvisible = (cp: number): boolean => INVISIBLE.has(cp);
/** C0/C1 controls other than tab, line feed and carriage return, plus DEL. */
export const isControl = (cp: number): boolean =>
  (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);

const CONTROL_NAMES: Record<number, string> = {
  0x1b: 'ESC',
  0x07: 'BEL',
  0x08: 'BS',
  0x00: 'NUL',
  0x7f: 'DEL',
};

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * Makes a string safe to print and review: invisible, bidi and control characters become
 * `<U+200B>`, `<ESC>`, …; runs of Tag-block characters become `<TAG:decoded text>`; newlines and
 * tabs become `\n`, `\t`. The result is capped at `max` code units (with a trailing `…`).
 */
export function makeVisible(text: string, max = 240): string {
  let out = '';
  let tags = '';
  const flushTags = (): void => {
    if (tags) out += `<TAG:${tags}>`;
    tags = '';
  };
  for (const ch of text) {
    if (out.length > max) break;
    const cp = ch.codePointAt(0)!;
    if (isTag(cp)) {
      tags += tagChar(cp);
      continue;
    }
    flushTags();
    if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (isControl(cp)) out += `<${CONTROL_NAMES[cp] ?? `U+${hex(cp)}`}>`;
    else if (
      isInvisible(cp) ||
      isBidiControl(cp) ||
      isVariationSelector(cp) ||
      cp === 0x2028 ||
      cp === 0x2029
    )
      out += `<U+${hex(cp)}>`;
    else out += ch;
  }
  flushTags();
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** The ASCII character a Tag-block code point stands for (`U+E0041` → `A`); U+E007F cancels. */
function tagChar(cp: number): string {
  const ascii = cp - 0xe0000;
  if (ascii >= 0x20 && ascii < 0x7f) return String.fromCharCode(ascii);
  return ascii === 0x7f ? '' : `<U+${hex(cp)}>`;
}

export interface TagRun {
  /** Offset (UTF-16) of the first tag character. */
  start: number;
  end: number;
  decoded: string;
  /** A flag emoji tag sequence (U+1F3F4 + lowercase tags + U+E007F), which is legitimate. */
  emojiFlag: boolean;
}

/** Runs of Tag-block characters, decoded to the ASCII they smuggle. */
export function tagRuns(text: string): TagRun[] {
  const runs: TagRun[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!isTag(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let decoded = '';
    let cancelled = false;
    while (i < text.length) {
      const c = text.codePointAt(i)!;
      if (!isTag(c)) break;
      if (c === 0xe007f) cancelled = true;
      decoded += tagChar(c);
      i += 2;
    }
    const before = start >= 2 ? text.codePointAt(start - 2) : undefined;
    const emojiFlag = before === 0x1f3f4 && cancelled && /^[a-z0-9]{1,7}$/.test(decoded);
    runs.push({ start, end: i, decoded, emojiFlag });
  }
  return runs;
}

export type Script = 'latin' | 'cyrillic' | 'greek' | 'other' | 'none';

/** The script of a letter, coarse: enough to spot Latin words with Cyrillic or Greek look-alikes. */
export function scriptOf(cp: number): Script {
  if (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)
  )
    return 'latin';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp < 0x80) return 'none';
  return /\p{L}/u.test(String.fromCodePoint(cp)) ? 'other' : 'none';
}

const isLatinLetter = (cp: number | undefined): boolean => cp !== undefined && scriptOf(cp) === 'latin';
const isLetter = (cp: number | undefined): boolean =>
  cp !== undefined && /\p{L}|\p{M}/u.test(String.fromCodePoint(cp));
const isEmojiLike = (cp: number | undefined): boolean =>
  cp !== undefined &&
  (/\p{Extended_Pictographic}|\p{Emoji_Modifier}/u.test(String.fromCodePoint(cp)) || isVariationSelector(cp));

export interface InvisibleReport {
  /** Invisible characters between two Latin letters: they split words to hide keywords. */
  inLatinWords: number;
  /** Longest run of consecutive invisible characters (binary-encoded payloads use long runs). */
  longestRun: number;
  /** Offset of that run. */
  longestRunAt: number;
  /** ZWJ inside emoji sequences, variation selectors after emoji: expected. */
  emoji: number;
  /** ZWNJ/ZWJ/marks between letters of non-Latin scripts (Persian, Indic, Hebrew RLM…): expected. */
  nonLatin: number;
  /** Everything else, e.g. a lone U+200B in ASCII text or a BOM. */
  other: number;
  total: number;
  firstAt: number;
}

/** Classifies every invisible format character by its neighbours. */
export function invisibleReport(text: string): InvisibleReport {
  const r: InvisibleReport = {
    inLatinWords: 0,
    longestRun: 0,
    longestRunAt: -1,
    emoji: 0,
    nonLatin: 0,
    other: 0,
    total: 0,
    firstAt: -1,
  };
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  // nearest visible neighbour on each side, precomputed so long runs stay linear
  const prevVisible: (number | undefined)[] = new Array(cps.length);
  const nextVisible: (number | undefined)[] = new Array(cps.length);
  let last: number | undefined;
  for (let k = 0; k < cps.length; k++) {
    prevVisible[k] = last;
    if (!isInvisible(cps[k]!)) last = cps[k];
  }
  last = undefined;
  for (let k = cps.length - 1; k >= 0; k--) {
    nextVisible[k] = last;
    if (!isInvisible(cps[k]!)) last = cps[k];
  }
  let offset = 0;
  let run = 0;
  let runStart = 0;
  for (let k = 0; k < cps.length; k++) {
    const cp = cps[k]!;
    const inv = isInvisible(cp);
    if (inv) {
      if (run === 0) runStart = offset;
      run++;
      if (run > r.longestRun) {
        r.longestRun = run;
        r.longestRunAt = runStart;
      }
      r.total++;
      if (r.firstAt < 0) r.firstAt = offset;
      const prev = prevVisible[k];
      const next = nextVisible[k];
      if (isLatinLetter(prev) && isLatinLetter(next)) r.inLatinWords++;
      else if (cp === 0x200d && (isEmojiLike(prev) || isEmojiLike(next))) r.emoji++;
      else if (
        (cp === 0x200c ||
          cp === 0x200d ||
          cp === 0x200e ||
          cp === 0x200f ||
          cp === 0x061c ||
          cp === 0x00ad) &&
        ((isLetter(prev) && !isLatinLetter(prev)) ||
          (isLetter(next) && !isLatinLetter(next)) ||
          cp === 0x200f ||
          cp === 0x200e)
      )
        r.nonLatin++;
      else r.other++;
    } else run = 0;
    offset += cp > 0xffff ? 2 : 1;
  }
  return r;
}

/**
 * Decodes zero-width binary (U+200B = 0, U+200C = 1, U+200D = separator between bytes, or plain
 * 8-bit groups). Returns printable ASCII or null.
 */
export function decodeZeroWidthBinary(run: string): string | null {
  const bits = Array.from(run, (c) => c.codePointAt(0)!);
  const groups: string[] = [];
  let cur = '';
  for (const cp of bits) {
    if (cp === 0x200b) cur += '0';
    else if (cp === 0x200c) cur += '1';
    else if (cp === 0x200d || cp === 0x2060) {
      if (cur) groups.push(cur);
      cur = '';
    }
  }
  if (cur) groups.push(cur);
  const chunks = groups.length > 1 ? groups : ((groups[0] ?? '').match(/.{8}/g) ?? []);
  let out = '';
  for (const g of chunks) {
    const v = parseInt(g, 2);
    if (!Number.isFinite(v)) return null;
    out += String.fromCharCode(v);
  }
  return isMostlyText(out) ? out : null;
}

export interface ControlReport {
  /** ANSI escape sequences (CSI, OSC): colour, cursor movement, erase, hyperlinks. */
  ansi: { start: number; seq: string }[];
  /** Other C0/C1 controls (not tab/newline), and lone CRs that overwrite a line. */
  other: { start: number; cp: number }[];
}

// CSI: ESC [ params final; OSC: ESC ] … (BEL | ESC \). Bounded so a long string cannot backtrack.
const ANSI_RE =
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  /\u001b(?:\[[0-?]{0,32}[ -/]{0,4}[@-~]|\][^\u0007\u001b]{0,2048}(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

export function controlReport(text: string): ControlReport {
  const ansi: ControlReport['ansi'] = [];
  const covered = new Set<number>();
  for (const m of text.matchAll(ANSI_RE)) {
    ansi.push({ start: m.index, seq: m[0] });
    covered.add(m.index);
  }
  const other: ControlReport['other'] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp === 0x0d && text.charCodeAt(i + 1) !== 0x0a) other.push({ start: i, cp });
    else if (isControl(cp) && !(cp === 0x1b && covered.has(i))) other.push({ start: i, cp });
  }
  return { ansi, other };
}

/** Removes ANSI sequences: what the model reads once terminal styling is ignored. */
export const stripAnsi = (text: string): string => text.replace(ANSI_RE, ' ');

/**
 * The text a reader (human or model) understands, with obfuscation undone: ANSI sequences
 * removed, invisible/bidi/tag/variation characters removed, look-alike letters folded by NFKC
 * (full-width, mathematical alphanumerics, ligatures) and the common Cyrillic/Greek homoglyphs
 * folded to Latin inside otherwise-Latin words.
 */
export function normalizeForAnalysis(text: string): string {
  let s = stripAnsi(text);
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp) || isBidiControl(cp) || isTag(cp) || isVariationSelector(cp)) continue;
    out += ch;
  }
  s = out.normalize('NFKC');
  return foldMixedScriptWords(s);
}

/** Cyrillic and Greek letters that look like Latin ones. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  υ: 'u',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

const WORD_RE = /[\p{L}\p{M}]+/gu;

/** Words that mix Latin letters with Cyrillic or Greek ones (`pаypal` with a Cyrillic `а`). */
export function mixedScriptWords(text: string): { word: string; start: number }[] {
  const found: { word: string; start: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    if (w.length < 3 || /^[\x00-\x7f]*$/.test(w)) continue;
    let latin = 0;
    let foreign = 0;
    for (const ch of w) {
      const s = scriptOf(ch.codePointAt(0)!);
      if (s === 'latin') latin++;
      else if (s === 'cyrillic' || s === 'greek') foreign++;
    }
    if (latin > 0 && foreign > 0) found.push({ word: w, start: m.index });
  }
  return found;
}

function foldMixedScriptWords(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.replace(WORD_RE, (w) => {
    if (!/[a-zA-Z]/.test(w)) return w;
    let out = '';
    for (const ch of w) out += CONFUSABLE[ch] ?? ch;
    return out;
  });
}

/** Letters from the full-width and mathematical-alphanumeric blocks that NFKC folds to ASCII. */
export function styledLatinCount(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a) || (cp >= 0x1d400 && cp <= 0x1d7ff))
      n++;
  }
  return n;
}

/** True when a decoded byte string reads as text: printable ASCII, with spaces and letters. */
export function isMostlyText(s: string): boolean {
  if (s.length < 6) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09) printable++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    if (c === 0x20) spaces++;
  }
  return printable / s.length >= 0.95 && letters / s.length >= 0.5 && spaces >= 2;
}
