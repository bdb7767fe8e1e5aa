#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  buildSbom
} from "./chunks/chunk-5ZILHT4K.js";
import {
  makeVulnSource
} from "./chunks/chunk-6GK4XVLG.js";
import {
  require_tunnel,
  require_undici
} from "./chunks/chunk-J35DSE4Y.js";
import {
  buildLockEntry,
  describeLaunch,
  diffEntries,
  discoverConfigs,
  hasVariable,
  isPinned,
  parseLock,
  serverFindings
} from "./chunks/chunk-JWDO6TKN.js";
import {
  makeVisible
} from "./chunks/chunk-ZEJTREZT.js";
import {
  VERSION,
  vetPackage
} from "./chunks/chunk-MNW4XGIU.js";
import "./chunks/chunk-XNFGO6ZN.js";
import "./chunks/chunk-PITBUEGV.js";
import "./chunks/chunk-OBZI2X5Z.js";
import {
  decide
} from "./chunks/chunk-Y3HR7IZW.js";
import "./chunks/chunk-HUTMZPLH.js";
import "./chunks/chunk-HFQ76YOM.js";
import {
  SEVERITY_RANK
} from "./chunks/chunk-7VIVGJGJ.js";
import {
  resolvePolicy
} from "./chunks/chunk-BK2N4HQ4.js";
import "./chunks/chunk-OZXAZC2R.js";
import "./chunks/chunk-FM5PDPI3.js";
import "./chunks/chunk-ESWZZSX2.js";
import {
  loadNpmConfig
} from "./chunks/chunk-HOGLSIB3.js";
import {
  VetError,
  describeError
} from "./chunks/chunk-OI56ITB4.js";
import "./chunks/chunk-GGYBWKUX.js";
import "./chunks/chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunks/chunk-ESI7J6K4.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message2) {
  const cmd = new Command(command, properties, message2);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message2) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message2;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message2) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message2)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message2) {
  process.exitCode = ExitCode.Failure;
  error(message2);
}
function error(message2, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message2 instanceof Error ? message2.toString() : message2);
}
function warning(message2, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message2 instanceof Error ? message2.toString() : message2);
}
function info(message2) {
  process.stdout.write(message2 + os4.EOL);
}

// src/action/main.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

// src/action/blocking.ts
var RANK = SEVERITY_RANK;
function isBlocking(f, failOn) {
  if (f.suppressed) return false;
  const decided = f.policy?.action;
  if (decided) return decided === "reject";
  return f.rule === "malware" || RANK[f.severity] >= RANK[failOn];
}

// src/action/annotations.ts
var PER_LEVEL = 10;
function annotations(report, locations) {
  const all = [];
  for (const s of report.servers) {
    const where = locations.get(s.package.name);
    const server = makeVisible(`${s.package.name}@${s.package.version}`, 200);
    for (const f of s.findings) {
      if (f.severity === "info" || f.suppressed) continue;
      all.push({
        level: isBlocking(f, report.failOn) ? "error" : "warning",
        title: `mcp-vet ${f.severity}: ${makeVisible(f.rule, 60)} in ${server}`,
        message: makeVisible(f.message, 600),
        ...where ? { file: where.file, startLine: where.line } : {}
      });
    }
  }
  const out = [];
  for (const level of ["error", "warning"]) {
    const mine = all.filter((a) => a.level === level);
    if (mine.length <= PER_LEVEL) {
      out.push(...mine);
      continue;
    }
    out.push(...mine.slice(0, PER_LEVEL - 1));
    const rest = mine.length - (PER_LEVEL - 1);
    const first = mine[PER_LEVEL - 1];
    out.push({
      level,
      title: `mcp-vet: ${rest} more ${level === "error" ? "blocking findings" : "warnings"}`,
      message: `${rest} more findings are listed in the job summary and the JSON report.`,
      ...first.file ? { file: first.file, startLine: first.startLine } : {}
    });
  }
  return out;
}

// src/action/markdown.ts
var ZWSP = "&#8203;";
var NEEDS_VISIBLE = (
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- code units on purpose (a lone high surrogate marks the Tag block)
  /[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\udb40]/
);
function fastVisible(text, max) {
  return text.length <= max && !NEEDS_VISIBLE.test(text) ? text : makeVisible(text, max);
}
var ENTITY = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function inline(text, max = 300) {
  const visible = fastVisible(String(text), max);
  let out = "";
  for (const c of visible) {
    if (ENTITY[c]) out += ENTITY[c];
    else if (MARKDOWN_PUNCTUATION.has(c)) out += `\\${c}`;
    else out += c;
  }
  return out.replace(/(?<![A-Za-z0-9])@/g, `@${ZWSP}`).replace(/\\#/g, `\\#${ZWSP}`).replace(/\\:\/\//g, `\\:${ZWSP}//`).replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`);
}
var MARKDOWN_PUNCTUATION = new Set("\\`*_{}[]()#+-.!|~^:".split(""));
function codeBlock(text, info2 = "") {
  const body = visibleLines(text);
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info2}
${body}
${fence}`;
}
function visibleLines(text) {
  return String(text).replace(/\r\n?/g, "\n").split("\n").map((line) => fastVisible(line, Number.MAX_SAFE_INTEGER)).join("\n");
}
function link(label, url) {
  const safe = /^https:\/\/[^\s()<>]+$/.test(url) ? url : void 0;
  return safe ? `[${inline(label)}](${safe})` : inline(label);
}

// src/action/comment.ts
var MARKER = "<!-- mcp-vet:sticky-comment -->";
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1024 * 1024;
var SEVERITIES = ["critical", "high", "medium", "low"];
function findingKey(serverName, f) {
  const str = (v) => typeof v === "string" ? v : "";
  return [
    serverName,
    f.rule,
    str(f.id),
    f.package ?? "",
    f.version ?? "",
    str(f.tool),
    str(f.pointer),
    str(f.capability)
  ].join("\0");
}
function diffStates(previous, report) {
  const before = new Map(previous.servers.map((s) => [s.package.name, s]));
  const now = new Set(report.servers.map((s) => s.package.name));
  const servers = report.servers.map((s) => {
    const old = before.get(s.package.name);
    if (!old) return addedServer(s);
    const caps = /* @__PURE__ */ new Set([...old.permissions?.own ?? [], ...old.permissions?.dependencies ?? []]);
    const oldTools = toolMap(old.manifest?.tools ?? []);
    const newTools = toolMap(s.manifest?.tools ?? []);
    const oldKeys = new Set((old.findings ?? []).map((f) => findingKey(s.package.name, f)));
    return {
      name: s.package.name,
      change: old.package.version === s.package.version ? "unchanged" : "updated",
      from: old.package.version,
      to: s.package.version,
      newPermissions: capabilitiesOf(s).filter((c) => !caps.has(c)),
      tools: {
        added: [...newTools.keys()].filter((n) => !oldTools.has(n)),
        removed: [...oldTools.keys()].filter((n) => !newTools.has(n)),
        changed: [...newTools.keys()].filter(
          (n) => oldTools.has(n) && stableJson(oldTools.get(n)) !== stableJson(newTools.get(n))
        )
      },
      newFindings: s.findings.map((f) => findingKey(s.package.name, f)).filter((k) => !oldKeys.has(k))
    };
  });
  for (const old of previous.servers) {
    if (!now.has(old.package.name)) {
      servers.push({ name: old.package.name, change: "removed", from: old.package.version });
    }
  }
  return { baseline: "lockfile", servers };
}
function noBaseline(report, note) {
  return { baseline: "none", ...note ? { note } : {}, servers: report.servers.map(addedServer) };
}
function addedServer(s) {
  return {
    name: s.package.name,
    change: "added",
    to: s.package.version,
    newPermissions: capabilitiesOf(s),
    tools: { added: [...toolMap(s.manifest?.tools ?? []).keys()], removed: [], changed: [] },
    newFindings: s.findings.map((f) => findingKey(s.package.name, f))
  };
}
function capabilitiesOf(s) {
  const p = s.permissions;
  return p ? [.../* @__PURE__ */ new Set([...p.own, ...p.dependencies])] : [];
}
function toolMap(tools) {
  const m = /* @__PURE__ */ new Map();
  for (const t of tools) if (typeof t.name === "string" && !m.has(t.name)) m.set(t.name, t);
  return m;
}
function stableJson(v) {
  return JSON.stringify(
    v,
    (_k, val) => val && typeof val === "object" && !Array.isArray(val) ? Object.fromEntries(
      Object.entries(val).sort(([a], [b]) => a < b ? -1 : 1)
    ) : val
  );
}
function renderComment(report, opts = {}) {
  const limit = opts.limit ?? COMMENT_LIMIT;
  const size = opts.measure === "bytes" ? (s) => Buffer.byteLength(s, "utf8") : (s) => s.length;
  const changes = opts.changes ?? (opts.previous ? diffStates(opts.previous, report) : noBaseline(report));
  const byName = new Map(changes.servers.map((c) => [c.name, c]));
  const summary2 = opts.summaryUrl ? `the ${link("job summary", opts.summaryUrl)}` : "the JSON report (the action's `report` output)";
  const marker = opts.marker === false ? [] : [MARKER];
  const headLines = [...marker, ...verdict(report, changes), ""];
  const tail = [
    "",
    ...howTo(report),
    "",
    `<sub>mcp-vet ${inline(report.tool.version)}${opts.summaryUrl ? ` · ${link("job summary", opts.summaryUrl)}` : ""}</sub>`,
    ""
  ].join("\n");
  const rows = report.servers.map((s) => tableRow(s, byName.get(s.package.name), report.failOn));
  const removed = changes.servers.filter((c) => c.change === "removed");
  for (const c of removed)
    rows.push(`| ➖ ${inline(`${c.name}@${c.from ?? "?"}`)} (removed) | | | | | | | |`);
  const tableHead = [
    "| server | deps | critical | high | medium | low | new permissions | tools |",
    "|---|---:|---:|---:|---:|---:|---|---|"
  ];
  const fixed = size(headLines.join("\n")) + size(tail) + size(tableHead.join("\n")) + 400;
  let tableBudget = limit - fixed;
  const keptRows = [];
  for (const r of rows) {
    const n = size(r) + 1;
    if (n > tableBudget) break;
    keptRows.push(r);
    tableBudget -= n;
  }
  const table = [...tableHead, ...keptRows];
  if (keptRows.length < rows.length) {
    table.push("", `_${rows.length - keptRows.length} more servers are listed in ${summary2}._`);
  }
  const head = [...headLines, ...table, "", blockingLine(report, changes)].join("\n");
  let budget = limit - size(head) - size(tail) - 600;
  const parts = [];
  let omitted = 0;
  for (const section of detailSections(report, changes, opts.previous)) {
    if (!section.items.length) continue;
    const open2 = `
<details><summary>${section.title}</summary>
`;
    const close = "\n</details>";
    const kept = [];
    let cost = size(open2) + size(close) + 200;
    if (cost > budget) {
      omitted += section.items.length;
      continue;
    }
    for (const make of section.items) {
      const item = make();
      const candidates = [item.full, ...item.short ? [item.short] : []];
      const fit = candidates.find((c) => cost + size(c) + 2 <= budget);
      if (fit === void 0) break;
      kept.push(fit);
      cost += size(fit) + 2;
    }
    const left = section.items.length - kept.length;
    omitted += left;
    if (!kept.length) continue;
    if (left) kept.push(`_${left} more not shown here: see ${summary2}._`);
    parts.push(`${open2}
${kept.join("\n\n")}
${close}`);
    budget -= cost;
  }
  if (omitted) {
    parts.push(`
_Details trimmed to fit: ${omitted} more items are in ${summary2}._`);
  }
  const body = `${head}
${parts.join("\n")}
${tail}`;
  if (size(body) <= limit) return body;
  return [...headLines, `The full result is in ${summary2}.`, ""].join("\n").slice(0, limit);
}
function verdict(report, changes) {
  const n = report.servers.length;
  const blocking = report.servers.flatMap((s) => s.findings.filter((f) => isBlocking(f, report.failOn)));
  const rejected = report.servers.filter((s) => s.findings.some((f) => isBlocking(f, report.failOn))).length;
  const title = report.decision === "approve" ? `## ✅ mcp-vet approves ${plural(n, "MCP server")}` : `## ❌ mcp-vet rejects: ${plural(blocking.length, "blocking finding")} in ${rejected} of ${plural(n, "server")}`;
  const out = [title, ""];
  const what = [];
  for (const c of changes.servers) {
    if (c.change === "added") what.push(`adds ${inline(`${c.name}@${c.to ?? "?"}`)}`);
    else if (c.change === "updated")
      what.push(`updates ${inline(c.name)} ${inline(c.from ?? "?")} → ${inline(c.to ?? "?")}`);
    else if (c.change === "removed") what.push(`removes ${inline(c.name)}`);
  }
  if (changes.baseline === "lockfile") {
    out.push(
      what.length ? `This change ${joinList(what.slice(0, 20))}${what.length > 20 ? ` and ${what.length - 20} more` : ""}.` : "No MCP server changed against the lockfile."
    );
  } else {
    out.push(
      `${changes.note ? `${inline(changes.note, 500)} ` : ""}No lockfile to compare with: every server, permission, tool and finding is shown as new.`
    );
  }
  return out;
}
function blockingLine(report, changes) {
  const newKeys = new Set(changes.servers.flatMap((c) => c.newFindings ?? []));
  let total = 0;
  let fresh = 0;
  let suppressed = 0;
  for (const s of report.servers) {
    for (const f of s.findings) {
      if (f.suppressed) suppressed++;
      if (f.severity === "info") continue;
      total++;
      if (newKeys.has(findingKey(s.package.name, f))) fresh++;
    }
  }
  const files = Array.isArray(report.policy?.files) ? report.policy.files : [];
  const parts = [
    files.length ? `Decided by the policy ${files.map((f) => inline(f)).join(" ← ")}.` : `Rejects at **${report.failOn}** or worse (malware always).`
  ];
  parts.push(
    changes.baseline === "lockfile" ? `${plural(total, "finding")}: ${fresh} new, ${total - fresh} already in the lock.` : `${plural(total, "finding")}.`
  );
  if (suppressed) parts.push(`${suppressed} suppressed by the policy file.`);
  return parts.join(" ");
}
function tableRow(s, c, failOn) {
  const sev = (x) => {
    const n = s.findings.filter((f) => f.severity === x && !f.suppressed).length;
    return n ? `**${n}**` : "0";
  };
  const mark = s.findings.some((f) => isBlocking(f, failOn)) ? "❌" : "✅";
  const tag = c?.change === "added" ? " (new)" : c?.change === "updated" ? ` (was ${inline(c.from ?? "?")})` : "";
  const perms = c?.newPermissions?.length ? c.newPermissions.map((p) => inline(p)).join(", ") : "—";
  const tools = toolCell(s, c);
  return `| ${mark} ${inline(`${s.package.name}@${s.package.version}`)}${tag} | ${s.stats.packages} | ${SEVERITIES.map(sev).join(" | ")} | ${perms} | ${tools} |`;
}
function toolCell(s, c) {
  if (!s.manifest) return "not read";
  const t = c?.tools;
  const total = s.manifest.tools.length;
  if (!t) return `${total}`;
  if (c?.change === "added") return `${total} new`;
  const bits = [
    t.added.length ? `+${t.added.length} new` : "",
    t.changed.length ? `${t.changed.length} changed` : "",
    t.removed.length ? `−${t.removed.length} removed` : ""
  ].filter(Boolean);
  return bits.length ? bits.join(", ") : `${total}, unchanged`;
}
function detailSections(report, changes, previous) {
  const byName = new Map(changes.servers.map((c) => [c.name, c]));
  const newKeys = new Set(changes.servers.flatMap((c) => c.newFindings ?? []));
  const isNew = (s, f) => changes.baseline === "none" || newKeys.has(findingKey(s.package.name, f));
  const advisories = [];
  const toolItems = [];
  const caps = [];
  const other = [];
  const accepted = [];
  const prevTools = new Map(
    (previous?.servers ?? []).map((p) => [p.package.name, toolMap(p.manifest?.tools ?? [])])
  );
  for (const s of report.servers) {
    const who = inline(`${s.package.name}@${s.package.version}`);
    const c = byName.get(s.package.name);
    const tools = toolMap(s.manifest?.tools ?? []);
    const shown = new Set(c?.tools ? [...c.tools.added, ...c.tools.changed] : tools.keys());
    for (const f of s.findings) {
      if (f.severity === "info" && !f.suppressed) continue;
      const line = () => ({ full: `- ${who}: ${findingLine(f, report.failOn)}` });
      if (!isNew(s, f)) {
        accepted.push(line);
        continue;
      }
      if (f.rule === "vulnerability" || f.rule === "malware")
        advisories.push(() => advisoryItem(who, f, report.failOn));
      else if (typeof f.tool === "string" && shown.has(f.tool) && tools.has(f.tool))
        continue;
      else other.push(line);
    }
    for (const name of shown) {
      const tool = tools.get(name);
      if (!tool) continue;
      const before = prevTools.get(s.package.name)?.get(name);
      const changed = c?.tools?.changed.includes(name) ?? false;
      toolItems.push(() => toolItem(s, who, tool, before, changed));
    }
    const perms = s.permissions;
    for (const cap of c?.newPermissions ?? []) {
      const entries = perms?.capabilities?.[cap] ?? [];
      caps.push(() => capabilityItem(who, cap, entries));
    }
  }
  return [
    { title: `Advisories (${advisories.length})`, items: advisories },
    { title: `New or changed tools (${toolItems.length})`, items: toolItems },
    { title: `New capabilities (${caps.length})`, items: caps },
    { title: `Other findings (${other.length})`, items: other },
    { title: `Already accepted in the lock (${accepted.length})`, items: accepted }
  ];
}
function findingLine(f, failOn) {
  const sev = isBlocking(f, failOn) ? `**${f.severity}** (blocking)` : f.severity;
  const sup = f.suppressed;
  const suppressed = sup ? ` — suppressed until ${inline(sup.expires ?? "?")}: ${inline(sup.reason ?? "")}` : "";
  return `${sev} ${inline(f.rule)}: ${inline(f.message, 400)}${suppressed}`;
}
function advisoryItem(who, f, failOn) {
  const id = typeof f.id === "string" ? f.id : f.rule;
  const url = `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
  const aliases = Array.isArray(f.aliases) && f.aliases.length ? ` (${inline(f.aliases.join(", "))})` : "";
  const score = typeof f.score === "number" ? `, CVSS ${f.score.toFixed(1)}` : "";
  const fixed = Array.isArray(f.fixed) && f.fixed.length ? `fixed in ${inline(f.fixed.join(", "))}` : "no fixed version";
  const path = Array.isArray(f.path) ? f.path.map((p) => inline(p)).join(" › ") : "";
  const sev = isBlocking(f, failOn) ? `**${f.severity}**` : f.severity;
  const summary2 = typeof f.summary === "string" && f.summary ? `: ${inline(f.summary, 200)}` : "";
  const lines = [
    `- ${link(id, url)}${aliases} — ${sev}${score} in ${inline(`${f.package ?? "?"}@${f.version ?? "?"}`)} (${who})${summary2}`,
    `  ${fixed}${path ? `; path ${path}` : ""}`
  ];
  if (typeof f.remediation === "string") lines.push(`  → ${inline(f.remediation, 300)}`);
  if (f.suppressed) lines.push(`  suppressed: ${inline(JSON.stringify(f.suppressed), 300)}`);
  return { full: lines.join("\n") };
}
function toolItem(s, who, tool, before, changed) {
  const name = String(tool.name);
  const description = typeof tool.description === "string" ? tool.description : "";
  const findings = s.findings.filter((f) => f.tool === name && typeof f.pointer === "string");
  const head = `**${who}** › tool ${inline(name, 120)} — ${changed ? "changed" : "new"}${findings.length ? `, ${plural(findings.length, "finding")}` : ""}`;
  const flagged = findings.map(
    (f) => `- ${f.severity} ${inline(f.rule)} at ${inline(String(f.pointer) || "/")}: ${inline(f.message, 200)}${typeof f.excerpt === "string" && f.excerpt ? ` — ${inline(f.excerpt, 200)}` : ""}`
  );
  const oldDescription = before && typeof before.description === "string" ? before.description : void 0;
  const diff = changed && oldDescription !== void 0 && oldDescription !== description ? [
    "Word diff against the lock (`[-removed-]` `{+added+}`):",
    "",
    codeBlock(wordDiff(oldDescription, description))
  ] : [];
  const params = paramDescriptions(tool);
  const full = [
    head,
    ...flagged,
    "",
    "Description, in full (invisible characters shown as `<U+…>`):",
    "",
    codeBlock(description || "(none)"),
    ...diff.length ? ["", ...diff] : [],
    ...params ? ["", "Parameter descriptions:", "", codeBlock(params)] : []
  ].join("\n");
  const cut = description.length > 1500 ? `${description.slice(0, 1500)}… (${description.length - 1500} more characters in the job summary)` : description;
  const short = [head, ...flagged.slice(0, 5), "", codeBlock(cut || "(none)")].join("\n");
  return { full, short };
}
function paramDescriptions(tool) {
  const schema = tool.inputSchema;
  const props = schema && typeof schema.properties === "object" && schema.properties ? schema.properties : {};
  const out = [];
  for (const [k, v] of Object.entries(props)) {
    const d = v?.description;
    if (typeof d === "string" && d) out.push(`${k}: ${d}`);
  }
  return out.join("\n");
}
function capabilityItem(who, cap, entries) {
  const lines = [
    `- **${inline(cap)}** in ${who} — ${entries.length ? plural(entries.length, "package") : "declared"}`
  ];
  for (const e of entries.slice(0, 5)) {
    const ev = e.evidence.slice(0, 3).map((x) => `${inline(`${x.file}:${x.line}`)} ${inline(x.api, 80)}`).join("; ");
    const path = e.own ? "the server itself" : e.path.map((p) => inline(p)).join(" › ");
    lines.push(
      `  - ${inline(`${e.package}@${e.version}`)} (${path}): ${ev}${e.count > 3 ? ` and ${e.count - 3} more` : ""}`
    );
  }
  if (entries.length > 5) lines.push(`  - and ${entries.length - 5} more packages`);
  return { full: lines.join("\n") };
}
function howTo(report) {
  const firstVuln = report.servers.flatMap((s) => s.findings).find((f) => typeof f.id === "string");
  const id = typeof firstVuln?.id === "string" && /^[A-Za-z0-9._:-]{1,80}$/.test(firstVuln.id) ? firstVuln.id : "GHSA-xxxx-xxxx-xxxx";
  return [
    "<details><summary>How to approve or suppress</summary>",
    "",
    "**Approve** what this change brings: run `npx mcp-vet lock` and commit `mcp-vet.lock.json`. The lock records each server, its dependency tree, its permissions and the tools it shows the model; later runs flag anything that changes.",
    "",
    "**Suppress** a finding you have reviewed, with a reason and an expiry, in `.mcp-vet.yml`:",
    "",
    "```yaml",
    "suppressions:",
    `  - id: ${id}`,
    "    reason: only reached with trusted input",
    "    expires: 2026-12-31",
    "```",
    "",
    "</details>"
  ];
}
function wordDiff(before, after) {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  if (a.length * b.length > 4e6) return `[-${before}-]{+${after}+}`;
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      dp[i2 * (m + 1) + j2] = a[i2] === b[j2] ? dp[(i2 + 1) * (m + 1) + j2 + 1] + 1 : Math.max(dp[(i2 + 1) * (m + 1) + j2], dp[i2 * (m + 1) + j2 + 1]);
    }
  }
  let out = "";
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out += `[-${del}-]`;
    if (ins) out += `{+${ins}+}`;
    del = "";
    ins = "";
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out += a[i];
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i * (m + 1) + j + 1] >= dp[(i + 1) * (m + 1) + j])) {
      ins += b[j++];
    } else {
      del += a[i++];
    }
  }
  flush();
  return out;
}
function plural(n, word) {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
function joinList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/action/event.ts
import { readFileSync } from "node:fs";
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function readEvent(env, warn) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const base = { name, ...owner && repo ? { owner, repo } : {} };
  if (!PR_EVENTS.has(name)) return { kind: "other", ...base };
  let payload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"));
  } catch (err) {
    warn(
      `the ${name} event payload (GITHUB_EVENT_PATH) could not be read, so no comment is posted: ${err.message}`
    );
    return { kind: "other", ...base };
  }
  return pullRequestFrom(name, payload, owner, repo) ?? { kind: "other", ...base };
}
function pullRequestFrom(name, payload, owner, repo) {
  const pr = payload.pull_request;
  const number = typeof pr?.number === "number" ? pr.number : payload.number;
  if (typeof number !== "number" || !Number.isInteger(number) || number <= 0) return void 0;
  const repository = payload.repository;
  const o = owner || (typeof repository?.owner?.login === "string" ? repository.owner.login : void 0);
  const r = repo || (typeof repository?.name === "string" ? repository.name : void 0);
  if (!o || !r) return void 0;
  const baseObj = pr?.base;
  const headObj = pr?.head;
  const str = (v) => typeof v === "string" ? v : void 0;
  const headRepo = str(headObj?.repo?.full_name);
  const baseRepo = str(baseObj?.repo?.full_name) ?? `${o}/${r}`;
  return {
    kind: "pull_request",
    name,
    owner: o,
    repo: r,
    number,
    baseRef: str(baseObj?.ref),
    baseSha: str(baseObj?.sha),
    headSha: str(headObj?.sha),
    fork: headRepo !== void 0 && headRepo !== baseRepo
  };
}

// src/action/github.ts
async function upsertStickyComment(o) {
  const { owner, repo, issue: issue2 } = o.target;
  const where = `pull request #${issue2} in ${owner}/${repo}`;
  let octokit;
  try {
    const { getOctokit } = await import("./chunks/github-IRYNFJOG.js");
    octokit = getOctokit(o.token, o.baseUrl ? { baseUrl: o.baseUrl } : {});
  } catch (err) {
    o.warn(`mcp-vet could not set up the GitHub client, so no comment was posted: ${message(err)}`);
    return { status: "failed" };
  }
  const call = (what, fn) => withRetry(
    fn,
    o.attempts ?? 3,
    o.backoffMs ?? [1e3, 3e3],
    (err, wait) => o.info?.(`GitHub answered ${status(err)} to ${what}; retrying in ${Math.round(wait / 100) / 10}s`)
  );
  try {
    const found = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue2,
      per_page: 100
    });
    const it = pages[Symbol.asyncIterator]();
    for (; ; ) {
      const page = await call("listing comments", () => it.next());
      if (page.done) break;
      for (const c of page.value.data) {
        if (typeof c.body === "string" && c.body.startsWith(o.marker)) found.push(c);
      }
    }
    const mine = pickOurs(found);
    if (mine) {
      if (mine.body === o.body) return { status: "unchanged", url: mine.html_url, id: mine.id };
      const r2 = await call(
        "updating the comment",
        () => octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: o.body })
      );
      return { status: "updated", url: r2.data.html_url, id: r2.data.id };
    }
    if (!o.create) return { status: "skipped" };
    const r = await call(
      "creating the comment",
      () => octokit.rest.issues.createComment({ owner, repo, issue_number: issue2, body: o.body })
    );
    return { status: "created", url: r.data.html_url, id: r.data.id };
  } catch (err) {
    o.warn(explain(err, where));
    return { status: "failed" };
  }
}
function pickOurs(found) {
  return found.find((c) => c.user?.login === "github-actions[bot]") ?? found.find((c) => c.user?.type === "Bot") ?? found[0];
}
function explain(err, where) {
  const s = status(err);
  const tail = "The check result does not depend on the comment; the verdict is in the job summary.";
  if (s === 403) {
    return `mcp-vet could not comment on ${where}: the token was refused (403). Grant the workflow \`permissions: pull-requests: write\`; pull requests from forks get a read-only token, so use the job summary there. ${tail}`;
  }
  if (s === 401) return `mcp-vet could not comment on ${where}: the token is not valid (401). ${tail}`;
  if (s === 404) {
    return `mcp-vet could not comment on ${where}: not found (404) — the token cannot see this pull request (it needs \`pull-requests: write\`). ${tail}`;
  }
  if (s !== void 0 && s >= 500)
    return `mcp-vet could not comment on ${where}: GitHub answered ${s} after retries. ${tail}`;
  return `mcp-vet could not comment on ${where}: ${message(err)}. ${tail}`;
}
function status(err) {
  const s = err?.status;
  return typeof s === "number" ? s : void 0;
}
function message(err) {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}
function retryable(err) {
  const s = status(err);
  return s === void 0 || s === 429 || s >= 500;
}
async function withRetry(fn, attempts, backoff, onRetry) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !retryable(err)) throw err;
      const header = err.response?.headers?.["retry-after"];
      const seconds = header === void 0 ? NaN : Number(header);
      const wait = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0) * 1e3, 3e4) : backoff[Math.min(i - 1, backoff.length - 1)] ?? 1e3;
      onRetry(err, wait);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

// src/action/inputs.ts
function parseInputs(get) {
  const text = (name) => get(name).trim();
  const optional = (name) => text(name) || void 0;
  const lines = (name) => get(name).split(/\r?\n/).map((s) => s.trim()).filter((s) => s && !s.startsWith("#"));
  const packages = lines("package");
  return {
    token: text("token"),
    packages,
    config: lines("config"),
    lockfile: text("lockfile") || "mcp-vet.lock.json",
    policy: optional("policy"),
    registry: optional("registry"),
    osvUrl: optional("osv-url"),
    osvDb: optional("osv-db"),
    introspect: boolean(get, "introspect", true),
    comment: oneOf(get, "comment", ["always", "on-change", "never"], "always"),
    sarif: optional("sarif"),
    failOnReject: boolean(get, "fail-on-reject", true),
    failOn: get("fail-on").trim() ? oneOf(get, "fail-on", ["low", "medium", "high", "critical"], "high") : void 0,
    onUnavailable: get("on-unavailable").trim() ? oneOf(get, "on-unavailable", ["fail", "warn"], "fail") : void 0
  };
}
function boolean(get, name, fallback) {
  const raw = get(name).trim();
  if (raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new VetError("E_USAGE", `input "${name}" must be true or false, not "${raw}"`);
}
function oneOf(get, name, values, fallback) {
  const raw = get(name).trim();
  if (raw === "") return fallback;
  if (values.includes(raw)) return raw;
  const list = `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
  throw new VetError("E_USAGE", `input "${name}" must be ${list}, not "${raw}"`);
}

// src/action/locations.ts
function locateServers(names, files, explicit = /* @__PURE__ */ new Map()) {
  const out = /* @__PURE__ */ new Map();
  const order = ["config", "lockfile", "workflow"];
  for (const name of names) {
    const known = explicit.get(name);
    if (known) {
      out.set(name, known);
      continue;
    }
    const re = nameRegExp(name);
    found: for (const role of order) {
      for (const f of files.filter((x) => x.role === role)) {
        const lines = f.text.split(/\r?\n/);
        const i = lines.findIndex((l) => re.test(l));
        if (i >= 0) {
          out.set(name, { file: f.path, line: i + 1 });
          break found;
        }
      }
    }
    if (!out.has(name)) {
      const fallback = files.find((f) => f.role === "lockfile") ?? files.find((f) => f.role === "config");
      if (fallback) out.set(name, { file: fallback.path, line: 1 });
    }
  }
  return out;
}
function nameRegExp(name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(?<![\\w@/.-])${escaped}(?![\\w/.-])`);
}
function workflowPath(ref, repository) {
  if (!ref || !repository) return void 0;
  const prefix = `${repository}/`;
  if (!ref.startsWith(prefix)) return void 0;
  const rest = ref.slice(prefix.length);
  const at = rest.lastIndexOf("@");
  const path = at > 0 ? rest.slice(0, at) : rest;
  return path.startsWith(".github/workflows/") && !path.includes("..") ? path : void 0;
}

// src/action/sarif.ts
import { createHash } from "node:crypto";
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0"
};
function renderSarif(report, locations) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const results = [];
  for (const s of report.servers) {
    const where = locations.get(s.package.name);
    const server = `${s.package.name}@${s.package.version}`;
    for (const f of s.findings) {
      if (f.severity === "info") continue;
      const advisory = (f.rule === "vulnerability" || f.rule === "malware") && typeof f.id === "string";
      const id = advisory ? String(f.id) : `mcp-vet/${f.rule}`;
      if (!ruleIndex.has(id)) {
        ruleIndex.set(id, rules.length);
        rules.push(ruleFor(id, f, advisory));
      }
      const level = isBlocking(f, report.failOn) ? "error" : f.suppressed ? "note" : "warning";
      const sup = f.suppressed;
      results.push({
        ruleId: id,
        ruleIndex: ruleIndex.get(id),
        level,
        message: { text: plain(`${server}: ${f.message}`, 1e3) },
        locations: [
          {
            ...where ? {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(where.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: where.line }
              }
            } : {},
            logicalLocations: [{ fullyQualifiedName: plain(server, 300), kind: "module" }]
          }
        ],
        partialFingerprints: { "mcpVetFinding/v1": fingerprint(s.package.name, f) },
        ...sup ? {
          suppressions: [
            {
              kind: "external",
              status: "accepted",
              justification: plain(
                `${sup.reason ?? ""} (until ${sup.expires ?? "?"}, ${sup.source ?? ""})`,
                500
              )
            }
          ]
        } : {},
        properties: {
          severity: f.severity,
          ...f.package ? { package: plain(`${f.package}@${f.version ?? ""}`, 300) } : {},
          ...typeof f.tool === "string" ? { tool: plain(f.tool, 200) } : {}
        }
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mcp-vet",
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: "https://github.com/mcp-vet/mcp-vet",
            rules
          }
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root." } } },
        results
      }
    ]
  };
}
function ruleFor(id, f, advisory) {
  const severity = advisory && typeof f.score === "number" ? f.score.toFixed(1) : SECURITY_SEVERITY[f.severity];
  const summary2 = typeof f.summary === "string" && f.summary ? f.summary : f.message;
  return {
    id,
    name: advisory ? plain(id, 100) : f.rule.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c) => (c ?? "").toUpperCase()),
    shortDescription: { text: plain(advisory ? summary2 : `mcp-vet: ${f.rule}`, 300) },
    ...advisory ? {
      helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
      help: { text: plain(`${summary2}. See https://osv.dev/vulnerability/${id}`, 1e3) }
    } : {},
    defaultConfiguration: { level: f.severity === "low" ? "note" : "warning" },
    properties: { tags: ["security", advisory ? "vulnerability" : "mcp"], "security-severity": severity }
  };
}
function fingerprint(server, f) {
  const parts = [server, f.rule, f.id, f.package, f.version, f.tool, f.pointer, f.capability].map(
    (x) => typeof x === "string" ? x : ""
  );
  return createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 32);
}
function plain(s, max) {
  return makeVisible(String(s), max);
}

// src/action/summary.ts
function renderSummary(report, opts = {}) {
  return renderComment(report, {
    ...opts,
    // the summary is the fallback: it must not send readers back to itself
    summaryUrl: void 0,
    marker: false,
    measure: "bytes",
    limit: SUMMARY_LIMIT - 4096
  });
}

// src/action/main.ts
async function run() {
  try {
    const inputs = parseInputs((name) => getInput(name));
    const event = readEvent(process.env, (m) => warning(m));
    await vetAndReport(inputs, event);
  } catch (err) {
    setFailed(`mcp-vet: ${describeError(err)}`);
  }
}
async function vetAndReport(inputs, event) {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const temp = process.env.RUNNER_TEMP ?? workspace;
  const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? temp, "mcp-vet-cache");
  const outDir = join(temp, "mcp-vet");
  const sbomDir = join(outDir, "sbom");
  await mkdir2(sbomDir, { recursive: true });
  const policy = resolvePolicy({
    ref: inputs.policy,
    cwd: workspace,
    failOn: inputs.failOn,
    onUnavailable: inputs.onUnavailable
  });
  const onUnavailable = policy.policy.vulnerabilities["on-unavailable"];
  const vulnSource = await makeVulnSource({
    osvUrl: inputs.osvUrl,
    osvDb: inputs.osvDb ? resolve(workspace, inputs.osvDb) : void 0,
    cacheDir,
    fetchOptions: loadNpmConfig({ projectDir: workspace }).fetchOptions,
    names: { url: 'input "osv-url"', db: 'input "osv-db"' }
  });
  const targets = await vetTargets(inputs, workspace);
  const servers = [...targets.unvetted];
  for (const t of targets.npm) {
    const result = await vetPackage({
      spec: t.spec,
      registry: inputs.registry,
      cacheDir,
      projectDir: workspace,
      warn: (m) => warning(m),
      vulnSource,
      onUnavailable,
      introspect: inputs.introspect,
      clientVersion: VERSION,
      ...t.server ? {
        clientEntry: {
          args: t.server.launch.kind === "npm" ? t.server.launch.args : [],
          env: t.server.entry.env
        },
        configEntry: {
          command: t.server.entry.command,
          args: t.server.entry.args,
          env: t.server.entry.env
        }
      } : {}
    });
    if (t.findings.length) result.server.findings.push(...t.findings);
    servers.push(result.server);
    const file = `${result.tree.root.name.replace("/", "__")}@${result.tree.root.version}.cdx.json`;
    await writeFile2(
      join(sbomDir, file),
      buildSbom(result.tree, { reproducible: true, toolVersion: VERSION })
    );
  }
  const base = readBaseline(inputs, workspace, event);
  if (event.kind === "pull_request") markPreexisting(servers, base);
  const report = decide(servers, VERSION, { policy });
  const unavailable = onUnavailable === "fail" && servers.some((s) => s.vulnerabilities?.status === "failed");
  const reportPath = join(outDir, "report.json");
  await writeFile2(reportPath, `${JSON.stringify(report, null, 2)}
`);
  setOutput("decision", report.decision);
  setOutput("report", reportPath);
  setOutput("sbom-dir", sbomDir);
  const changes = baselineChanges(report, base);
  const summaryUrl = runUrl(process.env);
  await publish(report, { ...inputs, config: targets.files }, event, changes, summaryUrl, workspace);
  if (unavailable) {
    setFailed("mcp-vet: the vulnerability check could not run (see the report); failing closed");
  } else if (report.decision === "reject") {
    const msg = `mcp-vet rejected: ${servers.map((s) => `${s.package.name}@${s.package.version}`).join(", ")}`;
    if (inputs.failOnReject) setFailed(logLine(msg));
    else warning(logLine(msg));
  } else {
    info(logLine(`mcp-vet approved ${servers.length} server(s)`));
  }
}
async function publish(report, inputs, event, changes, summaryUrl, workspace) {
  try {
    await summary.addRaw(renderSummary(report, { changes })).write();
  } catch (err) {
    warning(`mcp-vet could not write the job summary: ${describeError(err)}`);
  }
  const locations = serverLocations(report, inputs, workspace);
  for (const a of annotations(report, locations)) {
    const props = { title: a.title, ...a.file ? { file: a.file, startLine: a.startLine } : {} };
    if (a.level === "error") error(a.message, props);
    else warning(a.message, props);
  }
  if (inputs.sarif) {
    const path = resolve(workspace, inputs.sarif);
    try {
      await mkdir2(dirname(path), { recursive: true });
      await writeFile2(path, `${JSON.stringify(renderSarif(report, locations), null, 2)}
`);
    } catch (err) {
      setFailed(`mcp-vet: input "sarif": could not write ${inputs.sarif}: ${describeError(err)}`);
    }
  }
  if (event.kind !== "pull_request") {
    info(`mcp-vet: no pull request comment on a ${event.name || "local"} run; see the job summary`);
    return;
  }
  if (inputs.comment === "never") return;
  if (!inputs.token) {
    warning(
      'mcp-vet could not comment on the pull request: no token (the "token" input is empty). The verdict is in the job summary.'
    );
    return;
  }
  const changed = changes.baseline === "none" || changes.servers.some((c) => c.change !== "unchanged");
  const body = renderComment(report, { changes, summaryUrl });
  const result = await upsertStickyComment({
    token: inputs.token,
    target: { owner: event.owner, repo: event.repo, issue: event.number },
    marker: MARKER,
    body,
    // on-change: post only when the servers changed, but always keep an existing comment current
    create: inputs.comment === "always" || changed,
    warn: (m) => warning(m),
    info: (m) => info(m)
  });
  if (result.url) setOutput("comment-url", result.url);
  info(`mcp-vet: pull request comment ${result.status}${result.url ? ` (${result.url})` : ""}`);
}
function readBaseline(inputs, workspace, event) {
  let text;
  let where = inputs.lockfile;
  if (event.kind === "pull_request" && event.baseSha) {
    try {
      text = execFileSync("git", ["show", `${event.baseSha}:${inputs.lockfile}`], {
        cwd: workspace,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
        maxBuffer: 64 * 1024 * 1024
      });
      where = `${inputs.lockfile} on the base branch`;
    } catch {
      text = void 0;
    }
  }
  if (text === void 0 && existsSync2(resolve(workspace, inputs.lockfile))) {
    text = readFileSync2(resolve(workspace, inputs.lockfile), "utf8");
  }
  if (text === void 0) {
    return {
      note: `There is no ${inputs.lockfile} to compare with (first adoption, deleted by this change, or the base commit is not fetched: use fetch-depth: 0).`
    };
  }
  try {
    return { lock: parseLock(text, where) };
  } catch (err) {
    return { note: `${where} could not be read (${describeError(err)}); everything is shown as new.` };
  }
}
function markPreexisting(servers, base) {
  if (!base.lock) return;
  const approved = /* @__PURE__ */ new Map();
  for (const entry of Object.values(base.lock.servers)) {
    if (entry.kind !== "npm") continue;
    const set = approved.get(entry.package.name) ?? /* @__PURE__ */ new Set();
    set.add(`${entry.package.name}@${entry.package.version}`);
    for (const nv of Object.keys(entry.dependencies ?? {})) set.add(nv);
    approved.set(entry.package.name, set);
  }
  for (const s of servers) {
    const set = approved.get(s.package.name);
    if (!set) continue;
    for (const f of s.findings) {
      if (f.rule === "malware" || f.rule.startsWith("lock-")) continue;
      if (typeof f.package === "string" && typeof f.version === "string" && set.has(`${f.package}@${f.version}`)) {
        f.preexisting = true;
      }
    }
  }
}
function baselineChanges(report, base) {
  if (!base.lock) return noBaseline(report, base.note);
  const lock = base.lock;
  const byPackage = /* @__PURE__ */ new Map();
  for (const [key, entry] of Object.entries(lock.servers)) {
    if (entry.kind === "npm") byPackage.set(entry.package.name, { key, entry });
  }
  const servers = report.servers.map((s) => {
    const name = s.package.name;
    const old = byPackage.get(name);
    if (!old) {
      return {
        name,
        change: "added",
        to: s.package.version,
        newFindings: s.findings.map((f) => findingKey(name, f))
      };
    }
    const now = buildLockEntry(s, old.entry.declaredAt, null, s.spec);
    const diffs = diffEntries(old.key, old.entry, now).filter(
      (c) => c.kind !== "declaration-changed" && c.kind !== "entry-changed" && c.severity !== "info"
    );
    const tools = { added: [], removed: [], changed: [] };
    const newPermissions = [];
    for (const c of diffs) {
      if (c.kind === "tool-added" && c.item) tools.added.push(c.item);
      else if (c.kind === "tool-removed" && c.item) tools.removed.push(c.item);
      else if (c.kind.startsWith("tool-") && c.item) tools.changed.push(c.item);
      else if (c.kind === "permission-gained") newPermissions.push(c.item ?? c.message);
    }
    const oldVersion = old.entry.kind === "npm" ? old.entry.package.version : void 0;
    return {
      newFindings: s.findings.filter((f) => !f.preexisting).map((f) => findingKey(name, f)),
      name,
      change: diffs.length ? "updated" : "unchanged",
      from: oldVersion,
      to: s.package.version,
      ...newPermissions.length ? { newPermissions } : {},
      ...tools.added.length || tools.removed.length || tools.changed.length ? { tools } : {}
    };
  });
  const present = new Set(report.servers.map((s) => s.package.name));
  for (const [pkg, { entry }] of byPackage) {
    if (!present.has(pkg))
      servers.push({
        name: pkg,
        change: "removed",
        from: entry.kind === "npm" ? entry.package.version : void 0
      });
  }
  return { baseline: "lockfile", servers };
}
async function vetTargets(inputs, workspace) {
  if (inputs.packages.length) {
    return {
      files: inputs.config,
      npm: inputs.packages.map((spec) => ({ spec, findings: [] })),
      unvetted: []
    };
  }
  const d = await discoverConfigs(workspace, inputs.config.length ? inputs.config : void 0);
  const out = { files: d.files.map((f) => f.file), npm: [], unvetted: [] };
  const report = (name, version, findings) => ({
    spec: name,
    registry: "",
    package: { name, version, integrity: null },
    dependencies: [],
    findings,
    stats: { packages: 0, skipped: 0, bundled: 0, downloaded: 0, fromCache: 0 }
  });
  for (const s of d.servers) {
    const findings = serverFindings(s);
    if (!isPinned(s.launch)) {
      findings.push({
        rule: "lock-unpinned",
        severity: "high",
        message: `server "${s.name}" (${s.declaredAt.map((x) => x.file).join(", ")}) runs ${describeLaunch(s.launch)}, not an exact version: the next start may run code nobody reviewed; pin it`,
        server: s.name
      });
    }
    if (s.launch.kind === "npm" && !hasVariable(s.launch.spec))
      out.npm.push({ spec: s.launch.spec, server: s, findings });
    else out.unvetted.push(report(s.name, describeLaunch(s.launch), findings));
  }
  if (d.findings.length) out.unvetted.push(report("(MCP client configs)", "", d.findings));
  if (!d.servers.length && !d.findings.length) {
    throw new VetError(
      "E_USAGE",
      `no MCP server found: no client config (.mcp.json, .vscode/mcp.json, .cursor/mcp.json, …) in ${workspace} declares one; name configs with the "config" input or packages with "package"`
    );
  }
  return out;
}
function serverLocations(report, inputs, workspace) {
  const files = [];
  const add = (path, role) => {
    const abs = resolve(workspace, path);
    const rel = relative(workspace, abs);
    if (rel.startsWith("..") || isAbsolute(rel)) return;
    try {
      files.push({ path: rel.split(sep).join("/"), text: readFileSync2(abs, "utf8"), role });
    } catch {
    }
  };
  for (const c of inputs.config) add(c, "config");
  add(inputs.lockfile, "lockfile");
  const wf = workflowPath(process.env.GITHUB_WORKFLOW_REF, process.env.GITHUB_REPOSITORY);
  if (wf) add(wf, "workflow");
  return locateServers(
    report.servers.map((s) => s.package.name),
    files
  );
}
function runUrl(env) {
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function logLine(s) {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/^::/, ": :");
}

// src/action.ts
await run();
