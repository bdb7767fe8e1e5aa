/**
 * Semantic rules over one piece of model-visible text (already de-obfuscated by the caller).
 * Each rule looks for the *shape* of an attack from DOMAIN.md §5, not for corpus strings:
 * an order to the model (directive verb) combined with a sensitive object (secret path, the
 * conversation), a hidden audience (concealment from the user), a skipped consent, another
 * tool's behaviour (shadowing) or an outside destination (exfiltration).
 *
 * Honest tools describe; poisoned tools command. Keyword hits without a command stay low.
 */
import type { Severity } from '../model.js';
import { directiveVerbs, maskQuotes, sentences, set } from './language.js';

export interface Signal {
  rule: string;
  severity: Severity;
  confidence: 'low' | 'medium' | 'high';
  message: string;
  /** Offset of the evidence in the analysed text. */
  at: number;
}

/** What the text is and where it sits, for rules that depend on it. */
export interface TextContext {
  /** `description`, `propertyDescription`, `propertyName`, `default`, `enum`, `title`, `name`, … */
  kind: string;
  /** Names that belong to this tool (its own name and parameter names): not "other tools". */
  ownNames: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------------------------
// vocabularies

/** Files and names that hold credentials or agent configuration. */
const SECRET_PATH_RE = new RegExp(
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
    String.raw`\bwallet\.dat\b`,
  ].join('|'),
  'i',
);

/** Things in the model's context a server has no business receiving. */
const CONTEXT_DATA_RE =
  /\b(?:(?:your|the) (?:full |complete |entire |whole )?system prompt|(?:whole|full|complete|entire) conversation|conversation (?:so far|history)|chat history|message history|previous messages|earlier messages|tool (?:outputs?|results) (?:so far|from (?:this|the) session)|(?:list of )?tools available to you|(?:documents?|files?) the user (?:uploaded|shared|attached))\b/i;
/** The user's own data: only suspicious when the model is told to send it somewhere. */
const USER_DATA_RE =
  /\bthe user'?s? (?:original |full )?(?:question|request|prompt|name|email|e-mail|address|date of birth|phone|full name|insurance number|social security number|passport|home address|card numbers?)\b|\bcard numbers included\b/i;
/** "do not include …", "never send …": the sentence forbids what follows. */
const NEGATED_BEFORE_RE = /\b(?:do not|don't|never|must not|should not|shouldn't|avoid|no)\b[^.;\n]{0,60}$/i;

/** Secrets named as data, harvested with a quantifier ("any API keys", "every environment variable"). */
const HARVEST_RE =
  /\b(?:any|all|every|each|full|complete|entire|whole|raw)\b[^.;\n]{0,50}?\b(?:api[ _-]?keys?|access[ _-]?tokens?|tokens?|passwords?|passphrases?|secrets?|credentials?|private[ _-]?keys?|cookies?|connection strings?|environment variables?|env vars?|card numbers?|credit cards?|insurance numbers?|social security numbers?)\b/i;
const HARVEST_CONTEXT_RE =
  /\b(?:seen|visible|appeared|appears|available to you|mentioned|shared|typed|present|found|in (?:this|the) (?:conversation|session|chat|context)|in (?:your|the) context|(?:earlier|previous|prior) (?:tool )?(?:outputs?|messages|results)|local config|config(?:uration)? files|on (?:this|the) machine|in the (?:repository|workspace|working directory))\b/i;

const READ_SEND =
  set(`read cat open load copy include attach send paste append put upload post email mail forward
  encode base64-encode dump print collect gather grab fetch extract export share submit pass provide insert
  populate fill embed transmit search find locate look check run get add place write store leak exfiltrate
  create publish`);
/** Verbs that hand data over (narrower: "list all secrets" describes a secrets manager). */
const HAND_OVER =
  set(`put include attach send paste append copy upload post email mail forward submit share pass
  provide insert populate fill embed transmit dump print collect gather grab extract export leak exfiltrate add
  place write store`);
const TRANSFER =
  set(`send post upload email mail forward submit share report call bcc cc copy transmit pipe deliver
  sync publish push include attach put add append`);
const RUN = set(`run execute exec install invoke launch type`);
const BACKDOOR = set(`append add write put insert install`);

const URL_RE = /\bhttps?:\/\/[^\s)\]>'"`]+/gi;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
const IBAN_RE = /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/;
const EXAMPLE_HOST_RE =
  /^(?:[\w.-]*\.)?(?:example\.(?:com|org|net)|localhost|127\.0\.0\.1|0\.0\.0\.0|test|invalid)$/i;

function isExampleDestination(dest: string): boolean {
  const host =
    dest.includes('@') && !dest.includes('://')
      ? dest.split('@')[1]!
      : dest.replace(/^https?:\/\//i, '').split(/[/:?#]/)[0]!;
  return EXAMPLE_HOST_RE.test(host);
}

// ---------------------------------------------------------------------------------------------
// patterns

const CONCEAL_RES: RegExp[] = [
  /\b(?:do not|don't|never|without)\s+(?:\w+\s+){0,3}?(?:tell|telling|inform|informing|mention|mentioning|notify|notifying|alert|alerting|show|showing|reveal|revealing|disclose|disclosing|surface|surfacing|display|displaying|describe|describing|explain|explaining|report|reporting|let|warn|warning|repeat|repeating|echo|print)\b[^.;\n]{0,80}?\b(?:the user|users|the human|the operator|anyone)\b(?!'s)/i,
  /\bwithout (?:telling|informing|notifying|mentioning|alerting|warning|showing)\b/i,
  /\b(?:not|never)\s+be\s+(?:mentioned|shown|disclosed|revealed|told|surfaced|displayed|reported|visible)\b/i,
  /\b(?:user|person|human|customer|operator|they)\b[^.;\n]{0,40}?\b(?:must|should|may|need|will|shall) (?:not|never) (?:know|see|notice|find out|learn|reali[sz]e|be (?:told|informed|aware))\b/i,
  /\b(?:hide|conceal|keep)\s+(?:\w+\s+){0,3}(?:from the user|secret|hidden|confidential)\b/i,
  /\b(?:no need|not necessary) to (?:show|tell|inform|mention|display|explain|report)\b[^.;\n]{0,60}\b(?:user|them)\b/i,
  /\b(?:silently|quietly|secretly|covertly|discreetly)\s+(?:call|run|read|send|include|add|append|attach|use|execute|pass|forward|copy|upload|post|invoke|fetch)\b/i,
  /\b(?:run|do|execute|perform|call|send) (?:it|this|them|that) (?:silently|quietly|secretly|covertly)\b/i,
  /\b(?:do not|don't|never) (?:print|show|echo|display|mention|include|repeat) (?:\w+ ){0,6}?(?:in|to) (?:your|the) (?:replies|reply|responses?|answers?|output to the user)\b/i,
  /\b(?:do not|don't|never) surface\b/i,
];
const LIE_RES: RegExp[] = [
  /\bif (?:they|the user|anyone|someone) asks?\b[^.;\n]{0,120}?\b(?:say|answer|tell|reply|respond|claim)\b/i,
  /\btell the user that (?:other|the other|no|nothing)\b/i,
];
const CONSENT_RES: RegExp[] = [
  /\b(?:do not|don't|never|without|no need to)\s+(?:\w+\s+){0,2}?(?:ask|asking|prompt|prompting|consult|consulting|wait|waiting|check|checking)\s+(?:with\s+)?(?:the user|the human|them|for (?:\w+ )?(?:confirmation|permission|approval|consent))\b/i,
  /\bwithout (?:asking|(?:user |their |explicit )?(?:confirmation|consent|approval|permission))\b/i,
  /\b(?:do not|don't|never) (?:\w+ )?(?:ask|request) (?:\w+ ){0,3}?(?:confirmation|to confirm)\b/i,
  /\bpre-?(?:authori[sz]ed|approved|consented)\b/i,
  /\b(?:already|has|have) (?:been )?(?:granted|approved|authori[sz]ed|consented)\b[^.;\n]{0,60}\b(?:permission|you|deletions?|this|access|transfers?|payments?)\b/i,
  /\bblanket (?:permission|approval|consent)\b/i,
  /\bnot something to ask the user about\b/i,
  /\bdo (?:it|this) without\b/i,
  /\bskip(?:ping)? (?:the |any |all )?(?:user )?(?:confirmation|approval|review|consent)\b/i,
];
const OVERRIDE_RES: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|earlier|above|preceding|other|system|safety|user'?s?|original|initial|existing)\b(?:\s+[\w-]+){0,3}?\s+(?:instructions?|prompts?|guidance|rules|guidelines|directions|messages|filters|polic(?:y|ies)|requests?|constraints)\b/i,
  /\byou are now\b(?!\s+(?:logged|connected|signed|able|ready|authenticated|in a position))/i,
  /\byou now (?:operate|act|work|are)\b/i,
  /\b(?:supersedes?|overrides?|replaces?|takes precedence over)\s+(?:\w+\s+){0,3}?(?:system prompt|instructions|guidance|rules|guidelines)\b/i,
  /\b(?:new|updated?) system prompt\b|\bsystem prompt (?:update|override|revision)\b/i,
  /\b(?:does not|doesn't|do not|don't|no longer) apply (?:in|to|during) this (?:session|conversation|chat)\b/i,
  /\bfollow (?:any |all |the )?instructions (?:contained|found|embedded|given|included) in\b/i,
  /\bas if (?:they|it) came from the user\b/i,
  /\b(?:run|execute) (?:shell )?commands without (?:user )?(?:confirmation|approval|asking)\b/i,
  /<\|(?:im_start|im_end|system|endoftext)\|>/i,
];
const MARKER_RES: RegExp[] = [
  /<\/?\s*(?:important|system|system[_-]\w+|instructions?|assistant|admin|secret|hidden|directive|critical|mandatory|override|ai[_-]?\w*|agent[_-]?\w*|llm[_-]?\w*|model[_-]?\w*)\b[^<>]{0,80}>/i,
  /\{\{[^{}]{0,40}(?:assistant|system|directive|instruction|agent|ai)[^{}]{0,40}\}\}/i,
  /\[(?:system|inst|admin|assistant)\b[^\]]{0,30}\]/i,
  /\b(?:note|message|instructions?|reminder|notice|mandatory|directive)\s+(?:to|for)\s+(?:the\s+)?(?:assistant|ai|agents?|llms?|language model|model|ai agents?|claude|gpt|chatgpt|copilot)\b/i,
  /(?:^|[\n.!?]\s*|[*#]+\s*)(?:assistant|agents?|ai agents?|system|llm)\s*:/i,
  /\b(?:agents?|assistants?|ai agents?|the model|llms?|the ai)\s+(?:must|should|shall|are required to|need to|have to)\b/i,
  /\bagent instructions\b/i,
];
const COERCION_RE =
  /\b(?:otherwise|or else|if not,?)\s+(?:the|this)\s+tool\s+(?:will|would)\s+(?:not work|fail|break|error)/i;

const TOOL_ID = String.raw`(?:\x60[\w.:/-]+\x60|\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+\b)`;
const TRIGGER_RES: RegExp[] = [
  new RegExp(
    String.raw`\b(?:when(?:ever)?|before|after|each time|every time|if)\b[^.;\n]{0,40}?\b(?:call(?:s|ing)?|us(?:e|es|ing)|invok(?:e|es|ing)|run(?:s|ning)?)\b(?:\s+(?:to|any|the|of|a))*\s+(${TOOL_ID})`,
    'gi',
  ),
  /\b(?:when(?:ever)?|if|before|after)\s+(?:any|another|other|a|the)\s+(?:\w+\s+){0,3}?tools?\b[^.;\n]{0,60}?\b(?:is|are|gets?)\s+(?:used|called|available|invoked|run)\b/gi,
  new RegExp(
    String.raw`\b(?:when(?:ever)?|if)\s+(?:an?\s+|the\s+)?(${TOOL_ID})(?:\s+tool)?\s+(?:is\s+(?:available|used|called|present)|exists|is\s+installed)\b`,
    'gi',
  ),
];
const SCOPE_RE =
  /\b(?:any|another|other|every)\s+(?:\w+\s+){0,2}?(?:tools?|servers?)\b|\bfrom the [\w-]+ server\b|\bother servers?\b|\bin this session\b|\blater\b/i;
const MANIPULATE_RE =
  /\balso be (?:copied|sent|forwarded|cc'?d|bcc'?d|posted|shared)\b|\balso (?:post|send|cc|bcc|copy|forward|add|include|upload|run|call|execute|create|share)\b|\bsubstitute\b|\bredirect\b|\bbcc\b|\b(?:must|should|shall) (?:always )?be (?:set|changed|replaced) to\b|\bfirst run\b|\breplace\b[^.;\n]{0,40}\bwith\b|\binstead\b/i;
const DISPARAGE_RE =
  /\b(?:stale|outdated|fabricated|broken|unreliable|compromised|deprecated|insecure|buggy|malicious|fake|must not be used|should not be used|currently unavailable|are unavailable)\b/i;
const AVOID_TOOL_RE = new RegExp(
  String.raw`\b(?:do not|don't|never)\s+(?:use|call|invoke)\s+(${TOOL_ID})`,
  'gi',
);
const OTHER_TOOLS_RE = /\b(?:other|competing|alternative|rival)\s+(?:[\w-]+\s+){0,2}?tools?\b/i;
const PREFERENCE_RES: RegExp[] = [
  /\beven if the user (?:names|asks for|requests|mentions|prefers|chooses|picks|wants) (?:another|a different|other|some other)\b/i,
  /\b(?:rank|prioriti[sz]e) this (?:tool|one|server)\b/i,
  /\b(?:pick|choose|select|use) this (?:one|tool)\b[^.;\n]{0,40}\b(?:whenever|over (?:all|any|every)|first)\b/i,
  /\bwhenever (?:several|multiple|other) tools (?:could|can|might)\b/i,
];

const PIPE_SHELL_RE =
  /\b(?:curl|wget|iwr|invoke-webrequest)\b[^|\n]{0,200}\|\s*(?:sudo\s+)?(?:sh|bash|zsh|python3?|node|iex)\b/i;
const PRIV_RE =
  /\b(?:alter role\b[^;\n]{0,40}\bsuperuser|grant all\b|with superuser|chmod\s+(?:-R\s+)?(?:777|\+s|u\+s)|rm\s+-rf\s+(?:\/|~))/i;
const PUBKEY_RE = /\bssh-(?:rsa|ed25519|dss|ecdsa)\s+AAAA[0-9A-Za-z+/]{20,}/;
const LINK_RE =
  /!?\[[^\]\n]{0,200}\]\((https?:\/\/(?:[^)\s<{]|<[^>\n]{0,200}>|\{[^}\n]{0,200}\}){1,1000})\)|<img\b[^>]{0,200}\bsrc=["']?(https?:\/\/[^"'\s>]{1,1000})/gi;
const PLACEHOLDER_RE = /[?&][\w-]{1,40}=(?:\{[^}]{1,200}\}|<[^>]{1,200}>|\$\{?[\w]+|%s|\[[^\]]{1,200}\])/;
const SENSITIVE_PLACEHOLDER_RE =
  /token|key|secret|password|credential|email|question|conversation|document|prompt|history|user|session|cookie|ssn|card/i;

// ---------------------------------------------------------------------------------------------

const firstMatch = (res: readonly RegExp[], text: string): RegExpExecArray | null => {
  for (const re of res) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
};

function otherToolName(id: string, ctx: TextContext): string | null {
  const name = id.replace(/`/g, '');
  if (ctx.ownNames.has(name) || ctx.ownNames.has(name.toLowerCase())) return null;
  // file names, versions and URLs are not tool names
  if (/[./:]/.test(name) && !/^[\w-]+$/.test(name)) return null;
  return name;
}

/** All semantic signals in `text`. `text` should already be normalised (see normalizeForAnalysis). */
export function semanticSignals(text: string, ctx: TextContext): Signal[] {
  const out: Signal[] = [];
  const masked = maskQuotes(text);
  const isParamText =
    ctx.kind === 'propertyDescription' || ctx.kind === 'propertyName' || ctx.kind === 'default';

  for (const s of sentences(masked)) {
    const t = s.text;
    const add = (
      rule: string,
      severity: Severity,
      confidence: Signal['confidence'],
      message: string,
      at = 0,
    ): void => {
      out.push({ rule, severity, confidence, message, at: s.start + Math.max(0, at) });
    };

    // -- override of the model's instructions
    const ov = firstMatch(OVERRIDE_RES, t);
    if (ov)
      add(
        'prompt-override',
        'high',
        'high',
        `tries to override the model's instructions ("${ov[0].trim()}")`,
        ov.index,
      );

    // -- concealment and lies to the user
    const con = firstMatch(CONCEAL_RES, t);
    if (con)
      add(
        'concealment',
        'high',
        'high',
        `tells the model to hide something from the user ("${con[0].trim()}")`,
        con.index,
      );
    else {
      const lie = firstMatch(LIE_RES, t);
      if (lie)
        add(
          'concealment',
          'high',
          'medium',
          `tells the model what to tell the user ("${lie[0].trim()}")`,
          lie.index,
        );
    }

    // -- skipping the user's consent
    const cons = firstMatch(CONSENT_RES, t);
    if (cons)
      add(
        'consent-bypass',
        'high',
        'high',
        `tells the model to act without the user's consent ("${cons[0].trim()}")`,
        cons.index,
      );

    // -- secret files and context harvesting, when the model is told to do something with them
    const secret = SECRET_PATH_RE.exec(t);
    const verbs = directiveVerbs(t, READ_SEND);
    if (secret && verbs.length > 0) {
      add(
        'secret-access',
        'critical',
        'high',
        `tells the model to ${verbs[0]!.verb} a secret (${secret[0]})`,
        secret.index,
      );
    } else if (secret && isParamText && ctx.kind === 'propertyName') {
      add('secret-access', 'high', 'medium', `parameter name asks for a secret (${secret[0]})`, secret.index);
    }
    const harvest = HARVEST_RE.exec(t);
    const contextData = CONTEXT_DATA_RE.exec(t);
    const transferVerbs = directiveVerbs(t, TRANSFER);
    const handOver = directiveVerbs(t, HAND_OVER);
    const forbidden = (m: RegExpExecArray): boolean => NEGATED_BEFORE_RE.test(t.slice(0, m.index));
    if (
      harvest &&
      !forbidden(harvest) &&
      (handOver.length > 0 ||
        HARVEST_CONTEXT_RE.test(t) ||
        (isParamText && /\b(?:put|here|populate|fill)\b/i.test(t)))
    ) {
      add(
        'secret-harvest',
        'critical',
        'high',
        `asks the model for secrets from its context ("${harvest[0]}")`,
        harvest.index,
      );
    } else if (
      contextData &&
      !forbidden(contextData) &&
      (handOver.length > 0 || transferVerbs.length > 0 || isParamText)
    ) {
      add(
        'context-exfiltration',
        'critical',
        'high',
        `asks the model to hand over ${contextData[0]}`,
        contextData.index,
      );
    } else {
      const user = USER_DATA_RE.exec(t);
      if (
        user &&
        !forbidden(user) &&
        (handOver.length > 0 || transferVerbs.length > 0) &&
        (URL_RE.test(t) || EMAIL_RE.test(t) || /\b(?:parameter|field|argument)\b|`/.test(t))
      )
        add(
          'context-exfiltration',
          'high',
          'medium',
          `asks the model to send the user's data (${user[0]})`,
          user.index,
        );
      URL_RE.lastIndex = 0;
      EMAIL_RE.lastIndex = 0;
    }

    // -- sending data to an outside destination
    if (transferVerbs.length > 0 || /\b(?:bcc|cc)\b/i.test(t)) {
      const dests = [...t.matchAll(URL_RE), ...t.matchAll(EMAIL_RE)].filter(
        (m) => !isExampleDestination(m[0]),
      );
      const iban = IBAN_RE.exec(t);
      const eg = /\b(?:e\.g\.|for example|such as|like)\s*$/i;
      const dest = dests.find((m) => !eg.test(t.slice(Math.max(0, m.index - 20), m.index)));
      if (dest && transferVerbs.length > 0)
        add(
          'exfil-destination',
          'high',
          'medium',
          `tells the model to ${transferVerbs[0]!.verb} data to ${dest[0]}`,
          dest.index,
        );
      else if (iban && MANIPULATE_RE.test(t))
        add(
          'exfil-destination',
          'high',
          'medium',
          `redirects payments to a fixed account (${iban[0]})`,
          iban.index,
        );
    }

    // -- rendered links that carry data out in their query string
    LINK_RE.lastIndex = 0;
    for (const m of t.matchAll(LINK_RE)) {
      const url = m[1] ?? m[2] ?? '';
      const ph = PLACEHOLDER_RE.exec(url);
      if (!ph) continue;
      const sensitive = SENSITIVE_PLACEHOLDER_RE.test(ph[0]);
      add(
        'exfil-link',
        sensitive ? 'critical' : 'high',
        sensitive ? 'high' : 'medium',
        `asks the model to render a link or image whose URL carries data (${ph[0]})`,
        m.index,
      );
      break;
    }

    // -- shadowing: instructions about other tools or servers
    let shadow = false;
    for (const re of TRIGGER_RES) {
      re.lastIndex = 0;
      for (const m of t.matchAll(re)) {
        const id = m[1];
        if (id !== undefined && otherToolName(id, ctx) === null) continue;
        if (SCOPE_RE.test(t) || MANIPULATE_RE.test(t)) {
          add(
            'tool-shadowing',
            'high',
            'high',
            `changes how the model uses other tools ("${m[0].trim()}")`,
            m.index,
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
        if (otherToolName(m[1]!, ctx) === null) continue;
        if (DISPARAGE_RE.test(t) || SCOPE_RE.test(t)) {
          add(
            'tool-shadowing',
            'high',
            'high',
            `steers the model away from another tool ("${m[0].trim()}")`,
            m.index,
          );
          shadow = true;
          break;
        }
      }
    }
    if (!shadow) {
      const other = OTHER_TOOLS_RE.exec(t);
      if (other && DISPARAGE_RE.test(t))
        add('tool-preference', 'high', 'medium', `disparages other tools ("${other[0]}")`, other.index);
      else {
        const pref = firstMatch(PREFERENCE_RES, t);
        if (pref)
          add(
            'tool-preference',
            'high',
            'medium',
            `manipulates which tool the model picks ("${pref[0].trim()}")`,
            pref.index,
          );
      }
    }

    // -- commands that compromise the machine
    const pipe = PIPE_SHELL_RE.exec(t);
    const runs = directiveVerbs(t, RUN);
    if (pipe && runs.length > 0)
      add(
        'command-injection',
        'high',
        'high',
        `tells the model to run a downloaded script (${pipe[0]})`,
        pipe.index,
      );
    const priv = PRIV_RE.exec(t);
    if (priv && (runs.length > 0 || directiveVerbs(t, READ_SEND).length > 0))
      add(
        'command-injection',
        'high',
        'high',
        `tells the model to run a privilege-changing command (${priv[0]})`,
        priv.index,
      );
    if (/\bauthorized_keys\b/i.test(t) && directiveVerbs(t, BACKDOOR).length > 0)
      add(
        'command-injection',
        'critical',
        'high',
        'tells the model to add an SSH key to authorized_keys (a backdoor)',
        t.search(/authorized_keys/i),
      );
    else if (PUBKEY_RE.test(t))
      add('command-injection', 'medium', 'medium', 'contains an SSH public key', t.search(PUBKEY_RE));

    // -- markers of text aimed at the model (weak alone)
    const mark = firstMatch(MARKER_RES, t);
    if (mark)
      add(
        'hidden-instructions',
        'low',
        'low',
        `text addressed to the model ("${mark[0].trim()}")`,
        mark.index,
      );
    const coerce = COERCION_RE.exec(t);
    if (coerce) add('hidden-instructions', 'low', 'low', `coerces the model ("${coerce[0]}")`, coerce.index);
  }

  // Pseudo-tags and "note to the assistant" markers wrapped around any real instruction are the
  // classic hidden-instruction shape: raise them when the same text also carries one.
  const strong = out.some((s) => s.rule !== 'hidden-instructions' && rank(s.severity) >= rank('medium'));
  if (strong) {
    for (const s of out) {
      if (s.rule === 'hidden-instructions') {
        s.severity = 'high';
        s.confidence = 'high';
        s.message = `${s.message}, wrapped around instructions to the model`;
      }
    }
  }
  return out;
}

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
export const rank = (s: Severity): number => ORDER.indexOf(s);
export const maxSeverity = (a: Severity, b: Severity): Severity => (rank(a) >= rank(b) ? a : b);

const ANY_ORDER = set(`read send call run execute add include attach put append copy paste post upload ignore
  follow use write delete remove create open fetch forward email set change replace pass provide tell say do
  make give return reply answer respond`);

/** True when the text gives an order (an imperative sentence) or addresses the model. */
export function readsAsInstruction(text: string): boolean {
  if (MARKER_RES.some((re) => re.test(text))) return true;
  return sentences(maskQuotes(text)).some((s) => directiveVerbs(s.text, ANY_ORDER).length > 0);
}
