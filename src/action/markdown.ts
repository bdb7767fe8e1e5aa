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
  const visible = makeVisible(String(text), max);
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
    .map((line) => makeVisible(line, Number.MAX_SAFE_INTEGER))
    .join('\n');
}

/** A link whose target we built ourselves (osv.dev, the job summary); the label is escaped. */
export function link(label: string, url: string): string {
  const safe = /^https:\/\/[^\s()<>]+$/.test(url) ? url : undefined;
  return safe ? `[${inline(label)}](${safe})` : inline(label);
}
