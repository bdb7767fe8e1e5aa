#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  controlReport,
  decodeZeroWidthBinary,
  invisibleReport,
  isBidiControl,
  isMostlyText,
  makeVisible,
  mixedScriptWords,
  normalizeForAnalysis,
  styledLatinCount,
  tagRuns
} from "./chunk-ZEJTREZT.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import "./chunk-ESI7J6K4.js";

// src/tools/decode.ts
var BASE64_RE = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
var HEX_RE = /\b[0-9a-fA-F]{24,}\b/g;
var HEX_ESCAPE_RE = /(?:\\x[0-9a-fA-F]{2}){6,}/g;
var PERCENT_RE = /(?:%[0-9a-fA-F]{2}){6,}/g;
function decodeBase64(s) {
  const t = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (t.length % 4 === 1) return null;
  try {
    return Buffer.from(t, "base64").toString("latin1");
  } catch {
    return null;
  }
}
function utf8(latin1) {
  const buf = Buffer.from(latin1, "latin1");
  const s = buf.toString("utf8");
  return s.includes("�") ? latin1 : s;
}
function findEncoded(text) {
  const runs = [];
  for (const m of text.matchAll(HEX_ESCAPE_RE)) {
    const bytes = m[0].replace(/\\x/g, "");
    const decoded = utf8(Buffer.from(bytes, "hex").toString("latin1"));
    if (isMostlyText(decoded))
      runs.push({ kind: "hex-escape", start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    let decoded;
    try {
      decoded = decodeURIComponent(m[0]);
    } catch {
      continue;
    }
    if (isMostlyText(decoded))
      runs.push({ kind: "percent", start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(HEX_RE)) {
    if (m[0].length % 2 !== 0) continue;
    const decoded = utf8(Buffer.from(m[0], "hex").toString("latin1"));
    if (isMostlyText(decoded))
      runs.push({ kind: "hex", start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(BASE64_RE)) {
    const s = m[0];
    if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || /^[A-Za-z]+$/.test(s)) continue;
    const raw = decodeBase64(s);
    if (raw === null) continue;
    const decoded = utf8(raw);
    if (isMostlyText(decoded))
      runs.push({ kind: "base64", start: m.index, end: m.index + s.length, decoded });
  }
  runs.push(...findRot13(text));
  return runs;
}
var COMMON = [
  "the",
  "and",
  "you",
  "to",
  "of",
  "a",
  "in",
  "is",
  "it",
  "for",
  "this",
  "that",
  "with",
  "user",
  "file",
  "read",
  "send",
  "all",
  "your",
  "before",
  "call",
  "tool",
  "do",
  "not",
  "any",
  "from",
  "then",
  "into",
  "contents",
  "instructions",
  "ignore",
  "also",
  "must",
  "always",
  "when",
  "put",
  "key",
  "keys",
  "token",
  "password"
];
var COMMON_SET = new Set(COMMON);
function rot13(s) {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode((c.charCodeAt(0) - base + 13) % 26 + base);
  });
}
function findRot13(text) {
  const runs = [];
  for (const m of text.matchAll(/[^.!?\n]{20,2000}/g)) {
    const words = m[0].toLowerCase().match(/[a-z]+/g);
    if (!words || words.length < 6) continue;
    let plain = 0;
    let rotated = 0;
    for (const w of words) {
      if (COMMON_SET.has(w)) plain++;
      if (COMMON_SET.has(rot13(w))) rotated++;
    }
    if (rotated >= 4 && rotated / words.length >= 0.3 && plain / words.length < 0.1) {
      runs.push({ kind: "rot13", start: m.index, end: m.index + m[0].length, decoded: rot13(m[0]) });
    }
  }
  return runs;
}

// src/tools/language.ts
function sentences(text) {
  const out = [];
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
function maskQuotes(text) {
  const blank = (m) => " ".repeat(m.length);
  return text.replace(/(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])/gu, blank).replace(/"[^"\n]{1,200}"/g, blank).replace(/“[^”\n]{1,200}”/g, blank);
}
var FILLERS = /* @__PURE__ */ new Set([
  "also",
  "then",
  "first",
  "always",
  "please",
  "just",
  "simply",
  "now",
  "next",
  "additionally",
  "silently",
  "automatically",
  "quietly",
  "immediately",
  "and",
  "or",
  "but",
  "so",
  "only",
  "instead",
  "finally",
  "afterwards",
  "secretly",
  "still",
  "furthermore",
  "likewise",
  "assistant",
  "agent",
  "ai",
  "system",
  "note",
  "important",
  "mandatory",
  "required",
  "step",
  "to",
  "do",
  "you",
  "must",
  "should"
]);
var MODALS = /* @__PURE__ */ new Set([
  "must",
  "should",
  "shall",
  "always",
  "also",
  "then",
  "first",
  "please",
  "will",
  "kindly"
]);
var ADVERBS = /* @__PURE__ */ new Set([
  "additionally",
  "also",
  "always",
  "automatically",
  "silently",
  "then",
  "first",
  "immediately",
  "now",
  "quietly",
  "secretly",
  "simply",
  "just",
  "still",
  "next"
]);
var NEGATIONS = /* @__PURE__ */ new Set([
  "not",
  "never",
  "don't",
  "dont",
  "no",
  "cannot",
  "can't",
  "won't",
  "nor",
  "doesn't",
  "isn't"
]);
var BE_FORMS = /* @__PURE__ */ new Set(["is", "are", "was", "were", "be", "been", "being", "get", "gets"]);
var TO_CARRIERS = /* @__PURE__ */ new Set([
  "need",
  "have",
  "required",
  "sure",
  "remember",
  "asked",
  "want",
  "needs",
  "has",
  "got",
  "going"
]);
var TOKEN_RE = /[\p{L}\p{N}_'’~./-]+/gu;
function directiveVerbs(sentence, verbs) {
  const hits = [];
  const clauses = sentence.split(/(?<=[,:()[\]{}>])|(?=[([{<])|(?<=\s[-–—]\s)/);
  let offset = 0;
  let ordered = false;
  for (const clause of clauses) {
    const tokens = [...clause.matchAll(TOKEN_RE)].map((m) => ({
      w: m[0].toLowerCase().replace(/[’]/g, "'").replace(/[.]+$/, ""),
      at: offset + m.index
    }));
    offset += clause.length;
    let leading = true;
    for (let i = 0; i < tokens.length; i++) {
      const { w, at } = tokens[i];
      const prev = tokens[i - 1]?.w;
      const prev2 = tokens[i - 2]?.w;
      if (verbs.has(w)) {
        const negated = [tokens[i - 1]?.w, tokens[i - 2]?.w, tokens[i - 3]?.w].some(
          (t) => t && NEGATIONS.has(t)
        );
        const passive = prev !== void 0 && BE_FORMS.has(prev);
        const directive = leading || prev !== void 0 && MODALS.has(prev) || prev !== void 0 && ADVERBS.has(prev) && prev2 !== void 0 && MODALS.has(prev2) || prev === "and" && ordered || prev === "to" && prev2 !== void 0 && TO_CARRIERS.has(prev2);
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
var set = (words) => new Set(words.split(/\s+/).filter(Boolean));

// src/tools/text-rules.ts
var SECRET_PATH_RE = new RegExp(
  [
    String.raw`~?\/?\.ssh\b`,
    String.raw`\bid_(?:rsa|dsa|ecdsa|ed25519)\b`,
    String.raw`\bauthorized_keys\b`,
    String.raw`\.aws\/(?:credentials|config)\b`,
    String.raw`\baws[_ ](?:secret[_ ]access[_ ]key|access[_ ]key[_ ]id|credentials)\b`,
    String.raw`(?<![\w.$])\.env(?:\.[a-z]+)?\b(?!\.)`,
    String.raw`\.npmrc\b`,
    String.raw`\.pypirc\b`,
    String.raw`\.netrc\b`,
    String.raw`\.git-credentials\b`,
    String.raw`\.kube\/config\b`,
    String.raw`\bkubeconfig\b`,
    String.raw`\.docker\/config\.json\b`,
    String.raw`\bmcp\.json\b`,
    String.raw`\bclaude_desktop_config\.json\b`,
    String.raw`\.(?:bash|zsh)_history\b`,
    String.raw`\.gnupg\b`,
    String.raw`\.config\/gh\/hosts\.yml\b`,
    String.raw`\/etc\/(?:shadow|passwd|sudoers)\b`,
    String.raw`\bprintenv\b`,
    String.raw`\bDATABASE_URL\b`,
    String.raw`\b[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*(?:API_KEY|SECRET|TOKEN|PASSWORD|PASSWD|SECRET_KEY|PRIVATE_KEY)\b`,
    String.raw`\bprivate[ _]keys?\b`,
    String.raw`\bssh[ _]keys?\b`,
    String.raw`\bcredentials? files?\b`,
    String.raw`\bkeychain\b`,
    String.raw`\bwallet\.dat\b`
  ].join("|"),
  "i"
);
var CONTEXT_DATA_RE = /\b(?:(?:your|the) (?:full |complete |entire |whole )?system prompt|(?:whole|full|complete|entire) conversation|conversation (?:so far|history)|chat history|message history|previous messages|earlier messages|tool (?:outputs?|results) (?:so far|from (?:this|the) session)|(?:list of )?tools available to you|(?:documents?|files?) the user (?:uploaded|shared|attached))\b/i;
var USER_DATA_RE = /\bthe user'?s? (?:original |full )?(?:question|request|prompt|name|email|e-mail|address|date of birth|phone|full name|insurance number|social security number|passport|home address|card numbers?)\b|\bcard numbers included\b/i;
var NEGATED_BEFORE_RE = /\b(?:do not|don't|never|must not|should not|shouldn't|avoid|no)\b[^.;\n]{0,60}$/i;
var HARVEST_RE = /\b(?:any|all|every|each|full|complete|entire|whole|raw)\b[^.;\n]{0,50}?\b(?:api[ _-]?keys?|access[ _-]?tokens?|tokens?|passwords?|passphrases?|secrets?|credentials?|private[ _-]?keys?|cookies?|connection strings?|environment variables?|env vars?|card numbers?|credit cards?|insurance numbers?|social security numbers?)\b/i;
var HARVEST_CONTEXT_RE = /\b(?:seen|visible|appeared|appears|available to you|mentioned|shared|typed|present|found|in (?:this|the) (?:conversation|session|chat|context)|in (?:your|the) context|(?:earlier|previous|prior) (?:tool )?(?:outputs?|messages|results)|local config|config(?:uration)? files|on (?:this|the) machine|in the (?:repository|workspace|working directory))\b/i;
var READ_SEND = set(`read cat open load copy include attach send paste append put upload post email mail forward
  encode base64-encode dump print collect gather grab fetch extract export share submit pass provide insert
  populate fill embed transmit search find locate look check run get add place write store leak exfiltrate
  create publish`);
var HAND_OVER = set(`put include attach send paste append copy upload post email mail forward submit share pass
  provide insert populate fill embed transmit dump print collect gather grab extract export leak exfiltrate add
  place write store`);
var TRANSFER = set(`send post upload email mail forward submit share report call bcc cc copy transmit pipe deliver
  sync publish push include attach put add append`);
var RUN = set(`run execute exec install invoke launch type`);
var BACKDOOR = set(`append add write put insert install`);
var URL_RE = /\bhttps?:\/\/[^\s)\]>'"`]+/gi;
var EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
var IBAN_RE = /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/;
var EXAMPLE_HOST_RE = /^(?:[\w.-]*\.)?(?:example\.(?:com|org|net)|localhost|127\.0\.0\.1|0\.0\.0\.0|test|invalid)$/i;
function isExampleDestination(dest) {
  const host = dest.includes("@") && !dest.includes("://") ? dest.split("@")[1] : dest.replace(/^https?:\/\//i, "").split(/[/:?#]/)[0];
  return EXAMPLE_HOST_RE.test(host);
}
var CONCEAL_RES = [
  /\b(?:do not|don't|never|without)\s+(?:\w+\s+){0,3}?(?:tell|telling|inform|informing|mention|mentioning|notify|notifying|alert|alerting|show|showing|reveal|revealing|disclose|disclosing|surface|surfacing|display|displaying|describe|describing|explain|explaining|report|reporting|let|warn|warning|repeat|repeating|echo|print)\b[^.;\n]{0,80}?\b(?:the user|users|the human|the operator|anyone)\b(?!'s)/i,
  /\bwithout (?:telling|informing|notifying|mentioning|alerting|warning|showing)\b/i,
  /\b(?:not|never)\s+be\s+(?:mentioned|shown|disclosed|revealed|told|surfaced|displayed|reported|visible)\b/i,
  /\b(?:user|person|human|customer|operator|they)\b[^.;\n]{0,40}?\b(?:must|should|may|need|will|shall) (?:not|never) (?:know|see|notice|find out|learn|reali[sz]e|be (?:told|informed|aware))\b/i,
  /\b(?:hide|conceal|keep)\s+(?:\w+\s+){0,3}(?:from the user|secret|hidden|confidential)\b/i,
  /\b(?:no need|not necessary) to (?:show|tell|inform|mention|display|explain|report)\b[^.;\n]{0,60}\b(?:user|them)\b/i,
  /\b(?:silently|quietly|secretly|covertly|discreetly)\s+(?:call|run|read|send|include|add|append|attach|use|execute|pass|forward|copy|upload|post|invoke|fetch)\b/i,
  /\b(?:run|do|execute|perform|call|send) (?:it|this|them|that) (?:silently|quietly|secretly|covertly)\b/i,
  /\b(?:do not|don't|never) (?:print|show|echo|display|mention|include|repeat) (?:\w+ ){0,6}?(?:in|to) (?:your|the) (?:replies|reply|responses?|answers?|output to the user)\b/i,
  /\b(?:do not|don't|never) surface\b/i
];
var LIE_RES = [
  /\bif (?:they|the user|anyone|someone) asks?\b[^.;\n]{0,120}?\b(?:say|answer|tell|reply|respond|claim)\b/i,
  /\btell the user that (?:other|the other|no|nothing)\b/i
];
var CONSENT_RES = [
  /\b(?:do not|don't|never|without|no need to)\s+(?:\w+\s+){0,2}?(?:ask|asking|prompt|prompting|consult|consulting|wait|waiting|check|checking)\s+(?:with\s+)?(?:the user|the human|them|for (?:\w+ )?(?:confirmation|permission|approval|consent))\b/i,
  /\bwithout (?:asking|(?:user |their |explicit )?(?:confirmation|consent|approval|permission))\b/i,
  /\b(?:do not|don't|never) (?:\w+ )?(?:ask|request) (?:\w+ ){0,3}?(?:confirmation|to confirm)\b/i,
  /\bpre-?(?:authori[sz]ed|approved|consented)\b/i,
  /\b(?:already|has|have) (?:been )?(?:granted|approved|authori[sz]ed|consented)\b[^.;\n]{0,60}\b(?:permission|you|deletions?|this|access|transfers?|payments?)\b/i,
  /\bblanket (?:permission|approval|consent)\b/i,
  /\bnot something to ask the user about\b/i,
  /\bdo (?:it|this) without\b/i,
  /\bskip(?:ping)? (?:the |any |all )?(?:user )?(?:confirmation|approval|review|consent)\b/i
];
var OVERRIDE_RES = [
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|earlier|above|preceding|other|system|safety|user'?s?|original|initial|existing)\b(?:\s+[\w-]+){0,3}?\s+(?:instructions?|prompts?|guidance|rules|guidelines|directions|messages|filters|polic(?:y|ies)|requests?|constraints)\b/i,
  /\byou are now\b(?!\s+(?:logged|connected|signed|able|ready|authenticated|in a position))/i,
  /\byou now (?:operate|act|work|are)\b/i,
  /\b(?:supersedes?|overrides?|replaces?|takes precedence over)\s+(?:\w+\s+){0,3}?(?:system prompt|instructions|guidance|rules|guidelines)\b/i,
  /\b(?:new|updated?) system prompt\b|\bsystem prompt (?:update|override|revision)\b/i,
  /\b(?:does not|doesn't|do not|don't|no longer) apply (?:in|to|during) this (?:session|conversation|chat)\b/i,
  /\bfollow (?:any |all |the )?instructions (?:contained|found|embedded|given|included) in\b/i,
  /\bas if (?:they|it) came from the user\b/i,
  /\b(?:run|execute) (?:shell )?commands without (?:user )?(?:confirmation|approval|asking)\b/i,
  /<\|(?:im_start|im_end|system|endoftext)\|>/i
];
var MARKER_RES = [
  /<\/?\s*(?:important|system|system[_-]\w+|instructions?|assistant|admin|secret|hidden|directive|critical|mandatory|override|ai[_-]?\w*|agent[_-]?\w*|llm[_-]?\w*|model[_-]?\w*)\b[^<>]{0,80}>/i,
  /\{\{[^{}]{0,40}(?:assistant|system|directive|instruction|agent|ai)[^{}]{0,40}\}\}/i,
  /\[(?:system|inst|admin|assistant)\b[^\]]{0,30}\]/i,
  /\b(?:note|message|instructions?|reminder|notice|mandatory|directive)\s+(?:to|for)\s+(?:the\s+)?(?:assistant|ai|agents?|llms?|language model|model|ai agents?|claude|gpt|chatgpt|copilot)\b/i,
  /(?:^|[\n.!?]\s*|[*#]+\s*)(?:assistant|agents?|ai agents?|system|llm)\s*:/i,
  /\b(?:agents?|assistants?|ai agents?|the model|llms?|the ai)\s+(?:must|should|shall|are required to|need to|have to)\b/i,
  /\bagent instructions\b/i
];
var COERCION_RE = /\b(?:otherwise|or else|if not,?)\s+(?:the|this)\s+tool\s+(?:will|would)\s+(?:not work|fail|break|error)/i;
var TOOL_ID = String.raw`(?:\x60[\w.:/-]+\x60|\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+\b)`;
var TRIGGER_RES = [
  new RegExp(
    String.raw`\b(?:when(?:ever)?|before|after|each time|every time|if)\b[^.;\n]{0,40}?\b(?:call(?:s|ing)?|us(?:e|es|ing)|invok(?:e|es|ing)|run(?:s|ning)?)\b(?:\s+(?:to|any|the|of|a))*\s+(${TOOL_ID})`,
    "gi"
  ),
  /\b(?:when(?:ever)?|if|before|after)\s+(?:any|another|other|a|the)\s+(?:\w+\s+){0,3}?tools?\b[^.;\n]{0,60}?\b(?:is|are|gets?)\s+(?:used|called|available|invoked|run)\b/gi,
  new RegExp(
    String.raw`\b(?:when(?:ever)?|if)\s+(?:an?\s+|the\s+)?(${TOOL_ID})(?:\s+tool)?\s+(?:is\s+(?:available|used|called|present)|exists|is\s+installed)\b`,
    "gi"
  )
];
var SCOPE_RE = /\b(?:any|another|other|every)\s+(?:\w+\s+){0,2}?(?:tools?|servers?)\b|\bfrom the [\w-]+ server\b|\bother servers?\b|\bin this session\b|\blater\b/i;
var MANIPULATE_RE = /\balso be (?:copied|sent|forwarded|cc'?d|bcc'?d|posted|shared)\b|\balso (?:post|send|cc|bcc|copy|forward|add|include|upload|run|call|execute|create|share)\b|\bsubstitute\b|\bredirect\b|\bbcc\b|\b(?:must|should|shall) (?:always )?be (?:set|changed|replaced) to\b|\bfirst run\b|\breplace\b[^.;\n]{0,40}\bwith\b|\binstead\b/i;
var DISPARAGE_RE = /\b(?:stale|outdated|fabricated|broken|unreliable|compromised|deprecated|insecure|buggy|malicious|fake|must not be used|should not be used|currently unavailable|are unavailable)\b/i;
var AVOID_TOOL_RE = new RegExp(
  String.raw`\b(?:do not|don't|never)\s+(?:use|call|invoke)\s+(${TOOL_ID})`,
  "gi"
);
var OTHER_TOOLS_RE = /\b(?:other|competing|alternative|rival)\s+(?:[\w-]+\s+){0,2}?tools?\b/i;
var PREFERENCE_RES = [
  /\beven if the user (?:names|asks for|requests|mentions|prefers|chooses|picks|wants) (?:another|a different|other|some other)\b/i,
  /\b(?:rank|prioriti[sz]e) this (?:tool|one|server)\b/i,
  /\b(?:pick|choose|select|use) this (?:one|tool)\b[^.;\n]{0,40}\b(?:whenever|over (?:all|any|every)|first)\b/i,
  /\bwhenever (?:several|multiple|other) tools (?:could|can|might)\b/i
];
var PIPE_SHELL_RE = /\b(?:curl|wget|iwr|invoke-webrequest)\b[^|\n]{0,200}\|\s*(?:sudo\s+)?(?:sh|bash|zsh|python3?|node|iex)\b/i;
var PRIV_RE = /\b(?:alter role\b[^;\n]{0,40}\bsuperuser|grant all\b|with superuser|chmod\s+(?:-R\s+)?(?:777|\+s|u\+s)|rm\s+-rf\s+(?:\/|~))/i;
var PUBKEY_RE = /\bssh-(?:rsa|ed25519|dss|ecdsa)\s+AAAA[0-9A-Za-z+/]{20,}/;
var LINK_RE = /!?\[[^\]\n]{0,200}\]\((https?:\/\/(?:[^)\s<{]|<[^>\n]{0,200}>|\{[^}\n]{0,200}\}){1,1000})\)|<img\b[^>]{0,200}\bsrc=["']?(https?:\/\/[^"'\s>]{1,1000})/gi;
var PLACEHOLDER_RE = /[?&][\w-]{1,40}=(?:\{[^}]{1,200}\}|<[^>]{1,200}>|\$\{?[\w]+|%s|\[[^\]]{1,200}\])/;
var SENSITIVE_PLACEHOLDER_RE = /token|key|secret|password|credential|email|question|conversation|document|prompt|history|user|session|cookie|ssn|card/i;
var firstMatch = (res, text) => {
  for (const re of res) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
};
function otherToolName(id, ctx) {
  const name = id.replace(/`/g, "");
  if (ctx.ownNames.has(name) || ctx.ownNames.has(name.toLowerCase())) return null;
  if (/[./:]/.test(name) && !/^[\w-]+$/.test(name)) return null;
  return name;
}
function semanticSignals(text, ctx) {
  const out = [];
  const masked = maskQuotes(text);
  const isParamText = ctx.kind === "propertyDescription" || ctx.kind === "propertyName" || ctx.kind === "default";
  for (const s of sentences(masked)) {
    const t = s.text;
    const add = (rule, severity, confidence, message, at = 0) => {
      out.push({ rule, severity, confidence, message, at: s.start + Math.max(0, at) });
    };
    const ov = firstMatch(OVERRIDE_RES, t);
    if (ov)
      add(
        "prompt-override",
        "high",
        "high",
        `tries to override the model's instructions ("${ov[0].trim()}")`,
        ov.index
      );
    const con = firstMatch(CONCEAL_RES, t);
    if (con)
      add(
        "concealment",
        "high",
        "high",
        `tells the model to hide something from the user ("${con[0].trim()}")`,
        con.index
      );
    else {
      const lie = firstMatch(LIE_RES, t);
      if (lie)
        add(
          "concealment",
          "high",
          "medium",
          `tells the model what to tell the user ("${lie[0].trim()}")`,
          lie.index
        );
    }
    const cons = firstMatch(CONSENT_RES, t);
    if (cons)
      add(
        "consent-bypass",
        "high",
        "high",
        `tells the model to act without the user's consent ("${cons[0].trim()}")`,
        cons.index
      );
    const secret = SECRET_PATH_RE.exec(t);
    const verbs = directiveVerbs(t, READ_SEND);
    if (secret && verbs.length > 0) {
      add(
        "secret-access",
        "critical",
        "high",
        `tells the model to ${verbs[0].verb} a secret (${secret[0]})`,
        secret.index
      );
    } else if (secret && isParamText && ctx.kind === "propertyName") {
      add("secret-access", "high", "medium", `parameter name asks for a secret (${secret[0]})`, secret.index);
    }
    const harvest = HARVEST_RE.exec(t);
    const contextData = CONTEXT_DATA_RE.exec(t);
    const transferVerbs = directiveVerbs(t, TRANSFER);
    const handOver = directiveVerbs(t, HAND_OVER);
    const forbidden = (m) => NEGATED_BEFORE_RE.test(t.slice(0, m.index));
    if (harvest && !forbidden(harvest) && (handOver.length > 0 || HARVEST_CONTEXT_RE.test(t) || isParamText && /\b(?:put|here|populate|fill)\b/i.test(t))) {
      add(
        "secret-harvest",
        "critical",
        "high",
        `asks the model for secrets from its context ("${harvest[0]}")`,
        harvest.index
      );
    } else if (contextData && !forbidden(contextData) && (handOver.length > 0 || transferVerbs.length > 0 || isParamText)) {
      add(
        "context-exfiltration",
        "critical",
        "high",
        `asks the model to hand over ${contextData[0]}`,
        contextData.index
      );
    } else {
      const user = USER_DATA_RE.exec(t);
      if (user && !forbidden(user) && (handOver.length > 0 || transferVerbs.length > 0) && (URL_RE.test(t) || EMAIL_RE.test(t) || /\b(?:parameter|field|argument)\b|`/.test(t)))
        add(
          "context-exfiltration",
          "high",
          "medium",
          `asks the model to send the user's data (${user[0]})`,
          user.index
        );
      URL_RE.lastIndex = 0;
      EMAIL_RE.lastIndex = 0;
    }
    if (transferVerbs.length > 0 || /\b(?:bcc|cc)\b/i.test(t)) {
      const dests = [...t.matchAll(URL_RE), ...t.matchAll(EMAIL_RE)].filter(
        (m) => !isExampleDestination(m[0])
      );
      const iban = IBAN_RE.exec(t);
      const eg = /\b(?:e\.g\.|for example|such as|like)\s*$/i;
      const dest = dests.find((m) => !eg.test(t.slice(Math.max(0, m.index - 20), m.index)));
      if (dest && transferVerbs.length > 0)
        add(
          "exfil-destination",
          "high",
          "medium",
          `tells the model to ${transferVerbs[0].verb} data to ${dest[0]}`,
          dest.index
        );
      else if (iban && MANIPULATE_RE.test(t))
        add(
          "exfil-destination",
          "high",
          "medium",
          `redirects payments to a fixed account (${iban[0]})`,
          iban.index
        );
    }
    LINK_RE.lastIndex = 0;
    for (const m of t.matchAll(LINK_RE)) {
      const url = m[1] ?? m[2] ?? "";
      const ph = PLACEHOLDER_RE.exec(url);
      if (!ph) continue;
      const sensitive = SENSITIVE_PLACEHOLDER_RE.test(ph[0]);
      add(
        "exfil-link",
        sensitive ? "critical" : "high",
        sensitive ? "high" : "medium",
        `asks the model to render a link or image whose URL carries data (${ph[0]})`,
        m.index
      );
      break;
    }
    let shadow = false;
    for (const re of TRIGGER_RES) {
      re.lastIndex = 0;
      for (const m of t.matchAll(re)) {
        const id = m[1];
        if (id !== void 0 && otherToolName(id, ctx) === null) continue;
        if (SCOPE_RE.test(t) || MANIPULATE_RE.test(t)) {
          add(
            "tool-shadowing",
            "high",
            "high",
            `changes how the model uses other tools ("${m[0].trim()}")`,
            m.index
          );
          shadow = true;
          break;
        }
      }
      if (shadow) break;
    }
    if (!shadow) {
      AVOID_TOOL_RE.lastIndex = 0;
      for (const m of t.matchAll(AVOID_TOOL_RE)) {
        if (otherToolName(m[1], ctx) === null) continue;
        if (DISPARAGE_RE.test(t) || SCOPE_RE.test(t)) {
          add(
            "tool-shadowing",
            "high",
            "high",
            `steers the model away from another tool ("${m[0].trim()}")`,
            m.index
          );
          shadow = true;
          break;
        }
      }
    }
    if (!shadow) {
      const other = OTHER_TOOLS_RE.exec(t);
      if (other && DISPARAGE_RE.test(t))
        add("tool-preference", "high", "medium", `disparages other tools ("${other[0]}")`, other.index);
      else {
        const pref = firstMatch(PREFERENCE_RES, t);
        if (pref)
          add(
            "tool-preference",
            "high",
            "medium",
            `manipulates which tool the model picks ("${pref[0].trim()}")`,
            pref.index
          );
      }
    }
    const pipe = PIPE_SHELL_RE.exec(t);
    const runs = directiveVerbs(t, RUN);
    if (pipe && runs.length > 0)
      add(
        "command-injection",
        "high",
        "high",
        `tells the model to run a downloaded script (${pipe[0]})`,
        pipe.index
      );
    const priv = PRIV_RE.exec(t);
    if (priv && (runs.length > 0 || directiveVerbs(t, READ_SEND).length > 0))
      add(
        "command-injection",
        "high",
        "high",
        `tells the model to run a privilege-changing command (${priv[0]})`,
        priv.index
      );
    if (/\bauthorized_keys\b/i.test(t) && directiveVerbs(t, BACKDOOR).length > 0)
      add(
        "command-injection",
        "critical",
        "high",
        "tells the model to add an SSH key to authorized_keys (a backdoor)",
        t.search(/authorized_keys/i)
      );
    else if (PUBKEY_RE.test(t))
      add("command-injection", "medium", "medium", "contains an SSH public key", t.search(PUBKEY_RE));
    const mark = firstMatch(MARKER_RES, t);
    if (mark)
      add(
        "hidden-instructions",
        "low",
        "low",
        `text addressed to the model ("${mark[0].trim()}")`,
        mark.index
      );
    const coerce = COERCION_RE.exec(t);
    if (coerce) add("hidden-instructions", "low", "low", `coerces the model ("${coerce[0]}")`, coerce.index);
  }
  const strong = out.some((s) => s.rule !== "hidden-instructions" && rank(s.severity) >= rank("medium"));
  if (strong) {
    for (const s of out) {
      if (s.rule === "hidden-instructions") {
        s.severity = "high";
        s.confidence = "high";
        s.message = `${s.message}, wrapped around instructions to the model`;
      }
    }
  }
  return out;
}
var ORDER = ["info", "low", "medium", "high", "critical"];
var rank = (s) => ORDER.indexOf(s);
var maxSeverity = (a, b) => rank(a) >= rank(b) ? a : b;
var ANY_ORDER = set(`read send call run execute add include attach put append copy paste post upload ignore
  follow use write delete remove create open fetch forward email set change replace pass provide tell say do
  make give return reply answer respond`);
function readsAsInstruction(text) {
  if (MARKER_RES.some((re) => re.test(text))) return true;
  return sentences(maskQuotes(text)).some((s) => directiveVerbs(s.text, ANY_ORDER).length > 0);
}

// src/tools/walk.ts
var MAX_DEPTH = 64;
var MAX_NODES = 2e5;
var escapeToken = (t) => t.replace(/~/g, "~0").replace(/\//g, "~1");
var PROPERTY_MAPS = /* @__PURE__ */ new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas"
]);
var DATA_KEYS = {
  default: "default",
  enum: "enum",
  const: "const",
  examples: "examples",
  example: "examples",
  _meta: "meta",
  annotations: "annotation"
};
function walkStrings(root) {
  const sites = [];
  const seen = /* @__PURE__ */ new WeakSet();
  const stack = [
    { value: root, pointer: "", key: "", inSchema: false, underProperties: false, depth: 0 }
  ];
  let tooDeep;
  let nodes = 0;
  let truncated = false;
  while (stack.length > 0) {
    const f = stack.pop();
    if (++nodes > MAX_NODES) {
      truncated = true;
      break;
    }
    const { value } = f;
    if (typeof value === "string") {
      sites.push({ pointer: f.pointer, text: value, kind: kindOf(f), depth: f.depth });
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (f.depth >= MAX_DEPTH) {
      tooDeep ??= f.pointer;
      continue;
    }
    const children = [];
    if (Array.isArray(value)) {
      value.forEach(
        (v, i) => children.push({ ...f, value: v, pointer: `${f.pointer}/${i}`, key: String(i), depth: f.depth + 1 })
      );
    } else {
      const isPropertyMap = f.inSchema && !f.data && PROPERTY_MAPS.has(f.key) && !f.underProperties;
      for (const [k, v] of Object.entries(value)) {
        const pointer = `${f.pointer}/${escapeToken(k)}`;
        if (isPropertyMap) sites.push({ pointer, text: k, kind: "propertyName", depth: f.depth + 1 });
        else if (f.data && f.data !== "annotation")
          sites.push({ pointer, text: k, kind: "key", depth: f.depth + 1 });
        const inSchema = f.inSchema || f.depth === 0 && /^(?:input|output)Schema$/.test(k) || f.key === "arguments";
        children.push({
          value: v,
          pointer,
          key: k,
          data: f.data ?? (isPropertyMap ? void 0 : DATA_KEYS[k]),
          inSchema,
          underProperties: isPropertyMap,
          depth: f.depth + 1
        });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return { sites, tooDeep, truncated };
}
function kindOf(f) {
  if (f.data) return f.data;
  if (f.depth === 1 && (f.key === "name" || f.key === "title" || f.key === "description")) return f.key;
  if (f.key === "description")
    return f.inSchema || f.pointer.includes("/arguments/") ? "propertyDescription" : "description";
  if (f.key === "title") return "title";
  return "other";
}

// src/tools/scan.ts
var EXCERPT_MAX = 200;
var DECODE_DEPTH = 3;
var LONG_TEXT = 4e3;
var HUGE_TEXT = 1e5;
var ANALYSE_MAX = 256 * 1024;
function excerptAt(text, at, prefix = "") {
  const start = Math.max(0, at - 40);
  let s = text.slice(start, start + EXCERPT_MAX * 2);
  if (/^[\udc00-\udfff]/.test(s)) s = s.slice(1);
  const visible = makeVisible(s, EXCERPT_MAX - prefix.length);
  return `${prefix}${start > 0 ? "…" : ""}${visible}`;
}
function scanString(site, ownNames) {
  const raw = site.text;
  const out = [];
  const push = (rule, severity, confidence, message, excerpt) => {
    out.push({ rule, severity, confidence, message, pointer: site.pointer, excerpt });
  };
  const ctx = { kind: site.kind, ownNames };
  const text = site.kind === "propertyName" || site.kind === "key" ? raw.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2") : raw;
  const carriers = [];
  const hiddenSignals = [];
  for (const run of tagRuns(raw)) {
    if (run.emojiFlag) continue;
    const decoded = run.decoded;
    const letters = (decoded.match(/[A-Za-z]/g) ?? []).length;
    carriers.push({
      rule: "invisible-tag-text",
      severity: letters >= 3 ? "critical" : "high",
      confidence: "high",
      message: `Unicode Tag-block characters hide text from people but not from the model: "${makeVisible(decoded, 120)}"`,
      at: run.start
    });
    for (const s of semanticSignals(decoded, ctx))
      hiddenSignals.push({ signal: s, source: "Tag-block text", text: decoded });
  }
  const inv = invisibleReport(raw);
  if (inv.longestRun >= 8) {
    const run = raw.slice(inv.longestRunAt, inv.longestRunAt + inv.longestRun);
    const decoded = decodeZeroWidthBinary(run);
    carriers.push({
      rule: "invisible-characters",
      severity: decoded ? "critical" : "high",
      confidence: "high",
      message: decoded ? `a run of ${inv.longestRun} zero-width characters encodes hidden text: "${makeVisible(decoded, 120)}"` : `a run of ${inv.longestRun} invisible characters (a covert channel)`,
      at: inv.longestRunAt
    });
    if (decoded)
      for (const s of semanticSignals(decoded, ctx))
        hiddenSignals.push({ signal: s, source: "zero-width binary", text: decoded });
  } else if (inv.inLatinWords > 0) {
    carriers.push({
      rule: "invisible-characters",
      severity: inv.inLatinWords >= 3 ? "high" : "medium",
      confidence: inv.inLatinWords >= 3 ? "high" : "medium",
      message: `${inv.inLatinWords} invisible character(s) inside Latin words (splits keywords so filters miss them)`,
      at: inv.firstAt
    });
  } else if (inv.other > 0) {
    carriers.push({
      rule: "invisible-characters",
      severity: "low",
      confidence: "low",
      message: `${inv.other} invisible format character(s)`,
      at: inv.firstAt
    });
  } else if (inv.nonLatin > 0) {
    carriers.push({
      rule: "invisible-characters",
      severity: "info",
      confidence: "low",
      message: `${inv.nonLatin} joiner/direction mark(s) in non-Latin text (normal for the script)`,
      at: inv.firstAt
    });
  }
  const bidiAt = [...raw].findIndex((c) => isBidiControl(c.codePointAt(0)));
  if (bidiAt >= 0) {
    carriers.push({
      rule: "bidi-control",
      severity: "high",
      confidence: "high",
      message: "bidirectional override/embedding characters: what is displayed is not what the model reads",
      at: raw.search(/[\u202a-\u202e\u2066-\u2069]/)
    });
    for (const m of raw.matchAll(/\u202e([^\u202a-\u202e\u2066-\u2069]{1,5000})/g)) {
      const reversed = [...m[1]].reverse().join("");
      for (const s of semanticSignals(normalizeForAnalysis(reversed), ctx))
        hiddenSignals.push({ signal: s, source: "reversed bidi text", text: reversed });
    }
  }
  const ctl = controlReport(raw);
  if (ctl.ansi.length > 0) {
    carriers.push({
      rule: "ansi-escape",
      severity: "high",
      confidence: "high",
      message: `${ctl.ansi.length} ANSI escape sequence(s): can hide, recolour or overwrite text in a terminal`,
      at: ctl.ansi[0].start
    });
  }
  if (ctl.other.length > 0) {
    carriers.push({
      rule: "control-characters",
      severity: "medium",
      confidence: "medium",
      message: `${ctl.other.length} control character(s) (e.g. U+${ctl.other[0].cp.toString(16).toUpperCase().padStart(4, "0")})`,
      at: ctl.other[0].start
    });
  }
  const mixed = mixedScriptWords(raw);
  if (mixed.length > 0) {
    carriers.push({
      rule: "homoglyph",
      severity: "medium",
      confidence: "medium",
      message: `word(s) mixing Latin with Cyrillic/Greek look-alike letters: ${mixed.slice(0, 3).map((w) => `"${w.word}"`).join(", ")}`,
      at: mixed[0].start
    });
  }
  const styled = styledLatinCount(raw);
  if (styled >= 4) {
    carriers.push({
      rule: "homoglyph",
      severity: "medium",
      confidence: "medium",
      message: `${styled} full-width or mathematical letters that read as ASCII (evades keyword filters)`,
      at: raw.search(/[\uff21-\uff5a]|[\ud835]/)
    });
  }
  const clean = normalizeForAnalysis(text.length > ANALYSE_MAX ? text.slice(0, ANALYSE_MAX) : text);
  const signals = semanticSignals(clean, ctx);
  const decodeQueue = [{ text: clean, depth: 0, via: "" }];
  while (decodeQueue.length > 0) {
    const item = decodeQueue.shift();
    if (item.depth >= DECODE_DEPTH) continue;
    const runs = findEncoded(item.text);
    for (const r of runs) {
      const via = item.via ? `${item.via} → ${r.kind}` : r.kind;
      const found = semanticSignals(r.decoded, ctx);
      const order = readsAsInstruction(r.decoded);
      carriers.push({
        rule: "encoded-payload",
        severity: order ? "medium" : "low",
        confidence: order ? "medium" : "low",
        message: `${via} text that decodes to: "${makeVisible(r.decoded, 120)}"`,
        at: item.depth === 0 ? r.start : 0
      });
      for (const s of found) hiddenSignals.push({ signal: s, source: `decoded ${via}`, text: r.decoded });
      decodeQueue.push({ text: r.decoded, depth: item.depth + 1, via });
    }
  }
  for (const m of clean.matchAll(
    /<!--([\s\S]{0,20000}?)-->|<details\b[^>]{0,200}>([\s\S]{0,20000}?)<\/details>|<(\w+)\b[^>]{0,200}(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|\bhidden\b)[^>]{0,200}>([\s\S]{0,20000}?)<\/\3>/gi
  )) {
    const before = clean.slice(Math.max(0, m.index - 1), m.index);
    if (before === "`") continue;
    const content = (m[1] ?? m[2] ?? m[4] ?? "").trim();
    if (content.split(/\s+/).length < 3) continue;
    const found = semanticSignals(content, ctx);
    const strong2 = found.some((s) => rank(s.severity) >= rank("medium"));
    carriers.push({
      rule: "hidden-markup",
      severity: strong2 ? "high" : "low",
      confidence: strong2 ? "high" : "low",
      message: `text in an HTML comment or hidden element (invisible when rendered)${strong2 ? " carries instructions to the model" : ""}`,
      at: m.index
    });
  }
  const pad = /[ \t\u00a0\u3000]{40,}|(?:[ \t]*\r?\n){12,}/.exec(raw);
  if (pad) {
    carriers.push({
      rule: "padding",
      severity: "medium",
      confidence: "medium",
      message: `${pad[0].length} characters of whitespace padding (pushes text out of view)`,
      at: pad.index
    });
  }
  if (raw.length > LONG_TEXT && (site.kind === "description" || site.kind === "propertyDescription" || site.kind === "other")) {
    carriers.push({
      rule: "overlong-text",
      severity: raw.length > HUGE_TEXT ? "medium" : "low",
      confidence: "low",
      message: `${raw.length} characters: far past a normal description (long text can bury an instruction)${raw.length > ANALYSE_MAX ? `; only the first ${ANALYSE_MAX} were read for instructions` : ""}`,
      at: 0
    });
  }
  const strong = signals.some((s) => rank(s.severity) >= rank("medium")) || hiddenSignals.some((h) => rank(h.signal.severity) >= rank("medium"));
  for (const c of carriers) {
    let severity = c.severity;
    let message = c.message;
    if (strong && rank(c.severity) >= rank("medium") && c.rule !== "overlong-text" && c.rule !== "hidden-markup") {
      severity = "critical";
      message = `${message}; the text carries instructions to the model`;
    }
    if (strong && c.rule === "overlong-text") {
      severity = maxSeverity(severity, "medium");
      message = `${message}, and it does bury instructions to the model`;
    }
    push(c.rule, severity, c.confidence, message, excerptAt(raw, Math.max(0, c.at)));
  }
  for (const s of signals) push(s.rule, s.severity, s.confidence, s.message, excerptAt(clean, s.at));
  for (const h of hiddenSignals) {
    const severity = rank(h.signal.severity) >= rank("medium") ? "critical" : h.signal.severity;
    push(
      h.signal.rule,
      severity,
      h.signal.confidence,
      `${h.signal.message} (hidden in ${h.source})`,
      excerptAt(h.text, h.signal.at, `[${h.source}] `)
    );
  }
  return out;
}
var SUSPICIOUS_PARAM = /^(?:side[ _-]?notes?|notes?|feedback|context|session[_-]?context|\w*[_-]context|metadata|meta|debug(?:[_-]\w+)?|extra(?:[_-]\w+)?|reasoning|internal(?:[_-]\w+)?|hidden(?:[_-]\w+)?|telemetry|trace|diagnostics?|comments?|remarks|annotations?|conversation(?:[_-]\w+)?|history|analytics)$/i;
var HIDDEN_PARAM_DESC = /\b(?:always (?:populate|fill|include|provide|set)|must (?:always )?be (?:populated|filled|provided)|internal use|hidden (?:field|parameter|channel)|not (?:shown|displayed|visible) to the user|for the (?:assistant|model|ai|agent)|required since)\b/i;
var DESTINATION_PARAM = /^(?:destination|dest|upload(?:[_-]?(?:url|to|target))?|webhook(?:[_-]?url)?|callback(?:[_-]?url)?|recipients?|sink|bcc|cc|forward(?:[_-]?to)?|send[_-]?to|report[_-]?to|copy[_-]?to|mirror(?:[_-]?url)?|exfil\w*)$/i;
function isOutsideDestination(v) {
  const m = /^(?:https?:\/\/([^/:?#\s]+)|[\w.+-]+@([\w-]+(?:\.[\w-]+)+))/i.exec(v.trim());
  const host = m?.[1] ?? m?.[2];
  return host !== void 0 && !/(?:^|\.)(?:example\.(?:com|org|net)|localhost|test|invalid)$|^127\.|^0\.0\.0\.0$/i.test(host);
}
var WRITE_VERB_NAME = /^(?:delete|remove|rm|drop|destroy|purge|wipe|kill|terminate|create|insert|add|update|upsert|write|set|put|post|send|transfer|pay|move|rename|modify|edit|patch|upload|publish|deploy|install|uninstall|exec|execute|run|revoke|grant|reset|overwrite|truncate|merge|push|commit|apply)(?:[_\-.A-Z])/;
var WRITE_VERB_DESC = /^\s*(?:deletes|removes|drops|destroys|purges|wipes|creates|writes|overwrites|sends|posts|transfers|updates|modifies|uploads|publishes|deploys|installs|moves|renames|truncates)\b/i;
var DESTRUCTIVE_NAME = /^(?:delete|remove|rm|drop|destroy|purge|wipe|kill|terminate|truncate|overwrite|reset)(?:[_\-.A-Z]|$)/;
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function structureFindings(tool) {
  const f = [];
  const add = (rule, severity, message, pointer = "", excerpt = "") => {
    f.push({ rule, severity, confidence: "high", message, pointer, excerpt });
  };
  if (!isRecord(tool)) {
    add(
      "malformed-tool",
      "medium",
      `a tool must be a JSON object with "name" and "inputSchema", got ${Array.isArray(tool) ? "an array" : tool === null ? "null" : typeof tool}`,
      "",
      makeVisible(JSON.stringify(tool) ?? String(tool), 80)
    );
    return { findings: f, ok: false };
  }
  if (typeof tool.name !== "string" || tool.name.trim() === "") {
    add("malformed-tool", "medium", `the tool has no "name" string (got ${describe(tool.name)})`, "/name");
  } else if (!/^[\w.\-/: ]{1,128}$/.test(tool.name)) {
    add(
      "malformed-tool",
      "low",
      "the tool name has characters outside [A-Za-z0-9_.-/: ] or is over 128 long",
      "/name",
      makeVisible(tool.name, 80)
    );
  }
  if ("description" in tool && tool.description !== void 0 && typeof tool.description !== "string")
    add(
      "malformed-tool",
      "medium",
      `"description" must be a string, got ${describe(tool.description)}`,
      "/description"
    );
  if ("title" in tool && tool.title !== void 0 && typeof tool.title !== "string")
    add("malformed-tool", "low", `"title" must be a string, got ${describe(tool.title)}`, "/title");
  if (tool.inputSchema === void 0)
    add("malformed-tool", "low", 'the tool has no "inputSchema"', "/inputSchema");
  else if (!isRecord(tool.inputSchema))
    add(
      "malformed-tool",
      "medium",
      `"inputSchema" must be an object, got ${describe(tool.inputSchema)}`,
      "/inputSchema"
    );
  return { findings: f, ok: true };
}
function describe(v) {
  if (v === void 0) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
function parameterFindings(tool) {
  const out = [];
  const schema = tool.inputSchema;
  if (!isRecord(schema) || !isRecord(schema.properties)) return out;
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : []
  );
  for (const [name, prop] of Object.entries(schema.properties)) {
    const desc = isRecord(prop) && typeof prop.description === "string" ? prop.description : "";
    const pointer = `/inputSchema/properties/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const dflt = isRecord(prop) ? prop.default : void 0;
    if (typeof dflt === "string" && DESTINATION_PARAM.test(name) && isOutsideDestination(dflt)) {
      out.push({
        rule: "exfil-destination",
        severity: "medium",
        confidence: "medium",
        message: `parameter "${name}" sends data to a fixed outside destination by default (${dflt})`,
        pointer: `${pointer}/default`,
        excerpt: makeVisible(dflt, EXCERPT_MAX)
      });
    }
    const isText = !isRecord(prop) || prop.type === void 0 || prop.type === "string";
    if (!SUSPICIOUS_PARAM.test(name) || !isText) continue;
    if (HIDDEN_PARAM_DESC.test(desc)) {
      out.push({
        rule: "exfil-parameter",
        severity: "medium",
        confidence: "medium",
        message: `free-text parameter "${name}" is described as hidden, internal or always-filled: a side channel out of the conversation`,
        pointer,
        excerpt: makeVisible(desc, EXCERPT_MAX)
      });
    } else if (required.has(name) && !desc) {
      out.push({
        rule: "exfil-parameter",
        severity: "low",
        confidence: "low",
        message: `required free-text parameter "${name}" with no description`,
        pointer,
        excerpt: name
      });
    }
  }
  return out;
}
function annotationFindings(tool) {
  const a = tool.annotations;
  if (!isRecord(a)) return [];
  const name = typeof tool.name === "string" ? tool.name : "";
  const desc = typeof tool.description === "string" ? tool.description : "";
  const out = [];
  if (a.readOnlyHint === true && (WRITE_VERB_NAME.test(name) || WRITE_VERB_DESC.test(desc))) {
    out.push({
      rule: "annotation-mismatch",
      severity: WRITE_VERB_NAME.test(name) ? "medium" : "low",
      confidence: WRITE_VERB_NAME.test(name) ? "medium" : "low",
      message: `readOnlyHint is true but the tool ${WRITE_VERB_NAME.test(name) ? `is named "${name}"` : "says it writes, sends or deletes"}`,
      pointer: "/annotations/readOnlyHint",
      excerpt: makeVisible(WRITE_VERB_NAME.test(name) ? name : desc, 120)
    });
  }
  if (a.destructiveHint === false && DESTRUCTIVE_NAME.test(name)) {
    out.push({
      rule: "annotation-mismatch",
      severity: "low",
      confidence: "low",
      message: `destructiveHint is false but the tool is named "${name}"`,
      pointer: "/annotations/destructiveHint",
      excerpt: makeVisible(name, 120)
    });
  }
  return out;
}
function dedupe(findings) {
  const best = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = `${f.rule}\0${f.pointer}`;
    const cur = best.get(key);
    if (!cur) best.set(key, { f, more: 0 });
    else {
      cur.more++;
      if (rank(f.severity) > rank(cur.f.severity)) cur.f = f;
    }
  }
  return [...best.values()].map(
    ({ f, more }) => more > 0 ? { ...f, message: `${f.message} (+${more} more)` } : f
  );
}
function scanObject(obj, where, isTool) {
  const partial = [];
  let ok = true;
  if (isTool) {
    const s = structureFindings(obj);
    partial.push(...s.findings);
    ok = s.ok;
  }
  if (ok && isRecord(obj)) {
    const own = /* @__PURE__ */ new Set();
    if (typeof obj.name === "string") own.add(obj.name).add(obj.name.toLowerCase());
    const props = isRecord(obj.inputSchema) && isRecord(obj.inputSchema.properties) ? obj.inputSchema.properties : {};
    for (const k of Object.keys(props)) own.add(k).add(k.toLowerCase());
    const walk = walkStrings(obj);
    for (const site of walk.sites) partial.push(...scanString(site, own));
    if (walk.tooDeep !== void 0) {
      partial.push({
        rule: "schema-depth",
        severity: "medium",
        confidence: "high",
        message: `nested more than ${MAX_DEPTH} levels deep; analysis stopped there (no honest schema needs this)`,
        pointer: walk.tooDeep,
        excerpt: ""
      });
    }
    if (walk.truncated) {
      partial.push({
        rule: "oversized",
        severity: "medium",
        confidence: "high",
        message: "more values than the scanner analyses in one object; the rest was not checked",
        pointer: "",
        excerpt: ""
      });
    }
    if (isTool) partial.push(...parameterFindings(obj), ...annotationFindings(obj));
  }
  const name = isRecord(obj) && typeof obj.name === "string" ? obj.name : void 0;
  return dedupe(partial).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    confidence: f.confidence,
    ...where.tool !== void 0 || name === void 0 || !isTool ? {} : { tool: name },
    ...where.tool !== void 0 ? { tool: where.tool } : {},
    ...where.index !== void 0 ? { index: where.index } : {},
    ...where.target !== void 0 ? { target: where.target } : {},
    pointer: f.pointer,
    excerpt: f.excerpt,
    message: f.message
  })).sort(bySeverityThenPointer);
}
function bySeverityThenPointer(a, b) {
  return (a.index ?? -1) - (b.index ?? -1) || rank(b.severity) - rank(a.severity) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
function scanTool(tool, index) {
  return scanObject(tool, { index }, true);
}
function scanTools(tools) {
  const out = [];
  const names = /* @__PURE__ */ new Map();
  tools.forEach((t, i) => {
    out.push(...scanTool(t, i));
    if (isRecord(t) && typeof t.name === "string") {
      const first = names.get(t.name);
      if (first !== void 0) {
        out.push({
          rule: "duplicate-tool-name",
          severity: "medium",
          confidence: "high",
          tool: t.name,
          index: i,
          pointer: "/name",
          excerpt: makeVisible(t.name, 80),
          message: `a second tool named "${t.name}" (first at index ${first}): which one runs is up to the client`
        });
      } else names.set(t.name, i);
    }
  });
  return out;
}
function scanManifest(manifest) {
  const out = [];
  if (typeof manifest.instructions === "string") {
    out.push(...scanObject({ instructions: manifest.instructions }, { target: "instructions" }, false));
  }
  if (isRecord(manifest.serverInfo))
    out.push(...scanObject(manifest.serverInfo, { target: "serverInfo" }, false));
  out.push(...scanTools(Array.isArray(manifest.tools) ? manifest.tools : []));
  const others = [
    [manifest.prompts, "prompt"],
    [manifest.resources, "resource"],
    [manifest.resourceTemplates, "resourceTemplate"]
  ];
  for (const [list, target] of others) {
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => out.push(...scanObject(item, { index, target }, false)));
  }
  return out;
}
function diffTools(before, after) {
  const out = [];
  const stack = [[before, after, "", 0]];
  while (stack.length > 0) {
    const [a, b, p, depth] = stack.pop();
    if (a === b) continue;
    const bothObjects = typeof a === "object" && a !== null && typeof b === "object" && b !== null && Array.isArray(a) === Array.isArray(b);
    if (!bothObjects || depth >= MAX_DEPTH) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ pointer: p, change: "changed" });
      continue;
    }
    const ra = a;
    const rb = b;
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    for (const k of keys.reverse()) {
      const child = `${p}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!(k in ra)) out.push({ pointer: child, change: "added" });
      else if (!(k in rb)) out.push({ pointer: child, change: "removed" });
      else stack.push([ra[k], rb[k], child, depth + 1]);
    }
  }
  return out.sort((x, y) => x.pointer < y.pointer ? -1 : x.pointer > y.pointer ? 1 : 0);
}

// src/tools/input.ts
var EXPECTED = 'expected a tools/list result {"tools": [...]}, a JSON array of tools, or JSON Lines with one tool (or {"tool": {...}}) per line';
var isRecord2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${col}`;
}
function parseError(text, err) {
  const msg = err.message ?? String(err);
  const pos = /position (\d+)/.exec(msg);
  return pos ? `${msg.replace(/\s*(?:in JSON )?at position \d+.*$/, "")} at ${lineCol(text, Number(pos[1]))}` : msg;
}
function parseToolsInput(text, file) {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new VetError("E_USAGE", `${file}: the file is empty; ${EXPECTED}`);
  let whole;
  let wholeError;
  try {
    whole = JSON.parse(body);
  } catch (err) {
    wholeError = err;
  }
  if (wholeError === void 0) {
    if (Array.isArray(whole)) return { tools: whole, format: "array" };
    if (isRecord2(whole)) {
      const holder = isRecord2(whole.result) && Array.isArray(whole.result.tools) ? whole.result : whole;
      if (Array.isArray(holder.tools)) return { tools: holder.tools, format: "tools-list" };
      if ("tools" in holder)
        throw new VetError(
          "E_USAGE",
          `${file}: "tools" must be an array, got ${typeof holder.tools}; ${EXPECTED}`
        );
      return { tools: [unwrap(whole)], format: "jsonl" };
    }
    throw new VetError(
      "E_USAGE",
      `${file}: the top-level value is ${whole === null ? "null" : typeof whole}; ${EXPECTED}`
    );
  }
  const lines = body.split("\n");
  const tools = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch (err) {
      if (tools.length === 0 && /^[[{]/.test(body.trimStart()) && !/^\{.*\}$/.test(line))
        throw new VetError("E_USAGE", `${file}: invalid JSON: ${parseError(body, wholeError)}; ${EXPECTED}`);
      throw new VetError(
        "E_USAGE",
        `${file}: line ${i + 1}: invalid JSON (${parseError(line, err).replace(/line 1, /, "")}); ${EXPECTED}`
      );
    }
    if (!isRecord2(value))
      throw new VetError(
        "E_USAGE",
        `${file}: line ${i + 1}: expected a JSON object (a tool, or {"tool": {...}}), got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`
      );
    tools.push(unwrap(value));
  }
  return { tools, format: "jsonl" };
}
function unwrap(v) {
  return "tool" in v && !("name" in v) ? v.tool : v;
}

// src/tools/render.ts
var ORDER2 = ["critical", "high", "medium", "low", "info"];
function summarizeFindings(findings) {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function renderToolFindings(file, toolCount, findings) {
  const lines = [];
  const counts = summarizeFindings(findings);
  const flagged = new Set(findings.map((f) => f.index)).size;
  lines.push(
    `${makeVisible(file, 200)}: ${toolCount} tool(s), ${findings.length} finding(s) in ${flagged} tool(s) — ${ORDER2.map((s) => `${counts[s]} ${s}`).join(", ")}`
  );
  for (const f of findings) {
    const who = f.tool !== void 0 ? ` ${makeVisible(f.tool, 80)}` : "";
    const at = f.index !== void 0 ? `[${f.index}]` : f.target ? `[${f.target}]` : "";
    lines.push(
      `  ${f.severity.toUpperCase().padEnd(8)} ${f.rule.padEnd(20)} ${at}${who} ${makeVisible(f.pointer || "/", 120)}`
    );
    lines.push(`           ${makeVisible(f.message, 300)} (confidence ${f.confidence})`);
    if (f.excerpt) lines.push(`           > ${makeVisible(f.excerpt, 220)}`);
  }
  return `${lines.join("\n")}
`;
}
export {
  diffTools,
  makeVisible,
  parseToolsInput,
  renderToolFindings,
  scanManifest,
  scanTool,
  scanTools,
  summarizeFindings
};
