import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { exportEpisodeEaf } from '../src/app/moments-interchange-export.js';
import { importEaf } from '../src/app/moments-interchange-import.js';
import { writeTestCanon } from '../src/app/moments-test-canon.js';
import { ReceiptsError } from '../src/domain/errors.js';
import type { CanonStore } from '../src/store/canon-store.js';
import type { StoredMoment } from '../src/store/moment-store.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { main } from '../src/cli/program.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-interchange-'));
const db = join(dir, 'library.db');
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

// In process (a child process per command takes seconds on a busy machine); main() is the
// whole CLI, error reporting and exit codes included.
async function receipts(...args: string[]) {
  let out = '';
  let err = '';
  const capture = (add: (s: string) => void) => (chunk: string | Uint8Array) => {
    add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (out += s)));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (err += s)));
  try {
    const code = await main(['--db', db, ...args]);
    return { code, out: plain(out), err: plain(err) };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

type Run = Awaited<ReturnType<typeof receipts>>;

function expectCleanFailure(r: Run, exit: number, message: RegExp) {
  expect(r.err.trim()).toMatch(message);
  expect(r.code).toBe(exit);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
}

async function momentsOf(episode: string): Promise<StoredMoment[]> {
  const r = await receipts('moments', 'list', '--episode', episode, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as StoredMoment[];
}

/** What a moment says, without where it is stored or who stored it. */
const essence = (m: StoredMoment) => ({
  startMs: m.startMs,
  endMs: m.endMs,
  tier: m.tier,
  term: m.term,
  initiator: m.initiator,
  recipients: m.recipients,
  mutual: m.mutual,
  part: m.part,
  readings: m.readings,
  note: m.note,
});

let cwd = '';
beforeAll(async () => {
  cwd = process.cwd();
  process.chdir(dir);
  writeTestCanon(dir);
  expect((await receipts('ingest', 'canon.yaml')).code).toBe(0);
  const adds = [
    ['--term', 'snogs', '--initiator', 'Mr Jones', '--recipients', 'Captain Jack'],
    ['--from', '41:12.3', '--to', '41:15', '--readings', 'love,longing', '--part', 'Lips'],
    ['--note', 'he starts it; “finally”'],
  ].flat();
  expect((await receipts('moments', 'add', '--episode', 'S01E01', ...adds)).code).toBe(0);
  const hug = ['--term', 'hug', '--mutual', '--recipients', 'Jack,Gwen', '--from', '1:00'];
  expect(
    (await receipts('moments', 'add', '--episode', 'S01E01', ...hug, '--to', '1:04')).code,
  ).toBe(0);
  const slap = ['--term', 'slap', '--initiator', 'Gwen', '--recipients', 'Jack', '--line', '13'];
  expect((await receipts('moments', 'add', '--episode', 'S01E01', ...slap)).code).toBe(0);
}, 60_000);

describe('receipts export eaf and import eaf round trip', () => {
  let eaf = '';

  it('exports the timed moments of an episode and says which it skipped and why', async () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = await receipts(
      'export',
      'eaf',
      's01e01',
      '--out',
      'out/S01E01.eaf',
      '--media',
      'ep1.mkv',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^Wrote out\/S01E01\.eaf: 2 moments of S01E01 on action, media ep1\.mkv$/m,
    );
    expect(r.err).toMatch(
      /no times yet \(anchored to a transcript line\): 1 moment \(\d+ at line 13\)/,
    );
    eaf = readFileSync(join(dir, 'out/S01E01.eaf'), 'utf8');
    expect(eaf).toMatch(/ MEDIA_URL="file:\/\/\/[^"]*\/ep1\.mkv"/);
    expect(eaf).toMatch(/RELATIVE_MEDIA_URL="\.\.\/ep1\.mkv"/);
    expect(eaf).toMatch(/<ANNOTATION_VALUE>kiss<\/ANNOTATION_VALUE>/);
    expect(eaf).not.toMatch(/slap<\/ANNOTATION_VALUE>/);
  });

  it('imports the file into another episode as the same moments', async () => {
    const r = await receipts(
      'import',
      'eaf',
      'out/S01E01.eaf',
      '--episode',
      'S01E02',
      '--author',
      'kb',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Imported out\/S01E01\.eaf into Hub Three S01E02: 2 moments, 0 already there$/m,
    );
    expect(r.out).toMatch(/the file says it holds S01E01; imported into S01E02/);
    expect(r.out).toMatch(/^action\s+action \(by name\)\s+2\s+2$/m);
    const original = (await momentsOf('S01E01')).filter((m) => m.startMs !== null);
    const imported = await momentsOf('S01E02');
    expect(imported.map(essence)).toEqual(original.map(essence));
    for (const m of imported) {
      expect(m).toMatchObject({ review: 'confirmed', author: 'kb', version: 1 });
      expect(m.provenance).toMatchObject({ kind: 'import', file: 'out/S01E01.eaf' });
      const at = m.provenance.line!;
      expect(eaf.split('\n')[at - 1]).toContain('<ALIGNABLE_ANNOTATION');
      expect(eaf.split('\n')[at]).toContain(`>${m.term}<`);
    }
  });

  it('skips what an earlier import of the same file stored, even from another folder', async () => {
    writeFileSync(join(dir, 'S01E01.eaf'), eaf);
    const r = await receipts('import', 'eaf', 'S01E01.eaf', '--episode', 'S01E02', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ imported: 0, alreadyThere: 2, dryRun: false });
    expect(await momentsOf('S01E02')).toHaveLength(2);
  });

  it('does not double the moments of the episode a file was exported from', async () => {
    const r = await receipts('import', 'eaf', 'out/S01E01.eaf', '--episode', 'S01E01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 0 moments, 2 already there$/m);
    expect(await momentsOf('S01E01')).toHaveLength(3);
  });

  it('gives the same moments back after removing the originals and importing into their episode', async () => {
    const before = (await momentsOf('S01E01')).filter((m) => m.startMs !== null);
    for (const m of before) expect((await receipts('moments', 'rm', m.id)).code).toBe(0);
    expect((await receipts('import', 'eaf', 'out/S01E01.eaf', '--episode', 'S01E01')).code).toBe(0);
    const after = (await momentsOf('S01E01')).filter((m) => m.startMs !== null);
    expect(after.map(essence)).toEqual(before.map(essence));
    expect(after.map((m) => m.id)).not.toEqual(before.map((m) => m.id));
  });

  it('reads a file saved in UTF-16 with a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(eaf, 'utf16le')]);
    writeFileSync(join(dir, 'utf16.eaf'), utf16);
    const r = await receipts(
      'import',
      'eaf',
      'utf16.eaf',
      '--episode',
      'S01E02',
      '--dry-run',
      '--json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      encoding: string;
      imported: number;
      moments: StoredMoment[];
    };
    expect(report).toMatchObject({ encoding: 'UTF-16LE', imported: 2 });
    expect(report.moments.map((m) => m.note)).toContain('he starts it; “finally”');
    expect(await momentsOf('S01E02')).toHaveLength(2);
  });

  it('keeps and lists names the canon does not know, and refuses them with --strict', async () => {
    writeFileSync(join(dir, 'bob.eaf'), eaf.replace('>Ianto Jones<', '>Bob<'));
    const dry = await receipts('import', 'eaf', 'bob.eaf', '--episode', 'S01E02', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(
      /Would import bob\.eaf into Hub Three S01E02: 2 moments, 0 already there \(dry run: nothing written\)/,
    );
    expect(dry.out).toMatch(
      /names not in the canon, kept as written: Bob \(1, first at line \d+\)/,
    );
    const strict = await receipts('import', 'eaf', 'bob.eaf', '--episode', 'S01E02', '--strict');
    expectCleanFailure(
      strict,
      65,
      /^receipts: bob\.eaf:\d+: initiator: no character "Bob" in Hub Three.*nothing was imported$/,
    );
    expect(await momentsOf('S01E02')).toHaveLength(2);
  });
});

describe('receipts import eaf on bad input writes nothing', () => {
  it('refuses a file that is not XML, naming the line', async () => {
    writeFileSync(
      join(dir, 'broken.eaf'),
      '<ANNOTATION_DOCUMENT>\n  <TIER>\n</ANNOTATION_DOCUMENT>\n',
    );
    const r = await receipts('import', 'eaf', 'broken.eaf', '--episode', 'S01E02');
    expectCleanFailure(r, 65, /^receipts: broken\.eaf:\d+(:\d+)?: not XML: /);
  });

  it('refuses an annotation that names a missing time slot', async () => {
    const bad = readFileSync(join(dir, 'S01E01.eaf'), 'utf8').replace(
      /TIME_SLOT_REF2="ts2"/,
      'TIME_SLOT_REF2="ts99"',
    );
    writeFileSync(join(dir, 'slot.eaf'), bad);
    const r = await receipts('import', 'eaf', 'slot.eaf', '--episode', 'S01E02');
    expectCleanFailure(
      r,
      65,
      /^receipts: slot\.eaf:\d+: annotation a1 refers to time slot "ts99", which does not exist$/,
    );
  });

  it('refuses an unknown episode, on import and on export', async () => {
    const imp = await receipts('import', 'eaf', 'S01E01.eaf', '--episode', 'S01E09');
    expectCleanFailure(
      imp,
      69,
      /episode: no episode "S01E09" in Hub Three; closest: S01E01, S01E02/,
    );
    expectCleanFailure(await receipts('export', 'eaf', 'S09E01'), 69, /no episode "S09E01"/);
    expectCleanFailure(
      await receipts('export', 'csv', '--episode', 'S09E01'),
      64,
      /no episode "S09E01"/,
    );
  });

  it('refuses the whole file when one moment is invalid', async () => {
    // The kiss's recipient becomes its initiator: `moments add` refuses that too.
    const bad = eafText().replace('>Jack Harkness</ANNOTATION_VALUE>', '>Ianto</ANNOTATION_VALUE>');
    expect(bad).not.toBe(eafText());
    writeFileSync(join(dir, 'self.eaf'), bad);
    const r = await receipts('import', 'eaf', 'self.eaf', '--episode', 'S01E02');
    expectCleanFailure(
      r,
      65,
      /self\.eaf:\d+: recipients: Ianto Jones is the initiator and cannot also be a recipient; nothing was imported/,
    );
    expect(await momentsOf('S01E02')).toHaveLength(2);
  });

  it('refuses a stale import: a moment the file made was edited in the library since', async () => {
    const kiss = (await momentsOf('S01E02')).find((m) => m.term === 'kiss')!;
    expect((await receipts('moments', 'edit', kiss.id, '--term', 'hug')).code).toBe(0);
    const r = await receipts('import', 'eaf', 'S01E01.eaf', '--episode', 'S01E02');
    expectCleanFailure(
      r,
      75,
      new RegExp(
        `S01E01\\.eaf:${kiss.provenance.line}: moment ${kiss.id} was imported from this annotation and edited since \\(version 2\\)`,
      ),
    );
    expect(await momentsOf('S01E02')).toHaveLength(2);
  });
});

describe('receipts export csv and json', () => {
  it('writes one CSV row per moment with times as timecodes and ms and lists joined by "; "', async () => {
    const r = await receipts('export', 'csv', '--episode', 'S01E01', '--episode', 'S01E02');
    expect(r.code).toBe(0);
    const rows = parse<Record<string, string>>(r.out, { columns: true });
    const all = [...(await momentsOf('S01E01')), ...(await momentsOf('S01E02'))];
    expect(rows.map((x) => x.id)).toEqual(all.map((m) => m.id));
    expect(r.out.split('\n')[0]).toBe(
      'id,episode,start,end,start_ms,end_ms,tier,term,initiator,recipients,mutual,part,readings,note,author,provenance,rule,source_file,source_line,review,confidence,version',
    );
    const hug = rows.find((x) => x.term === 'hug' && x.episode === 'S01E01')!;
    expect(hug).toMatchObject({
      start: '1:00.000',
      end: '1:04.000',
      start_ms: '60000',
      end_ms: '64000',
      initiator: '',
      recipients: 'Jack Harkness; Gwen Cooper',
      mutual: 'true',
      provenance: 'import',
    });
    const slap = rows.find((x) => x.term === 'slap')!;
    expect(slap).toMatchObject({
      start: '',
      source_file: 'transcripts/s01e01.txt',
      source_line: '13',
    });
  });

  it('writes the stored moments as JSON, filtered by a term subtree and review state', async () => {
    const r = await receipts(
      'export',
      'json',
      '--term',
      'affection',
      '--review',
      'confirmed',
      '--out',
      'aff.json',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Wrote aff\.json: \d+ moments of Hub Three\.$/m);
    const got = JSON.parse(readFileSync(join(dir, 'aff.json'), 'utf8')) as StoredMoment[];
    expect(got.length).toBeGreaterThan(0);
    expect(new Set(got.map((m) => m.term))).toEqual(new Set(['kiss', 'hug']));
    const listed = JSON.parse(
      (await receipts('moments', 'list', '--term', 'affection', '--json')).out,
    ) as StoredMoment[];
    expect(got).toEqual(listed);
  });
});

/** The exported file, read back (a test of its own may have rewritten the copy on disk). */
function eafText(): string {
  return readFileSync(join(dir, 'out/S01E01.eaf'), 'utf8');
}

describe('exportEpisodeEaf', () => {
  it("names the episode's video from the library as the media when none is given", async () => {
    const store = await openSqliteStore(db);
    try {
      const video = join(dir, 'video', 'Rain.mkv');
      const withVideo = new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === 'listEpisodes') {
            return async (seriesId: string) =>
              (await target.listEpisodes(seriesId)).map((e) => ({ ...e, video }));
          }
          const v: unknown = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      const r = await exportEpisodeEaf(withVideo, {
        episode: 'S01E01',
        author: 'kb',
        now: '2030-01-01T00:00:00.000Z',
        out: join(dir, 'out', 'x.eaf'),
      });
      expect(r.media).toBe(video);
      expect(r.text).toContain('MIME_TYPE="video/x-matroska"');
      expect(r.text).toContain('RELATIVE_MEDIA_URL="../video/Rain.mkv"');
      expect(r.text).toContain('DATE="2030-01-01T00:00:00.000Z"');
    } finally {
      await store.close();
    }
  });
});

describe('importEaf when the store fails midway', () => {
  it('removes the moments it had added, so nothing is half-written', async () => {
    const own = mkdtempSync(join(tmpdir(), 'receipts-import-compensate-'));
    const store = await openSqliteStore(join(own, 'library.db'));
    try {
      await ingestCanon(writeTestCanon(own), store, { cwd: own });
      writeFileSync(join(own, 'x.eaf'), eafText());
      let adds = 0;
      const failing = new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === 'addMoment') {
            return async (...args: Parameters<CanonStore['addMoment']>) => {
              if (++adds === 2) throw new ReceiptsError('DB_BUSY', 'the library is locked');
              return target.addMoment(...args);
            };
          }
          const v: unknown = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      const request = {
        path: join(own, 'x.eaf'),
        shownAs: 'x.eaf',
        episode: 'S01E01',
        author: 'kb',
        dryRun: false,
        names: { strict: false, participant: null },
      };
      const e = await importEaf(failing, request).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ReceiptsError);
      expect((e as ReceiptsError).code).toBe('DB_BUSY');
      expect((e as ReceiptsError).message).toMatch(
        /import stopped at moment 2 of 2 \(the library is locked\); the moment added before it was removed again/,
      );
      expect(adds).toBe(2);
      expect(await store.listMoments({})).toEqual([]);
      // And with a store that works, the same request stores both.
      const ok = await importEaf(store, request);
      expect(ok.imported).toHaveLength(2);
      expect(await store.listMoments({})).toHaveLength(2);
    } finally {
      await store.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});
