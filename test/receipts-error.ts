import { ReceiptsError } from '../src/domain/errors.js';

/** The ReceiptsError a promise rejects with; fails the test when it resolves or throws another. */
export async function rejectionOf(p: Promise<unknown>): Promise<ReceiptsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected a ReceiptsError');
}
