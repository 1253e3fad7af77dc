import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { CanonStore } from '../../store/canon-store.js';
import { openSqliteStore } from '../../store/sqlite/canon-store.js';
import { REPO_ROOT } from '../../../test/shared-data.js';
import type { ApiError, JobSnapshot, LibraryOverview } from '../api-types.js';
import { buildServer } from '../build-server.js';
import type { FolderIngestResult } from './folder-routes.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-folder-route-'));
const jobs = new JobRunner();
const headers = { 'x-receipts-token': 't' };
let store: CanonStore;
let app: FastifyInstance;

beforeAll(async () => {
  // The example series as a user has it before `receipts init`: files, no canon.yaml.
  cpSync(join(REPO_ROOT, 'examples/lighthouse'), join(dir, 'lighthouse'), { recursive: true });
  rmSync(join(dir, 'lighthouse', 'canon.yaml'));
  mkdirSync(join(dir, 'notes'));
  store = await openSqliteStore(join(dir, 'library.db'));
  app = await buildServer({ store, token: 't', jobs, cwd: dir, webRoot: null });
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Queue a folder ingest and read the job once it has ended. */
async function ingestFolder(folder: string): Promise<JobSnapshot> {
  const start = await app.inject({
    method: 'POST',
    url: '/api/jobs/ingest-folder',
    payload: { folder },
    headers,
  });
  expect(start.statusCode, start.body).toBe(202);
  await jobs.idle();
  return (await app.inject({ url: `/api/jobs/${start.json<JobSnapshot>().id}` })).json();
}

describe('adding a series from its folder', () => {
  it('writes the canon.yaml from the file names and ingests it, as one job', async () => {
    const job = await ingestFolder('lighthouse');
    expect(job).toMatchObject({ kind: 'ingest', label: 'add the series in lighthouse' });
    expect(job.error).toBeNull();
    const result = job.result as FolderIngestResult;
    expect(result.wroteManifest).toBe(join('lighthouse', 'canon.yaml'));
    expect(result.summary.episodes).toBe(2);
    expect(readFileSync(join(dir, 'lighthouse', 'canon.yaml'), 'utf8')).toMatch(/S01E02/);
    const library = (await app.inject({ url: '/api/library' })).json<LibraryOverview>();
    expect(library.series.map((s) => [s.title, s.episodes.map((e) => e.id)])).toEqual([
      ['The Lighthouse', ['S01E01', 'S01E02']],
    ]);
  });

  it('ingests the canon.yaml a folder already has, leaving it as it is', async () => {
    const manifest = join(dir, 'lighthouse', 'canon.yaml');
    const before = readFileSync(manifest, 'utf8');
    const job = await ingestFolder('lighthouse');
    expect((job.result as FolderIngestResult).wroteManifest).toBeNull();
    expect((job.result as FolderIngestResult).summary.sourcesUnchanged).toBe(4);
    expect(readFileSync(manifest, 'utf8')).toBe(before);
  });

  it('fails the job, writing nothing, for a folder without episodes', async () => {
    const job = await ingestFolder('notes');
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/no episodes were recognised/);
    expect(existsSync(join(dir, 'notes', 'canon.yaml'))).toBe(false);
  });

  it('answers 404 at once, naming the folder as typed, for a folder that is not there', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest-folder',
      payload: { folder: 'nowhere' },
      headers,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json<ApiError>().error.message).toBe('body.folder: nowhere: no such folder');
    const empty = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest-folder',
      payload: { folder: ' ' },
      headers,
    });
    expect(empty.json<ApiError>().error.message).toBe(
      'body.folder: give the path of a series folder',
    );
  });
});
