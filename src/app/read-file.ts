import { readFile } from 'node:fs/promises';
import { ReceiptsError, type Place } from '../domain/errors.js';

/**
 * Read a whole file, turning Node's errno failures into located ReceiptsErrors.
 * `place` says where the file was named (a manifest path), so the message can point there;
 * `shownAs` is the name to print (relative to where the user is).
 */
export async function readUserFile(
  path: string,
  place: Place = {},
  shownAs: string = path,
): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = { ...place, file: place.file ?? path };
    const shown = place.file !== undefined ? `${shownAs}: ` : '';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ReceiptsError('FILE_NOT_FOUND', `${shown}file not found`, where, { cause: e });
    }
    if (code === 'EISDIR')
      throw new ReceiptsError('FILE_UNREADABLE', `${shown}is a folder, not a file`, where, {
        cause: e,
      });
    if (code === 'EACCES' || code === 'EPERM') {
      throw new ReceiptsError('FILE_UNREADABLE', `${shown}permission denied`, where, { cause: e });
    }
    throw new ReceiptsError(
      'FILE_UNREADABLE',
      `${shown}cannot be read (${code ?? 'I/O error'})`,
      where,
      { cause: e },
    );
  }
}
