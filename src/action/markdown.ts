/**
 * Making untrusted text inert in GitHub-flavoured markdown. Tool descriptions, package names,
 * advisory summaries and registry metadata are attacker-controlled: none of it may become HTML, a
 * heading, a link, an image, a table break, an @mention that pings someone or an issue reference.
 * Pure functions; no I/O.
 *
 * Two forms:
 * - `inline()` for prose and table cells: one line, invisible characters made visible, every
 *   markdown/HTML metacharacter neutralised, mentions, references and autolinks broken with a
 *   zero-width space (the way Renovate breaks mentions).
 * - `codeBlock()` for text shown in full (tool descriptions, word diffs): a fenced block whose
 *   fence is longer than any backtick run inside, so nothing in it is parsed at all.
 */
import { makeVisible } from '../tools/unicode.js';

const ZWSP = '&#8203;';

/**
 * A superset of what makeVisible rewrites (controls, invisible and bidi characters, line and
 * paragraph separators, variation selectors, the Tag block via its high surrogate). Text without
 * any of them is returned as is: makeVisible walks code points one by one, which dominates the
 * cost of rendering a large report.
 */
const NEEDS_VISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- code units on purpose (a lone high surrogate marks the Tag block)
  /[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\udb40]/;

function fastVisible(text: string, max: number): string {
  return text.length <= max && !NEEDS_VISIBLE.test(text) ? text : makeVisible(text, max);
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * One line of untrusted text, safe anywhere in markdown (including a table cell). Capped at `max`
 * code units before escaping (a trailing `…` says so).
 */
export function inline(text: string, max = 300): string {
  const visible = fastVisible(String(text), max);
  // one pass per character, so no escape is ever escaped again
  let out = '';
  for (const c of visible) {
    if (ENTITY[c]) out += ENTITY[c];
    // ASCII punctuation markdown gives meaning to: emphasis, code, links, images, headings,
    // lists, tables, strikethrough, footnotes, escapes
    else if (MARKDOWN_PUNCTUATION.has(c)) out += `\\${c}`;
    else out += c;
  }
  return (
    out
      // @mentions and team mentions (not e-mail addresses or name@version)
      .replace(/(?<![A-Za-z0-9])@/g, `@${ZWSP}`)
      // #123 and owner/repo#123 references
      .replace(/\\#/g, `\\#${ZWSP}`)
      // autolinks: scheme:// and www.
      .replace(/\\:\/\//g, `\\:${ZWSP}//`)
      .replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`)
  );
}

const MARKDOWN_PUNCTUATION = new Set('\\`*_{}[]()#+-.!|~^:'.split(''));

/** Untrusted text shown in full, inside a fenced code block; invisible characters made visible. */
export function codeBlock(text: string, info = ''): string {
  const body = visibleLines(text);
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * Keeps line breaks (a description's layout matters for review) but makes every other
 * invisible, bidi, control or Tag-block character visible, line by line.
 */
export function visibleLines(text: string): string {
  return String(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => fastVisible(line, Number.MAX_SAFE_INTEGER))
    .join('\n');
}

/** A link whose target we built ourselves (osv.dev, the job summary); the label is escaped. */
export function link(label: string, url: string): string {
  const safe = /^https:\/\/[^\s()<>]+$/.test(url) ? url : undefined;
  return safe ? `[${inline(label)}](${safe})` : inline(label);
}
