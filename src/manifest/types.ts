/**
 * What an MCP server shows the model: the shared shape between introspection (src/introspect),
 * static extraction and the tool-text scanner (src/tools). Objects are kept as the server sent
 * them (unknown fields included), because every field a model can see is attack surface.
 */
import type { Severity } from '../model.js';

/** A tool as returned by `tools/list`: `name`, `title`, `description`, `inputSchema`, … kept raw. */
export type McpTool = Record<string, unknown>;
export type McpPrompt = Record<string, unknown>;
export type McpResource = Record<string, unknown>;
export type McpResourceTemplate = Record<string, unknown>;

/** How the manifest was obtained. `static` = read from package files or code, not from a running server. */
export type ManifestSource = 'introspection' | 'static';

export interface Containment {
  /** Environment passed to the server: only allow-listed variables plus placeholders. */
  env: 'allow-list';
  /** Fresh temporary HOME and TMPDIR. */
  home: 'temporary';
  /** `namespace` when the server ran in a fresh network namespace (no egress), `none` otherwise. */
  network: 'namespace' | 'none';
  /** The tool used for network isolation, when any (e.g. `unshare`, `bwrap`). */
  networkTool?: string;
  timeoutMs: number;
  maxOutputBytes: number;
}

export interface ServerManifest {
  source: ManifestSource;
  serverInfo?: Record<string, unknown>;
  protocolVersion?: string;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  tools: McpTool[];
  prompts: McpPrompt[];
  resources: McpResource[];
  resourceTemplates: McpResourceTemplate[];
  /** Set for introspection. */
  containment?: Containment;
  /** How the server was started (command and args, relative to the laid-out tree). */
  launch?: { command: string; args: string[] };
  /** Problems met while capturing (a list call that failed, a tool that was malformed, …). */
  warnings?: string[];
  /**
   * Set only when a second launch (another `clientInfo`, same HOME) showed the model something
   * else: what that launch showed, so the tool-text scanner can review both.
   */
  relaunch?: {
    clientInfo: { name: string; version: string };
    serverInfo?: Record<string, unknown>;
    instructions?: string;
    tools: McpTool[];
    prompts: McpPrompt[];
    resources: McpResource[];
    resourceTemplates: McpResourceTemplate[];
  };
}

/** A finding about text the model can see. `pointer` is a JSON pointer into the tool (RFC 6901). */
export interface ToolTextFinding {
  rule: string;
  severity: Severity;
  confidence: 'low' | 'medium' | 'high';
  message: string;
  /** The tool's name, when the finding is about a tool. */
  tool?: string;
  /** The tool's 0-based position in its list. */
  index?: number;
  /** Where in the object: `/description`, `/inputSchema/properties/notes/description`, … */
  pointer: string;
  /** The offending text, shortened, with invisible characters made visible (`<U+200B>`). */
  excerpt: string;
  /** What the finding is about when not a tool: `instructions`, `prompt`, `resource`, … */
  target?: string;
}
