import { executionInput, executionName, type Mentorship } from '@sisi/domain';
import type { WorkflowStarter } from '@sisi/workflows';

/**
 * Starts the review lifecycle at the first review still to come (`upcoming`): a mentorship
 * recorded after it began is never asked for reviews already past. Each execution starts
 * the next one itself. A failure here fails the request (5xx): the mentorship is stored,
 * but nothing would be scheduled for it.
 */
export async function startLifecycle(workflows: WorkflowStarter, m: Mentorship) {
  const first = m.reviews.findIndex((r) => r.state === 'upcoming');
  if (first < 0) return;
  const n = first + 1;
  await workflows.start(executionName(m.networkId, m.id, n), executionInput(m, n));
}

/**
 * Stops the chain of an ended mentorship. The ending is already stored and every lifecycle
 * step reads it before mailing, so no scheduled mail goes out for it even if this fails;
 * a failure is logged, not answered as an error for an ending that did happen.
 */
export async function stopLifecycle(workflows: WorkflowStarter, m: Mentorship) {
  try {
    await workflows.stopMentorship(m.networkId, m.id, m.reviews.length);
  } catch (error) {
    console.error(`mentorship ${m.networkId}/${m.id} ended, its workflows not stopped:`, error);
  }
}
