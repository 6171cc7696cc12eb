import { describe, expect, it } from 'vitest';
import { cancelled, scriptedDoc } from '../../../../test/support/scripted-dynamo.ts';
import { ConflictError } from '../errors.ts';
import { MentorshipRepository } from './mentorship-repository.ts';

/** The repository over a client answering from `script`. */
function scripted(script: (Error | undefined)[]) {
  const { doc, calls } = scriptedDoc(script);
  return { repo: new MentorshipRepository(doc, 'table'), calls };
}

const document = {
  version: 2,
  content: { a: 1 },
  updatedAt: '2025-01-01T00:00:00Z',
  updatedBy: 'u',
};

describe('MentorshipRepository.saveDocument', () => {
  it('tries again when another transaction held an item, so the version decides', async () => {
    const { repo, calls } = scripted([cancelled('None', 'TransactionConflict'), undefined]);
    await repo.saveDocument('m1', 'plan', 1, document, [
      repo.approachesOp('m1', ['on-site'], 'now'),
    ]);
    expect(calls).toHaveLength(2);
  });

  it('reports a failed version condition as a ConflictError naming version, without retrying', async () => {
    const { repo, calls } = scripted([cancelled('ConditionalCheckFailed', 'None')]);
    const error = await repo.saveDocument('m1', 'plan', 1, document).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).field).toBe('version');
    expect(calls).toHaveLength(1);
  });

  it('gives up after a few conflicts rather than looping', async () => {
    const { repo, calls } = scripted(
      Array.from({ length: 10 }, () => cancelled('TransactionConflict')),
    );
    // however `transact` reports the last one, it is not swallowed
    await expect(repo.saveDocument('m1', 'plan', 1, document)).rejects.toThrow();
    expect(calls).toHaveLength(5);
  });

  it('sets the approaches without a version condition or bump', () => {
    const { repo } = scripted([]);
    const op = repo.approachesOp('m1', ['twinning'], '2025-01-01T00:00:00Z');
    expect(op.Update?.UpdateExpression).toBe('SET #a = :a, #u = :now');
    expect(JSON.stringify(op)).not.toContain('version');
  });
});
