/** The tool-text scanner's public surface (see README.md in this folder). */
export { diffTools, makeVisible, scanManifest, scanTool, scanTools, type ToolChange } from './scan.js';
export { parseToolsInput, type InputFormat, type ToolsInput } from './input.js';
export { renderToolFindings, summarizeFindings } from './render.js';
