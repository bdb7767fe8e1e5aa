#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/tools/unicode.ts
var INVISIBLE = /* @__PURE__ */ new Set([
  173,
  847,
  1564,
  4447,
  4448,
  6068,
  6069,
  6158,
  8203,
  8204,
  8205,
  8206,
  8207,
  8288,
  8289,
  8290,
  8291,
  8292,
  8298,
  8299,
  8300,
  8301,
  8302,
  8303,
  12644,
  65279,
  65440
]);
var BIDI_CONTROL = /* @__PURE__ */ new Set([8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297]);
var isTag = (cp) => cp >= 917504 && cp <= 917631;
var isVariationSelector = (cp) => cp >= 65024 && cp <= 65039 || cp >= 917760 && cp <= 917999;
var isBidiControl = (cp) => BIDI_CONTROL.has(cp);
var isInvisible = (cp) => INVISIBLE.has(cp);
var isControl = (cp) => cp < 32 && cp !== 9 && cp !== 10 && cp !== 13 || cp >= 127 && cp <= 159;
var CONTROL_NAMES = {
  27: "ESC",
  7: "BEL",
  8: "BS",
  0: "NUL",
  127: "DEL"
};
var hex = (cp) => cp.toString(16).toUpperCase().padStart(4, "0");
function makeVisible(text, max = 240) {
  let out = "";
  let tags = "";
  const flushTags = () => {
    if (tags) out += `<TAG:${tags}>`;
    tags = "";
  };
  for (const ch of text) {
    if (out.length > max) break;
    const cp = ch.codePointAt(0);
    if (isTag(cp)) {
      tags += tagChar(cp);
      continue;
    }
    flushTags();
    if (cp === 10) out += "\\n";
    else if (cp === 13) out += "\\r";
    else if (cp === 9) out += "\\t";
    else if (isControl(cp)) out += `<${CONTROL_NAMES[cp] ?? `U+${hex(cp)}`}>`;
    else if (isInvisible(cp) || isBidiControl(cp) || isVariationSelector(cp) || cp === 8232 || cp === 8233)
      out += `<U+${hex(cp)}>`;
    else out += ch;
  }
  flushTags();
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
function tagChar(cp) {
  const ascii = cp - 917504;
  if (ascii >= 32 && ascii < 127) return String.fromCharCode(ascii);
  return ascii === 127 ? "" : `<U+${hex(cp)}>`;
}
function tagRuns(text) {
  const runs = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    if (!isTag(cp)) {
      i += cp > 65535 ? 2 : 1;
      continue;
    }
    const start = i;
    let decoded = "";
    let cancelled = false;
    while (i < text.length) {
      const c = text.codePointAt(i);
      if (!isTag(c)) break;
      if (c === 917631) cancelled = true;
      decoded += tagChar(c);
      i += 2;
    }
    const before = start >= 2 ? text.codePointAt(start - 2) : void 0;
    const emojiFlag = before === 127988 && cancelled && /^[a-z0-9]{1,7}$/.test(decoded);
    runs.push({ start, end: i, decoded, emojiFlag });
  }
  return runs;
}
function scriptOf(cp) {
  if (cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp >= 192 && cp <= 591 && cp !== 215 && cp !== 247)
    return "latin";
  if (cp >= 1024 && cp <= 1327) return "cyrillic";
  if (cp >= 880 && cp <= 1023) return "greek";
  if (cp < 128) return "none";
  return new RegExp("\\p{L}", "u").test(String.fromCodePoint(cp)) ? "other" : "none";
}
var isLatinLetter = (cp) => cp !== void 0 && scriptOf(cp) === "latin";
var isLetter = (cp) => cp !== void 0 && new RegExp("\\p{L}|\\p{M}", "u").test(String.fromCodePoint(cp));
var isEmojiLike = (cp) => cp !== void 0 && (new RegExp("\\p{Extended_Pictographic}|\\p{Emoji_Modifier}", "u").test(String.fromCodePoint(cp)) || isVariationSelector(cp));
function invisibleReport(text) {
  const r = {
    inLatinWords: 0,
    longestRun: 0,
    longestRunAt: -1,
    emoji: 0,
    nonLatin: 0,
    other: 0,
    total: 0,
    firstAt: -1
  };
  const cps = Array.from(text, (c) => c.codePointAt(0));
  const prevVisible = new Array(cps.length);
  const nextVisible = new Array(cps.length);
  let last;
  for (let k = 0; k < cps.length; k++) {
    prevVisible[k] = last;
    if (!isInvisible(cps[k])) last = cps[k];
  }
  last = void 0;
  for (let k = cps.length - 1; k >= 0; k--) {
    nextVisible[k] = last;
    if (!isInvisible(cps[k])) last = cps[k];
  }
  let offset = 0;
  let run = 0;
  let runStart = 0;
  for (let k = 0; k < cps.length; k++) {
    const cp = cps[k];
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
      else if (cp === 8205 && (isEmojiLike(prev) || isEmojiLike(next))) r.emoji++;
      else if ((cp === 8204 || cp === 8205 || cp === 8206 || cp === 8207 || cp === 1564 || cp === 173) && (isLetter(prev) && !isLatinLetter(prev) || isLetter(next) && !isLatinLetter(next) || cp === 8207 || cp === 8206))
        r.nonLatin++;
      else r.other++;
    } else run = 0;
    offset += cp > 65535 ? 2 : 1;
  }
  return r;
}
function decodeZeroWidthBinary(run) {
  const bits = Array.from(run, (c) => c.codePointAt(0));
  const groups = [];
  let cur = "";
  for (const cp of bits) {
    if (cp === 8203) cur += "0";
    else if (cp === 8204) cur += "1";
    else if (cp === 8205 || cp === 8288) {
      if (cur) groups.push(cur);
      cur = "";
    }
  }
  if (cur) groups.push(cur);
  const chunks = groups.length > 1 ? groups : (groups[0] ?? "").match(/.{8}/g) ?? [];
  let out = "";
  for (const g of chunks) {
    const v = parseInt(g, 2);
    if (!Number.isFinite(v)) return null;
    out += String.fromCharCode(v);
  }
  return isMostlyText(out) ? out : null;
}
var ANSI_RE = (
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  /\u001b(?:\[[0-?]{0,32}[ -/]{0,4}[@-~]|\][^\u0007\u001b]{0,2048}(?:\u0007|\u001b\\)?|[@-Z\\-_])/g
);
function controlReport(text) {
  const ansi = [];
  const covered = /* @__PURE__ */ new Set();
  for (const m of text.matchAll(ANSI_RE)) {
    ansi.push({ start: m.index, seq: m[0] });
    covered.add(m.index);
  }
  const other = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp === 13 && text.charCodeAt(i + 1) !== 10) other.push({ start: i, cp });
    else if (isControl(cp) && !(cp === 27 && covered.has(i))) other.push({ start: i, cp });
  }
  return { ansi, other };
}
var stripAnsi = (text) => text.replace(ANSI_RE, " ");
function normalizeForAnalysis(text) {
  let s = stripAnsi(text);
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (isInvisible(cp) || isBidiControl(cp) || isTag(cp) || isVariationSelector(cp)) continue;
    out += ch;
  }
  s = out.normalize("NFKC");
  return foldMixedScriptWords(s);
}
var CONFUSABLE = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  "ԁ": "d",
  "ԛ": "q",
  "ԝ": "w",
  "ӏ": "l",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  α: "a",
  ο: "o",
  ρ: "p",
  ν: "v",
  ι: "i",
  κ: "k",
  τ: "t",
  υ: "u",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X"
};
var WORD_RE = /[\p{L}\p{M}]+/gu;
function mixedScriptWords(text) {
  const found = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    if (w.length < 3 || /^[\x00-\x7f]*$/.test(w)) continue;
    let latin = 0;
    let foreign = 0;
    for (const ch of w) {
      const s = scriptOf(ch.codePointAt(0));
      if (s === "latin") latin++;
      else if (s === "cyrillic" || s === "greek") foreign++;
    }
    if (latin > 0 && foreign > 0) found.push({ word: w, start: m.index });
  }
  return found;
}
function foldMixedScriptWords(text) {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.replace(WORD_RE, (w) => {
    if (!/[a-zA-Z]/.test(w)) return w;
    let out = "";
    for (const ch of w) out += CONFUSABLE[ch] ?? ch;
    return out;
  });
}
function styledLatinCount(text) {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp >= 65313 && cp <= 65338 || cp >= 65345 && cp <= 65370 || cp >= 119808 && cp <= 120831)
      n++;
  }
  return n;
}
function isMostlyText(s) {
  if (s.length < 6) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c < 127 || c === 10 || c === 9) printable++;
    if (c >= 65 && c <= 90 || c >= 97 && c <= 122) letters++;
    if (c === 32) spaces++;
  }
  return printable / s.length >= 0.95 && letters / s.length >= 0.5 && spaces >= 2;
}

export {
  isBidiControl,
  isInvisible,
  isControl,
  makeVisible,
  tagRuns,
  invisibleReport,
  decodeZeroWidthBinary,
  controlReport,
  normalizeForAnalysis,
  mixedScriptWords,
  styledLatinCount,
  isMostlyText
};
