import { randomUUID } from 'node:crypto';
import { ReceiptsError, isReceiptsError } from '../domain/errors.js';
import type { JobSnapshot } from './workbench-types.js';

/** What a job's work function gets: a way to report progress, and a signal to stop on. */
export interface JobContext {
  progress(done: number, total: number, label?: string): void;
  readonly signal: AbortSignal;
}

export type JobListener = (job: JobSnapshot) => void;

/**
 * Jobs that only read the library and write media files (ffmpeg's work). They queue apart from
 * the jobs that write the library, so a GIF renders while suggestions are being read.
 */
const MEDIA_KINDS = new Set(['render', 'proxy', 'gifset', 'compose']);
export const isMediaJob = (kind: string): boolean => MEDIA_KINDS.has(kind);

/**
 * Runs long work in two lanes, each one job at a time, in order: library writers (ingest,
 * align, suggest: the library is one SQLite file, so parallel writers would only wait on each
 * other) and media renders (two ffmpegs at once would only halve each one's speed).
 * Keeps the last `keep` finished jobs so a page opened late still sees how they ended.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobSnapshot>();
  private readonly listeners = new Map<string, Set<JobListener>>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly lanes = { library: Promise.resolve(), media: Promise.resolve() };
  private readonly ended = new Set<JobListener>();

  constructor(
    private readonly keep = 50,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queue `work`; answers at once with the queued job. Failures land in the job, not here. */
  start(kind: string, label: string, work: (ctx: JobContext) => Promise<unknown>): JobSnapshot {
    const id = randomUUID();
    const controller = new AbortController();
    this.controllers.set(id, controller);
    this.set({
      id,
      kind,
      label,
      state: 'queued',
      progress: null,
      result: null,
      error: null,
      createdAt: this.now().toISOString(),
      finishedAt: null,
    });
    const lane = MEDIA_KINDS.has(kind) ? 'media' : 'library';
    this.lanes[lane] = this.lanes[lane].then(() => this.run(id, work, controller.signal));
    return this.jobs.get(id)!;
  }

  get(id: string): JobSnapshot | null {
    return this.jobs.get(id) ?? null;
  }

  /** Newest first. */
  list(): JobSnapshot[] {
    return [...this.jobs.values()].reverse();
  }

  /** Ask a queued or running job to stop; false when it is unknown or already over. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.state === 'done' || job.state === 'failed') return false;
    this.controllers.get(id)?.abort();
    return true;
  }

  /** Call `listener` on every change of the job until it ends; returns the unsubscribe. */
  subscribe(id: string, listener: JobListener): () => void {
    const job = this.jobs.get(id);
    if (!job || job.finishedAt !== null) return () => {};
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  /** Call `listener` whenever any job ends, done or failed (housekeeping such as cache trims). */
  onEnded(listener: JobListener): void {
    this.ended.add(listener);
  }

  /** Resolves when every job queued so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    // A job may queue another as it ends: wait until no lane changed while waiting.
    for (;;) {
      const { library, media } = this.lanes;
      await Promise.all([library, media]);
      if (library === this.lanes.library && media === this.lanes.media) return;
    }
  }

  private async run(
    id: string,
    work: (ctx: JobContext) => Promise<unknown>,
    signal: AbortSignal,
  ): Promise<void> {
    const update = (change: Partial<JobSnapshot>) => this.set({ ...this.jobs.get(id)!, ...change });
    try {
      if (signal.aborted) throw new ReceiptsError('CANCELLED', 'Cancelled before it started.');
      update({ state: 'running' });
      const result = await work({
        signal,
        progress: (done, total, label = '') => update({ progress: { done, total, label } }),
      });
      update({ state: 'done', result, finishedAt: this.now().toISOString() });
    } catch (e) {
      this.finish(
        id,
        isReceiptsError(e)
          ? { code: e.code, message: e.toLine() }
          : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      );
    } finally {
      this.controllers.delete(id);
      this.listeners.delete(id);
      const job = this.jobs.get(id)!;
      for (const l of this.ended) l(job);
      this.forgetOld();
    }
  }

  private finish(id: string, error: { code: string; message: string }): void {
    this.set({
      ...this.jobs.get(id)!,
      state: 'failed',
      error,
      finishedAt: this.now().toISOString(),
    });
  }

  private set(job: JobSnapshot): void {
    this.jobs.set(job.id, job);
    for (const l of this.listeners.get(job.id) ?? []) l(job);
  }

  private forgetOld(): void {
    const ended = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const j of ended.slice(0, Math.max(0, ended.length - this.keep))) this.jobs.delete(j.id);
  }
}
