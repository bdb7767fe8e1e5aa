import { main } from './cli/main.js';

// A bug must still end in one clear line and the input-error exit code, never a bare stack trace
// (the stack is printed with MCP_VET_DEBUG=1).
const crash = (err: unknown): void => {
  process.stderr.write(`mcp-vet: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.MCP_VET_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await main(process.argv.slice(2));
