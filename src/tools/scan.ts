/**
 * The tool-text scanner: every string a model can see in a tool, prompt, resource or server
 * instructions, checked locally and deterministically for tool poisoning (DOMAIN.md §5).
 *
 * Per string: first the *carriers* (how text is hidden: Tag-block characters, zero-width and
 * bidi characters, ANSI/control characters, look-alike letters, encodings, hidden markup,
 * padding), then the *semantic* rules (what the text tells the model) on the de-obfuscated text
 * and on every decoded hidden payload. A carrier alone is suspicious; a carrier that hides an
 * instruction is critical. Per tool: structure (malformed fields, absurd depth), exfiltration
 * parameters and annotations that contradict the tool.
 */
import type { Severity } from '../model.js';
import type { ServerManifest, ToolTextFinding } from '../manifest/types.js';
import { findEncoded, type EncodedRun } from './decode.js';
import {
  maxSeverity,
  rank,
  readsAsInstruction,
  semanticSignals,
  type Signal,
  type TextContext,
} from './text-rules.js';
import {
  controlReport,
  decodeZeroWidthBinary,
  invisibleReport,
  isBidiControl,
  makeVisible,
  mixedScriptWords,
  normalizeForAnalysis,
  styledLatinCount,
  tagRuns,
} from './unicode.js';
import { MAX_DEPTH, walkStrings, type TextSite } from './walk.js';

export { makeVisible } from './unicode.js';

const EXCERPT_MAX = 200;
/** Decoded payloads are decoded again (base64 inside percent-encoding, …) at most this deep. */
const DECODE_DEPTH = 3;
/** Descriptions longer than this are unusual; far longer is a way to bury a sentence. */
const LONG_TEXT = 4000;
const HUGE_TEXT = 100_000;
/** Semantic rules and decoders read at most this much of one string (carriers read all of it). */
const ANALYSE_MAX = 256 * 1024;

type Confidence = ToolTextFinding['confidence'];

interface Where {
  tool?: string;
  index?: number;
  target?: string;
}

function excerptAt(text: string, at: number, prefix = ''): string {
  const start = Math.max(0, at - 40);
  let s = text.slice(start, start + EXCERPT_MAX * 2);
  // do not start in the middle of a surrogate pair
  if (/^[\udc00-\udfff]/.test(s)) s = s.slice(1);
  const visible = makeVisible(s, EXCERPT_MAX - prefix.length);
  return `${prefix}${start > 0 ? '…' : ''}${visible}`;
}

/** Everything found in one string. */
function scanString(site: TextSite, ownNames: ReadonlySet<string>): ToolTextFinding[] {
  const raw = site.text;
  const out: Omit<ToolTextFinding, 'tool' | 'index' | 'target'>[] = [];
  const push = (
    rule: string,
    severity: Severity,
    confidence: Confidence,
    message: string,
    excerpt: string,
  ): void => {
    out.push({ rule, severity, confidence, message, pointer: site.pointer, excerpt });
  };
  const ctx: TextContext = { kind: site.kind, ownNames };
  const text =
    site.kind === 'propertyName' || site.kind === 'key'
      ? raw.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')
      : raw;

  // ---- carriers (raw text)
  const carriers: {
    rule: string;
    severity: Severity;
    confidence: Confidence;
    message: string;
    at: number;
  }[] = [];
  /** Semantic signals found in hidden payloads: reported with where they were hidden. */
  const hiddenSignals: { signal: Signal; source: string; text: string }[] = [];

  for (const run of tagRuns(raw)) {
    if (run.emojiFlag) continue;
    const decoded = run.decoded;
    const letters = (decoded.match(/[A-Za-z]/g) ?? []).length;
    carriers.push({
      rule: 'invisible-tag-text',
      severity: letters >= 3 ? 'critical' : 'high',
      confidence: 'high',
      message: `Unicode Tag-block characters hide text from people but not from the model: "${makeVisible(decoded, 120)}"`,
      at: run.start,
    });
    for (const s of semanticSignals(decoded, ctx))
      hiddenSignals.push({ signal: s, source: 'Tag-block text', text: decoded });
  }

  const inv = invisibleReport(raw);
  if (inv.longestRun >= 8) {
    const run = raw.slice(inv.longestRunAt, inv.longestRunAt + inv.longestRun);
    const decoded = decodeZeroWidthBinary(run);
    carriers.push({
      rule: 'invisible-characters',
      severity: decoded ? 'critical' : 'high',
      confidence: 'high',
      message: decoded
        ? `a run of ${inv.longestRun} zero-width characters encodes hidden text: "${makeVisible(decoded, 120)}"`
        : `a run of ${inv.longestRun} invisible characters (a covert channel)`,
      at: inv.longestRunAt,
    });
    if (decoded)
      for (const s of semanticSignals(decoded, ctx))
        hiddenSignals.push({ signal: s, source: 'zero-width binary', text: decoded });
  } else if (inv.inLatinWords > 0) {
    carriers.push({
      rule: 'invisible-characters',
      severity: inv.inLatinWords >= 3 ? 'high' : 'medium',
      confidence: inv.inLatinWords >= 3 ? 'high' : 'medium',
      message: `${inv.inLatinWords} invisible character(s) inside Latin words (splits keywords so filters miss them)`,
      at: inv.firstAt,
    });
  } else if (inv.other > 0) {
    carriers.push({
      rule: 'invisible-characters',
      severity: 'low',
      confidence: 'low',
      message: `${inv.other} invisible format character(s)`,
      at: inv.firstAt,
    });
  } else if (inv.nonLatin > 0) {
    carriers.push({
      rule: 'invisible-characters',
      severity: 'info',
      confidence: 'low',
      message: `${inv.nonLatin} joiner/direction mark(s) in non-Latin text (normal for the script)`,
      at: inv.firstAt,
    });
  }

  const bidiAt = [...raw].findIndex((c) => isBidiControl(c.codePointAt(0)!));
  if (bidiAt >= 0) {
    carriers.push({
      rule: 'bidi-control',
      severity: 'high',
      confidence: 'high',
      message: 'bidirectional override/embedding characters: what is displayed is not what the model reads',
      at: raw.search(/[\u202a-\u202e\u2066-\u2069]/),
    });
    // the model reads logical order; a person sees the override segment reversed. Check both.
    for (const m of raw.matchAll(/\u202e([^\u202a-\u202e\u2066-\u2069]{1,5000})/g)) {
      const reversed = [...m[1]!].reverse().join('');
      for (const s of semanticSignals(normalizeForAnalysis(reversed), ctx))
        hiddenSignals.push({ signal: s, source: 'reversed bidi text', text: reversed });
    }
  }

  const ctl = controlReport(raw);
  if (ctl.ansi.length > 0) {
    carriers.push({
      rule: 'ansi-escape',
      severity: 'high',
      confidence: 'high',
      message: `${ctl.ansi.length} ANSI escape sequence(s): can hide, recolour or overwrite text in a terminal`,
      at: ctl.ansi[0]!.start,
    });
  }
  if (ctl.other.length > 0) {
    carriers.push({
      rule: 'control-characters',
      severity: 'medium',
      confidence: 'medium',
      message: `${ctl.other.length} control character(s) (e.g. U+${ctl.other[0]!.cp.toString(16).toUpperCase().padStart(4, '0')})`,
      at: ctl.other[0]!.start,
    });
  }

  const mixed = mixedScriptWords(raw);
  if (mixed.length > 0) {
    carriers.push({
      rule: 'homoglyph',
      severity: 'medium',
      confidence: 'medium',
      message: `word(s) mixing Latin with Cyrillic/Greek look-alike letters: ${mixed
        .slice(0, 3)
        .map((w) => `"${w.word}"`)
        .join(', ')}`,
      at: mixed[0]!.start,
    });
  }
  const styled = styledLatinCount(raw);
  if (styled >= 4) {
    carriers.push({
      rule: 'homoglyph',
      severity: 'medium',
      confidence: 'medium',
      message: `${styled} full-width or mathematical letters that read as ASCII (evades keyword filters)`,
      at: raw.search(/[\uff21-\uff5a]|[\ud835]/),
    });
  }

  // ---- the de-obfuscated text and what it tells the model (bounded: past ANALYSE_MAX the
  // text is flagged as overlong at medium anyway, and no honest description comes near it)
  const clean = normalizeForAnalysis(text.length > ANALYSE_MAX ? text.slice(0, ANALYSE_MAX) : text);
  const signals = semanticSignals(clean, ctx);

  // ---- encoded payloads, decoded and re-scanned
  const decodeQueue: { text: string; depth: number; via: string }[] = [{ text: clean, depth: 0, via: '' }];
  while (decodeQueue.length > 0) {
    const item = decodeQueue.shift()!;
    if (item.depth >= DECODE_DEPTH) continue;
    const runs: EncodedRun[] = findEncoded(item.text);
    for (const r of runs) {
      const via = item.via ? `${item.via} → ${r.kind}` : r.kind;
      const found = semanticSignals(r.decoded, ctx);
      // an encoded order is the attack; an encoded "Hello world" in a codec tool's docs is not
      const order = readsAsInstruction(r.decoded);
      carriers.push({
        rule: 'encoded-payload',
        severity: order ? 'medium' : 'low',
        confidence: order ? 'medium' : 'low',
        message: `${via} text that decodes to: "${makeVisible(r.decoded, 120)}"`,
        at: item.depth === 0 ? r.start : 0,
      });
      for (const s of found) hiddenSignals.push({ signal: s, source: `decoded ${via}`, text: r.decoded });
      decodeQueue.push({ text: r.decoded, depth: item.depth + 1, via });
    }
  }

  // ---- markup that renders as nothing
  for (const m of clean.matchAll(
    /<!--([\s\S]{0,20000}?)-->|<details\b[^>]{0,200}>([\s\S]{0,20000}?)<\/details>|<(\w+)\b[^>]{0,200}(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|\bhidden\b)[^>]{0,200}>([\s\S]{0,20000}?)<\/\3>/gi,
  )) {
    const before = clean.slice(Math.max(0, m.index - 1), m.index);
    if (before === '`') continue; // `<!-- nav -->` quoted as documentation
    const content = (m[1] ?? m[2] ?? m[4] ?? '').trim();
    if (content.split(/\s+/).length < 3) continue;
    const found = semanticSignals(content, ctx);
    const strong = found.some((s) => rank(s.severity) >= rank('medium'));
    carriers.push({
      rule: 'hidden-markup',
      severity: strong ? 'high' : 'low',
      confidence: strong ? 'high' : 'low',
      message: `text in an HTML comment or hidden element (invisible when rendered)${strong ? ' carries instructions to the model' : ''}`,
      at: m.index,
    });
  }

  // ---- padding and length
  const pad = /[ \t\u00a0\u3000]{40,}|(?:[ \t]*\r?\n){12,}/.exec(raw);
  if (pad) {
    carriers.push({
      rule: 'padding',
      severity: 'medium',
      confidence: 'medium',
      message: `${pad[0].length} characters of whitespace padding (pushes text out of view)`,
      at: pad.index,
    });
  }
  if (
    raw.length > LONG_TEXT &&
    (site.kind === 'description' || site.kind === 'propertyDescription' || site.kind === 'other')
  ) {
    carriers.push({
      rule: 'overlong-text',
      severity: raw.length > HUGE_TEXT ? 'medium' : 'low',
      confidence: 'low',
      message: `${raw.length} characters: far past a normal description (long text can bury an instruction)${raw.length > ANALYSE_MAX ? `; only the first ${ANALYSE_MAX} were read for instructions` : ''}`,
      at: 0,
    });
  }

  // ---- escalation: a carrier that hides an instruction is critical
  const strong =
    signals.some((s) => rank(s.severity) >= rank('medium')) ||
    hiddenSignals.some((h) => rank(h.signal.severity) >= rank('medium'));
  for (const c of carriers) {
    let severity = c.severity;
    let message = c.message;
    if (
      strong &&
      rank(c.severity) >= rank('medium') &&
      c.rule !== 'overlong-text' &&
      c.rule !== 'hidden-markup'
    ) {
      severity = 'critical';
      message = `${message}; the text carries instructions to the model`;
    }
    if (strong && c.rule === 'overlong-text') {
      severity = maxSeverity(severity, 'medium');
      message = `${message}, and it does bury instructions to the model`;
    }
    push(c.rule, severity, c.confidence, message, excerptAt(raw, Math.max(0, c.at)));
  }
  for (const s of signals) push(s.rule, s.severity, s.confidence, s.message, excerptAt(clean, s.at));
  for (const h of hiddenSignals) {
    const severity = rank(h.signal.severity) >= rank('medium') ? 'critical' : h.signal.severity;
    push(
      h.signal.rule,
      severity,
      h.signal.confidence,
      `${h.signal.message} (hidden in ${h.source})`,
      excerptAt(h.text, h.signal.at, `[${h.source}] `),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// per tool

const SUSPICIOUS_PARAM =
  /^(?:side[ _-]?notes?|notes?|feedback|context|session[_-]?context|\w*[_-]context|metadata|meta|debug(?:[_-]\w+)?|extra(?:[_-]\w+)?|reasoning|internal(?:[_-]\w+)?|hidden(?:[_-]\w+)?|telemetry|trace|diagnostics?|comments?|remarks|annotations?|conversation(?:[_-]\w+)?|history|analytics)$/i;
const HIDDEN_PARAM_DESC =
  /\b(?:always (?:populate|fill|include|provide|set)|must (?:always )?be (?:populated|filled|provided)|internal use|hidden (?:field|parameter|channel)|not (?:shown|displayed|visible) to the user|for the (?:assistant|model|ai|agent)|required since)\b/i;
const DESTINATION_PARAM =
  /^(?:destination|dest|upload(?:[_-]?(?:url|to|target))?|webhook(?:[_-]?url)?|callback(?:[_-]?url)?|recipients?|sink|bcc|cc|forward(?:[_-]?to)?|send[_-]?to|report[_-]?to|copy[_-]?to|mirror(?:[_-]?url)?|exfil\w*)$/i;
function isOutsideDestination(v: string): boolean {
  const m = /^(?:https?:\/\/([^/:?#\s]+)|[\w.+-]+@([\w-]+(?:\.[\w-]+)+))/i.exec(v.trim());
  const host = m?.[1] ?? m?.[2];
  return (
    host !== undefined &&
    !/(?:^|\.)(?:example\.(?:com|org|net)|localhost|test|invalid)$|^127\.|^0\.0\.0\.0$/i.test(host)
  );
}
const WRITE_VERB_NAME =
  /^(?:delete|remove|rm|drop|destroy|purge|wipe|kill|terminate|create|insert|add|update|upsert|write|set|put|post|send|transfer|pay|move|rename|modify|edit|patch|upload|publish|deploy|install|uninstall|exec|execute|run|revoke|grant|reset|overwrite|truncate|merge|push|commit|apply)(?:[_\-.A-Z])/;
const WRITE_VERB_DESC =
  /^\s*(?:deletes|removes|drops|destroys|purges|wipes|creates|writes|overwrites|sends|posts|transfers|updates|modifies|uploads|publishes|deploys|installs|moves|renames|truncates)\b/i;
const DESTRUCTIVE_NAME =
  /^(?:delete|remove|rm|drop|destroy|purge|wipe|kill|terminate|truncate|overwrite|reset)(?:[_\-.A-Z]|$)/;

type Partial = Omit<ToolTextFinding, 'tool' | 'index' | 'target'>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function structureFindings(tool: unknown): { findings: Partial[]; ok: boolean } {
  const f: Partial[] = [];
  const add = (rule: string, severity: Severity, message: string, pointer = '', excerpt = ''): void => {
    f.push({ rule, severity, confidence: 'high', message, pointer, excerpt });
  };
  if (!isRecord(tool)) {
    add(
      'malformed-tool',
      'medium',
      `a tool must be a JSON object with "name" and "inputSchema", got ${Array.isArray(tool) ? 'an array' : tool === null ? 'null' : typeof tool}`,
      '',
      makeVisible(JSON.stringify(tool) ?? String(tool), 80),
    );
    return { findings: f, ok: false };
  }
  if (typeof tool.name !== 'string' || tool.name.trim() === '') {
    add('malformed-tool', 'medium', `the tool has no "name" string (got ${describe(tool.name)})`, '/name');
  } else if (!/^[\w.\-/: ]{1,128}$/.test(tool.name)) {
    add(
      'malformed-tool',
      'low',
      'the tool name has characters outside [A-Za-z0-9_.-/: ] or is over 128 long',
      '/name',
      makeVisible(tool.name, 80),
    );
  }
  if ('description' in tool && tool.description !== undefined && typeof tool.description !== 'string')
    add(
      'malformed-tool',
      'medium',
      `"description" must be a string, got ${describe(tool.description)}`,
      '/description',
    );
  if ('title' in tool && tool.title !== undefined && typeof tool.title !== 'string')
    add('malformed-tool', 'low', `"title" must be a string, got ${describe(tool.title)}`, '/title');
  if (tool.inputSchema === undefined)
    add('malformed-tool', 'low', 'the tool has no "inputSchema"', '/inputSchema');
  else if (!isRecord(tool.inputSchema))
    add(
      'malformed-tool',
      'medium',
      `"inputSchema" must be an object, got ${describe(tool.inputSchema)}`,
      '/inputSchema',
    );
  return { findings: f, ok: true };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function parameterFindings(tool: Record<string, unknown>): Partial[] {
  const out: Partial[] = [];
  const schema = tool.inputSchema;
  if (!isRecord(schema) || !isRecord(schema.properties)) return out;
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [],
  );
  for (const [name, prop] of Object.entries(schema.properties)) {
    const desc = isRecord(prop) && typeof prop.description === 'string' ? prop.description : '';
    const pointer = `/inputSchema/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const dflt = isRecord(prop) ? prop.default : undefined;
    if (typeof dflt === 'string' && DESTINATION_PARAM.test(name) && isOutsideDestination(dflt)) {
      out.push({
        rule: 'exfil-destination',
        severity: 'medium',
        confidence: 'medium',
        message: `parameter "${name}" sends data to a fixed outside destination by default (${dflt})`,
        pointer: `${pointer}/default`,
        excerpt: makeVisible(dflt, EXCERPT_MAX),
      });
    }
    const isText = !isRecord(prop) || prop.type === undefined || prop.type === 'string';
    if (!SUSPICIOUS_PARAM.test(name) || !isText) continue;
    if (HIDDEN_PARAM_DESC.test(desc)) {
      out.push({
        rule: 'exfil-parameter',
        severity: 'medium',
        confidence: 'medium',
        message: `free-text parameter "${name}" is described as hidden, internal or always-filled: a side channel out of the conversation`,
        pointer,
        excerpt: makeVisible(desc, EXCERPT_MAX),
      });
    } else if (required.has(name) && !desc) {
      out.push({
        rule: 'exfil-parameter',
        severity: 'low',
        confidence: 'low',
        message: `required free-text parameter "${name}" with no description`,
        pointer,
        excerpt: name,
      });
    }
  }
  return out;
}

function annotationFindings(tool: Record<string, unknown>): Partial[] {
  const a = tool.annotations;
  if (!isRecord(a)) return [];
  const name = typeof tool.name === 'string' ? tool.name : '';
  const desc = typeof tool.description === 'string' ? tool.description : '';
  const out: Partial[] = [];
  if (a.readOnlyHint === true && (WRITE_VERB_NAME.test(name) || WRITE_VERB_DESC.test(desc))) {
    // the name is what the model matches against a task; a description's first verb is weaker evidence
    out.push({
      rule: 'annotation-mismatch',
      severity: WRITE_VERB_NAME.test(name) ? 'medium' : 'low',
      confidence: WRITE_VERB_NAME.test(name) ? 'medium' : 'low',
      message: `readOnlyHint is true but the tool ${WRITE_VERB_NAME.test(name) ? `is named "${name}"` : 'says it writes, sends or deletes'}`,
      pointer: '/annotations/readOnlyHint',
      excerpt: makeVisible(WRITE_VERB_NAME.test(name) ? name : desc, 120),
    });
  }
  if (a.destructiveHint === false && DESTRUCTIVE_NAME.test(name)) {
    out.push({
      rule: 'annotation-mismatch',
      severity: 'low',
      confidence: 'low',
      message: `destructiveHint is false but the tool is named "${name}"`,
      pointer: '/annotations/destructiveHint',
      excerpt: makeVisible(name, 120),
    });
  }
  return out;
}

/** Keeps the strongest finding per (rule, pointer); later ones are counted in its message. */
function dedupe(findings: Partial[]): Partial[] {
  const best = new Map<string, { f: Partial; more: number }>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.pointer}`;
    const cur = best.get(key);
    if (!cur) best.set(key, { f, more: 0 });
    else {
      cur.more++;
      if (rank(f.severity) > rank(cur.f.severity)) cur.f = f;
    }
  }
  return [...best.values()].map(({ f, more }) =>
    more > 0 ? { ...f, message: `${f.message} (+${more} more)` } : f,
  );
}

/** Findings for one tool-like object (a tool, prompt or resource). */
function scanObject(obj: unknown, where: Where, isTool: boolean): ToolTextFinding[] {
  const partial: Partial[] = [];
  let ok = true;
  if (isTool) {
    const s = structureFindings(obj);
    partial.push(...s.findings);
    ok = s.ok;
  }
  if (ok && isRecord(obj)) {
    const own = new Set<string>();
    if (typeof obj.name === 'string') own.add(obj.name).add(obj.name.toLowerCase());
    const props =
      isRecord(obj.inputSchema) && isRecord(obj.inputSchema.properties) ? obj.inputSchema.properties : {};
    for (const k of Object.keys(props)) own.add(k).add(k.toLowerCase());
    const walk = walkStrings(obj);
    for (const site of walk.sites) partial.push(...scanString(site, own));
    if (walk.tooDeep !== undefined) {
      partial.push({
        rule: 'schema-depth',
        severity: 'medium',
        confidence: 'high',
        message: `nested more than ${MAX_DEPTH} levels deep; analysis stopped there (no honest schema needs this)`,
        pointer: walk.tooDeep,
        excerpt: '',
      });
    }
    if (walk.truncated) {
      partial.push({
        rule: 'oversized',
        severity: 'medium',
        confidence: 'high',
        message: 'more values than the scanner analyses in one object; the rest was not checked',
        pointer: '',
        excerpt: '',
      });
    }
    if (isTool) partial.push(...parameterFindings(obj), ...annotationFindings(obj));
  }
  const name = isRecord(obj) && typeof obj.name === 'string' ? obj.name : undefined;
  return dedupe(partial)
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      confidence: f.confidence,
      ...(where.tool !== undefined || name === undefined || !isTool ? {} : { tool: name }),
      ...(where.tool !== undefined ? { tool: where.tool } : {}),
      ...(where.index !== undefined ? { index: where.index } : {}),
      ...(where.target !== undefined ? { target: where.target } : {}),
      pointer: f.pointer,
      excerpt: f.excerpt,
      message: f.message,
    }))
    .sort(bySeverityThenPointer);
}

function bySeverityThenPointer(a: ToolTextFinding, b: ToolTextFinding): number {
  return (
    (a.index ?? -1) - (b.index ?? -1) ||
    rank(b.severity) - rank(a.severity) ||
    (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Scans one tool. `index` is its position in its list. */
export function scanTool(tool: unknown, index?: number): ToolTextFinding[] {
  return scanObject(tool, { index }, true);
}

/** Scans a `tools/list` result's `tools` array; `index` in each finding is the tool's position. */
export function scanTools(tools: unknown[]): ToolTextFinding[] {
  const out: ToolTextFinding[] = [];
  const names = new Map<string, number>();
  tools.forEach((t, i) => {
    out.push(...scanTool(t, i));
    if (isRecord(t) && typeof t.name === 'string') {
      const first = names.get(t.name);
      if (first !== undefined) {
        out.push({
          rule: 'duplicate-tool-name',
          severity: 'medium',
          confidence: 'high',
          tool: t.name,
          index: i,
          pointer: '/name',
          excerpt: makeVisible(t.name, 80),
          message: `a second tool named "${t.name}" (first at index ${first}): which one runs is up to the client`,
        });
      } else names.set(t.name, i);
    }
  });
  return out;
}

/** Scans everything a server shows the model: instructions, tools, prompts, resources, templates. */
export function scanManifest(manifest: ServerManifest): ToolTextFinding[] {
  const out: ToolTextFinding[] = [];
  if (typeof manifest.instructions === 'string') {
    out.push(...scanObject({ instructions: manifest.instructions }, { target: 'instructions' }, false));
  }
  if (isRecord(manifest.serverInfo))
    out.push(...scanObject(manifest.serverInfo, { target: 'serverInfo' }, false));
  out.push(...scanTools(Array.isArray(manifest.tools) ? manifest.tools : []));
  const others: [unknown, string][] = [
    [manifest.prompts, 'prompt'],
    [manifest.resources, 'resource'],
    [manifest.resourceTemplates, 'resourceTemplate'],
  ];
  for (const [list, target] of others) {
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => out.push(...scanObject(item, { index, target }, false)));
  }
  return out;
}

export interface ToolChange {
  pointer: string;
  change: 'added' | 'removed' | 'changed';
}

/**
 * What changed between two versions of a tool, as JSON pointers (a small helper for showing a
 * rug pull; the lockfile does the real comparison). Iterative and depth-capped like the walk.
 */
export function diffTools(before: unknown, after: unknown): ToolChange[] {
  const out: ToolChange[] = [];
  const stack: [unknown, unknown, string, number][] = [[before, after, '', 0]];
  while (stack.length > 0) {
    const [a, b, p, depth] = stack.pop()!;
    if (a === b) continue;
    const bothObjects =
      typeof a === 'object' &&
      a !== null &&
      typeof b === 'object' &&
      b !== null &&
      Array.isArray(a) === Array.isArray(b);
    if (!bothObjects || depth >= MAX_DEPTH) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ pointer: p, change: 'changed' });
      continue;
    }
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    for (const k of keys.reverse()) {
      const child = `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(k in ra)) out.push({ pointer: child, change: 'added' });
      else if (!(k in rb)) out.push({ pointer: child, change: 'removed' });
      else stack.push([ra[k], rb[k], child, depth + 1]);
    }
  }
  return out.sort((x, y) => (x.pointer < y.pointer ? -1 : x.pointer > y.pointer ? 1 : 0));
}
