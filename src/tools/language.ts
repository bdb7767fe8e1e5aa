/**
 * Reading English the way the attack needs it read. Poisoned text *instructs the model*: it uses
 * the imperative ("Read ~/.ssh/id_rsa and …", "the assistant must attach …"), while honest text
 * *describes the tool* ("Lists profiles from ~/.aws/credentials", "contents are never read").
 * The helpers here split text into sentences and clauses and find verbs in directive position,
 * which is what lets the rules tell the two apart without an LLM.
 */

export interface Sentence {
  text: string;
  /** Offset of the sentence in the analysed string. */
  start: number;
}

/** Splits at sentence ends, semicolons and line breaks. Linear; keeps offsets. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // a dot not followed by a space is part of the sentence: ~/.ssh, b.svg, e.g.x
  const re = /(?:[^.!?;\n]|[.!?](?!\s|$|[.!?]))*(?:[.!?]+(?=\s|$)|[;\n]|$)/g;
  let guard = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) {
      if (++guard > 2) break;
      continue;
    }
    guard = 0;
    if (m[0].trim()) out.push({ text: m[0], start: m.index });
  }
  return out;
}

/**
 * Replaces quoted passages (`'…'`, `"…"`, `“…”`) with spaces of the same length: text a tool
 * *quotes* (a classifier listing 'ignore previous instructions') is not text it *says*. Backticks
 * are kept: poisoned text names parameters and tools in backticks.
 */
export function maskQuotes(text: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return text
    .replace(/(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])/gu, blank)
    .replace(/"[^"\n]{1,200}"/g, blank)
    .replace(/“[^”\n]{1,200}”/g, blank);
}

const FILLERS = new Set([
  'also',
  'then',
  'first',
  'always',
  'please',
  'just',
  'simply',
  'now',
  'next',
  'additionally',
  'silently',
  'automatically',
  'quietly',
  'immediately',
  'and',
  'or',
  'but',
  'so',
  'only',
  'instead',
  'finally',
  'afterwards',
  'secretly',
  'still',
  'furthermore',
  'likewise',
  'assistant',
  'agent',
  'ai',
  'system',
  'note',
  'important',
  'mandatory',
  'required',
  'step',
  'to',
  'do',
  'you',
  'must',
  'should',
]);
const MODALS = new Set([
  'must',
  'should',
  'shall',
  'always',
  'also',
  'then',
  'first',
  'please',
  'will',
  'kindly',
]);
const ADVERBS = new Set([
  'additionally',
  'also',
  'always',
  'automatically',
  'silently',
  'then',
  'first',
  'immediately',
  'now',
  'quietly',
  'secretly',
  'simply',
  'just',
  'still',
  'next',
]);
const NEGATIONS = new Set([
  'not',
  'never',
  "don't",
  'dont',
  'no',
  'cannot',
  "can't",
  "won't",
  'nor',
  "doesn't",
  "isn't",
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets']);
/** Infinitive markers that carry a directive ("you need to send", "make sure to include"). */
const TO_CARRIERS = new Set([
  'need',
  'have',
  'required',
  'sure',
  'remember',
  'asked',
  'want',
  'needs',
  'has',
  'got',
  'going',
]);

export interface VerbHit {
  verb: string;
  /** Offset in the sentence text. */
  at: number;
}

const TOKEN_RE = /[\p{L}\p{N}_'’~./-]+/gu;

/**
 * Verbs from `verbs` that stand in directive position in the sentence: first word of a clause
 * (after fillers like "also", "silently", "Note:"), after a modal ("must additionally attach"),
 * after "and" once the sentence has given an order, or after "need to"/"make sure to". A verb
 * under negation ("never read", "do not include") or in the passive ("are never read") is not an
 * order to do it.
 */
export function directiveVerbs(sentence: string, verbs: ReadonlySet<string>): VerbHit[] {
  const hits: VerbHit[] = [];
  // clause boundaries: commas, colons, dashes, parentheses, brackets
  const clauses = sentence.split(/(?<=[,:()[\]{}>])|(?=[([{<])|(?<=\s[-–—]\s)/);
  let offset = 0;
  let ordered = false;
  for (const clause of clauses) {
    const tokens = [...clause.matchAll(TOKEN_RE)].map((m) => ({
      w: m[0].toLowerCase().replace(/[’]/g, "'").replace(/[.]+$/, ''),
      at: offset + m.index,
    }));
    offset += clause.length;
    let leading = true;
    for (let i = 0; i < tokens.length; i++) {
      const { w, at } = tokens[i]!;
      const prev = tokens[i - 1]?.w;
      const prev2 = tokens[i - 2]?.w;
      if (verbs.has(w)) {
        const negated = [tokens[i - 1]?.w, tokens[i - 2]?.w, tokens[i - 3]?.w].some(
          (t) => t && NEGATIONS.has(t),
        );
        const passive = prev !== undefined && BE_FORMS.has(prev);
        const directive =
          leading ||
          (prev !== undefined && MODALS.has(prev)) ||
          (prev !== undefined && ADVERBS.has(prev) && prev2 !== undefined && MODALS.has(prev2)) ||
          (prev === 'and' && ordered) ||
          (prev === 'to' && prev2 !== undefined && TO_CARRIERS.has(prev2));
        if (directive && !negated && !passive) {
          hits.push({ verb: w, at });
          ordered = true;
        }
      }
      if (leading && !FILLERS.has(w)) leading = false;
    }
  }
  return hits;
}

export const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));
