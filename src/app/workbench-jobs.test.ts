import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import type { JobSnapshot } from './workbench-types.js';
import { JobRunner } from './workbench-jobs.js';

describe('JobRunner', () => {
  it('runs jobs one at a time, in order, reporting progress to subscribers', async () => {
    const runner = new JobRunner();
    const order: string[] = [];
    const seen: JobSnapshot[] = [];
    const a = runner.start('test', 'a', async (ctx) => {
      order.push('a start');
      ctx.progress(1, 2, 'half');
      await new Promise((r) => setTimeout(r, 10));
      order.push('a end');
      return 42;
    });
    runner.subscribe(a.id, (j) => seen.push(j));
    runner.start('test', 'b', () => {
      order.push('b');
      return Promise.resolve();
    });
    await runner.idle();
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(seen.map((j) => j.state)).toEqual(['running', 'running', 'done']);
    expect(seen[1]!.progress).toEqual({ done: 1, total: 2, label: 'half' });
    expect(runner.get(a.id)).toMatchObject({ state: 'done', result: 42 });
  });

  it('keeps a failure in the job with its code and message', async () => {
    const runner = new JobRunner();
    const job = runner.start('test', 'bad', () =>
      Promise.reject(new ReceiptsError('NOT_FOUND', 'no such episode', { path: 'S09E09' })),
    );
    await runner.idle();
    expect(runner.get(job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'NOT_FOUND', message: 'S09E09: no such episode' },
    });
  });

  it('cancels a queued job before it starts', async () => {
    const runner = new JobRunner();
    runner.start('test', 'slow', () => new Promise((r) => setTimeout(r, 10)));
    const queued = runner.start('test', 'never', () => Promise.resolve('ran'));
    expect(runner.cancel(queued.id)).toBe(true);
    await runner.idle();
    expect(runner.get(queued.id)).toMatchObject({ state: 'failed', error: { code: 'CANCELLED' } });
    expect(runner.cancel(queued.id)).toBe(false);
  });

  it('forgets the oldest finished jobs beyond the number it keeps', async () => {
    const runner = new JobRunner(2);
    for (let i = 0; i < 4; i++) runner.start('test', `job ${i}`, () => Promise.resolve(i));
    await runner.idle();
    expect(runner.list().map((j) => j.label)).toEqual(['job 3', 'job 2']);
  });
});

describe('JobRunner.onEnded', () => {
  it('tells its listeners about every job that ends, done or failed', async () => {
    const runner = new JobRunner();
    const ended: string[] = [];
    runner.onEnded((j) => ended.push(`${j.kind} ${j.state}`));
    runner.start('render', 'ok', () => Promise.resolve(1));
    runner.start('proxy', 'bad', () => Promise.reject(new Error('broken')));
    await runner.idle();
    expect(ended).toEqual(['render done', 'proxy failed']);
  });
});

describe('JobRunner lanes', () => {
  it('renders media while a library job runs, each lane still one job at a time', async () => {
    const runner = new JobRunner();
    const order: string[] = [];
    let finishIngest = () => {};
    runner.start('ingest', 'slow', async () => {
      order.push('ingest start');
      await new Promise<void>((r) => (finishIngest = r));
      order.push('ingest end');
    });
    runner.start('align', 'after the ingest', () => {
      order.push('align');
      return Promise.resolve();
    });
    const render = runner.start('render', 'a gif', () => {
      order.push('render');
      return Promise.resolve();
    });
    await expect.poll(() => runner.get(render.id)?.state).toBe('done');
    expect(order).toEqual(['ingest start', 'render']);
    finishIngest();
    await runner.idle();
    expect(order).toEqual(['ingest start', 'render', 'ingest end', 'align']);
  });
});
