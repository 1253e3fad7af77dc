import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ingestCanon, type IngestReport } from '../../app/ingest-canon.js';
import { MANIFEST_FILE, scanCanonFolder, writeManifest } from '../../app/init-canon.js';
import type { JobRunner } from '../../app/workbench-jobs.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore } from '../../store/canon-store.js';
import { parseInput } from '../validate.js';

const folderBody = z.object({
  folder: z
    .string({ error: 'give the path of a series folder in folder' })
    .trim()
    .min(1, 'give the path of a series folder'),
});

/** What an ingest-folder job ends with: the ingest, and whether it wrote the canon.yaml. */
export interface FolderIngestResult extends IngestReport {
  /** The canon.yaml `receipts init` wrote for the folder, or null when it had one. */
  readonly wroteManifest: string | null;
}

/**
 * Add a series in one step, from its folder: `receipts init <folder>` when the folder has no
 * canon.yaml yet (episodes named from the file names), then `receipts ingest`, as one job.
 * The folder is read on this machine, relative to the folder the server started in.
 */
export function registerFolderRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; jobs: JobRunner; cwd: string },
): void {
  const { store, jobs, cwd } = deps;

  app.post('/api/jobs/ingest-folder', async (request, reply) => {
    const b = parseInput(folderBody, request.body, 'body');
    const folder = resolve(cwd, b.folder);
    // Checked now, so a mistyped path is a 404 at once, named as the user typed it.
    if (!(await stat(folder).catch(() => null))?.isDirectory()) {
      throw new ReceiptsError('FILE_NOT_FOUND', `${b.folder}: no such folder`, {
        path: 'body.folder',
      });
    }
    const job = jobs.start('ingest', `add the series in ${b.folder}`, async (ctx) => {
      const manifest = join(folder, MANIFEST_FILE);
      let wrote: string | null = null;
      if (!(await stat(manifest).catch(() => null))?.isFile()) {
        ctx.progress(0, 1, 'naming the episodes from the file names');
        wrote = relative(cwd, await writeManifest(folder, await scanCanonFolder(folder)));
      }
      // Ingest is one transaction: stopping part-way leaves the library as it was.
      const report = await ingestCanon(manifest, store, {
        cwd,
        onProgress: (p) => {
          if (ctx.signal.aborted) throw new ReceiptsError('CANCELLED', 'The job was cancelled.');
          ctx.progress(p.done, p.total, `${p.phase} ${p.file}`);
        },
      });
      const result: FolderIngestResult = { ...report, wroteManifest: wrote };
      return result;
    });
    return reply.code(202).send(job);
  });
}
