/**
 * The job summary: the comment's content without the marker, with a 1 MiB budget (GitHub's
 * per-step limit, in bytes). When even that is not enough, details are trimmed the same way and
 * the summary points at the JSON report (the `report` output; upload it as an artifact).
 */
import type { Report } from '../pipeline/vet.js';
import { renderComment, SUMMARY_LIMIT, type RenderOptions } from './comment.js';

export function renderSummary(
  report: Report,
  opts: Omit<RenderOptions, 'limit' | 'measure' | 'marker'> = {},
): string {
  return renderComment(report, {
    ...opts,
    // the summary is the fallback: it must not send readers back to itself
    summaryUrl: undefined,
    marker: false,
    measure: 'bytes',
    limit: SUMMARY_LIMIT - 4096,
  });
}
