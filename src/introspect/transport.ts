/**
 * An MCP `Transport` over a process we spawned ourselves (see sandbox.ts), for the SDK's `Client`.
 *
 * The SDK's own StdioClientTransport spawns the process itself (no process group, no namespace,
 * no output caps) and buffers stdout without bound, so a server that floods its pipe grows our
 * memory. This one frames newline-delimited JSON-RPC with caps on the total bytes and on one
 * message, keeps only the tail of stderr (for error messages), and records the raw `initialize`
 * result so unknown fields the server sent are kept exactly as sent.
 */
import type { ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { isRecord } from '../registry/http.js';

const STDERR_TAIL = 4096;
const GARBAGE_KEPT = 3;

export class ProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** Bytes read from stdout so far. */
  stdoutBytes = 0;
  /** Set when a cap was hit (the process has been told to die by then). */
  overflow?: string;
  /** The first few stdout lines that were not JSON-RPC. */
  readonly garbage: string[] = [];
  garbageLines = 0;
  /** Raw `result` of the initialize response. */
  initializeResult?: Record<string, unknown>;
  exit?: { code: number | null; signal: NodeJS.Signals | null };

  private buffer: Buffer[] = [];
  private bufferedBytes = 0;
  private stderrTail = '';
  private initializeId: string | number | undefined;
  private closed = false;

  constructor(
    private readonly child: ChildProcess,
    private readonly caps: { maxOutputBytes: number; maxMessageBytes: number },
    private readonly onOverflow: () => void,
  ) {}

  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { child } = this;
    child.stdout?.on('data', (chunk: Buffer) => this.onStdout(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    // EPIPE when the server exits without reading: reported through exit, not as a crash
    child.stdin?.on('error', () => undefined);
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);
    child.on('error', (err) => this.onerror?.(err));
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.finish();
    });
  }

  stderr(): string {
    return this.stderrTail;
  }

  private onStdout(chunk: Buffer): void {
    if (this.overflow) return;
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.caps.maxOutputBytes) {
      this.fail(`wrote more than ${this.caps.maxOutputBytes} bytes to stdout`);
      return;
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      this.buffer.push(chunk.subarray(start, nl));
      const line = Buffer.concat(this.buffer).toString('utf8');
      this.buffer = [];
      this.bufferedBytes = 0;
      this.onLine(line);
      start = nl + 1;
      if (this.overflow || this.closed) return;
    }
    const rest = chunk.subarray(start);
    this.bufferedBytes += rest.length;
    if (this.bufferedBytes > this.caps.maxMessageBytes) {
      this.fail(`sent a single message longer than ${this.caps.maxMessageBytes} bytes`);
      return;
    }
    if (rest.length) this.buffer.push(rest);
  }

  private onLine(raw: string): void {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      msg = undefined;
    }
    if (!isRecord(msg) || msg.jsonrpc !== '2.0') {
      // Not fatal: some servers log to stdout. The client ignores the line; we keep a sample.
      this.garbageLines++;
      if (this.garbage.length < GARBAGE_KEPT) this.garbage.push(line.slice(0, 200));
      return;
    }
    if (this.initializeId !== undefined && msg.id === this.initializeId && isRecord(msg.result)) {
      this.initializeResult = msg.result;
    }
    this.onmessage?.(msg as JSONRPCMessage);
  }

  private fail(reason: string): void {
    this.overflow = reason;
    this.onOverflow();
    this.onerror?.(new Error(reason));
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('the server process has exited');
    if ('method' in message && message.method === 'initialize' && 'id' in message) {
      this.initializeId = message.id;
    }
    const stdin = this.child.stdin;
    if (!stdin || stdin.destroyed) throw new Error('the server closed its stdin');
    await new Promise<void>((resolve) => {
      // a write error (EPIPE) shows up as the process exiting; don't reject twice
      stdin.write(`${JSON.stringify(message)}\n`, () => resolve());
    });
  }

  async close(): Promise<void> {
    this.child.stdin?.end();
    this.finish();
  }
}
