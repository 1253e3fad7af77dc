import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';

/**
 * Write a whole file or nothing: a temp file beside it, renamed into place, so a reader never
 * sees half a file and a failure leaves the old one. FILE_UNWRITABLE names the file.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ReceiptsError(
      'FILE_UNWRITABLE',
      `cannot write ${file} (${code})`,
      { file },
      {
        cause: e,
      },
    );
  }
}
