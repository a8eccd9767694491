import { MAX_WGS_DECISION_WEEKS as statutoryMaximum } from '@kern/workflows';
import { describe, expect, it } from 'vitest';
import { firstConversationInputSchema, MAX_WGS_DECISION_WEEKS } from './contract/debt-process.schema';

// The contract cannot import @kern/workflows (it runs in the browser), so it states the Wgs art. 4a maximum itself.
describe('the decision term in the debt contract', () => {
  it('is the statutory maximum the deadline engine uses', () => {
    expect(MAX_WGS_DECISION_WEEKS).toBe(statutoryMaximum);
  });

  it('defaults the municipal term to that maximum and refuses a longer one', () => {
    expect(firstConversationInputSchema.parse({ heldOn: '2026-03-02' }).municipalTermWeeks).toBe(statutoryMaximum);
    expect(firstConversationInputSchema.safeParse({ heldOn: '2026-03-02', municipalTermWeeks: statutoryMaximum + 1 }).success).toBe(false);
  });
});
