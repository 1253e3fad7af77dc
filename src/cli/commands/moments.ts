import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { editMoment } from '../../app/moments-edit.js';
import { MOMENT_LIST_OPTIONS, MOMENT_OPTIONS, toVersion } from '../../app/moments-options.js';
import {
  addMoment,
  listMoments,
  removeMoment,
  reviewMoments,
  showMoment,
} from '../../app/moments.js';
import { PAIR_STATS_OPTIONS, pairStats } from '../../app/pair-stats.js';
import { markReviewed, reviewProgress } from '../../app/moments-done.js';
import { ReceiptsError } from '../../domain/errors.js';
import { participants, type Moment } from '../../domain/moment.js';
import { formatTimecode } from '../../domain/time.js';
import type { StoredMoment } from '../../store/moment-store.js';
import { formatTable, printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

type Opts = Record<string, unknown> & { json?: boolean; series?: string };

/** `moments add|list|show|edit|review|rm`: annotate moments and review suggestions. */
export function registerMoments(program: Command): void {
  const moments = program
    .command('moments')
    .description('record and review moments: who does what to whom, when, coded with the codebook')
    .addHelpText(
      'after',
      `
Moments people add are confirmed; \`receipts suggest\` adds suggestions to review.
Ids come from \`receipts moments list\`.`,
    );

  const add = moments
    .command('add')
    .description('record a moment (an episode, a term, who, and times or a transcript line)');
  fieldOptions(add, 'add')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--json', 'print the moment as JSON')
    .addHelpText(
      'after',
      `
Examples:
  receipts moments add --episode S27E13 --term kiss --initiator Jack --recipients Rose --line 203
  receipts moments add --episode S02E03 --term cradle-neck --initiator Ianto --recipients Jack \\
    --from 41:12.3 --to 41:15 --readings love,guilt --note "he initiates"
  receipts moments add --episode S27E05 --term hug --mutual --recipients Rose,Mickey --from 38:02`,
    )
    .action(async (opts: Opts, c: Command) => {
      const m = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        addMoment(s, opts, { ...seriesOf(opts), author: defaultAuthor() }),
      );
      if (opts.json) return printJson(m);
      process.stdout.write(`Added moment ${m.id}: ${summary(m)}\n`);
    });

  const list = moments
    .command('list')
    .description('moments in canon order: episode, time or line, term, who, review, id');
  for (const o of MOMENT_LIST_OPTIONS) list.addOption(new Option(o.flag, o.help));
  list
    .option('--json', 'print the moments as JSON')
    .addHelpText(
      'after',
      `
Examples:
  receipts moments list --review suggested --limit 20
  receipts moments list --episode S27E13 --term affection      # kiss, hug, ... together
  receipts moments list --tier gaze --json`,
    )
    .action(async (opts: Opts, c: Command) => {
      const page = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) => listMoments(s, opts));
      if (opts.json) return printJson(page.moments);
      if (page.moments.length === 0) return void process.stdout.write('No moments.\n');
      const { offset, limit } = page.filters;
      const n = page.moments.length;
      const more = n === limit ? ` (more with --offset ${offset + n})` : '';
      process.stdout.write(
        `${momentTable(page.moments)}\n\n${offset + 1}-${offset + n} of the moments of ${page.series.title}${more}\n`,
      );
    });

  moments
    .command('show')
    .description('every field of one moment, with where it came from')
    .argument('<id>', 'the moment id')
    .option('--json', 'print the moment as JSON')
    .addHelpText('after', '\nExample:\n  receipts moments show 42')
    .action(async (id: string, opts: Opts, c: Command) => {
      const m = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) => showMoment(s, id));
      if (opts.json) return printJson(m);
      process.stdout.write(`${formatTable(['', ''], detailRows(m))}\n`);
    });

  const edit = moments
    .command('edit')
    .description('change fields of a moment (only if nobody changed it since you read it)')
    .argument('<id>', 'the moment id')
    .option('--if-version <n>', 'the version you read (default: the version just read)');
  fieldOptions(edit, 'edit')
    .option('--json', 'print the moment as JSON')
    .addHelpText(
      'after',
      `
The episode and the transcript line stay as the moment was made.

Examples:
  receipts moments edit 42 --term hug --readings love
  receipts moments edit 42 --if-version 3 --initiator Rose --recipients Jack
  receipts moments edit 42 --mutual          # Jack -> Rose becomes Jack <-> Rose`,
    )
    .action(async (id: string, opts: Opts, c: Command) => {
      const ifVersion = toVersion(opts.ifVersion);
      const r = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        editMoment(s, id, opts, {
          ...(ifVersion === undefined ? {} : { ifVersion }),
          author: defaultAuthor(),
        }),
      );
      if (opts.json) return printJson(r.moment);
      process.stdout.write(
        r.changed.length === 0
          ? `Nothing changed: moment ${id} already says that (version ${r.moment.version}).\n`
          : `Moment ${id} is now at version ${r.moment.version} (changed ${r.changed.join(', ')}): ${summary(r.moment)}\n`,
      );
    });

  moments
    .command('review')
    .description('accept (confirm) or reject moments, typically suggestions')
    .argument('<id...>', 'moment ids')
    .option('--accept', 'confirm them: they count as facts')
    .option('--reject', 'reject them: a later `receipts suggest` will not suggest them again')
    .option('--author <handle>', 'who reviews (default: your user name)')
    .option('--json', 'print the moments as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  receipts moments review 12 13 15 --accept\n  receipts moments review 14 --reject',
    )
    .action(async (ids: string[], opts: Opts, c: Command) => {
      if (Boolean(opts.accept) === Boolean(opts.reject)) {
        throw new ReceiptsError('USAGE', 'give --accept or --reject');
      }
      const author = typeof opts.author === 'string' ? opts.author : defaultAuthor();
      const done = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        reviewMoments(s, ids, opts.accept ? 'confirmed' : 'rejected', author),
      );
      if (opts.json) return printJson(done);
      const verb = opts.accept ? 'Confirmed' : 'Rejected';
      process.stdout.write(
        `${done.map((m) => `${verb} moment ${m.id}: ${summary(m)}`).join('\n')}\n`,
      );
    });

  moments
    .command('done')
    .description(
      'mark episodes as completely reviewed, so "never" and "only" claims can rest on them',
    )
    .argument('[episodes...]', 'episode ids')
    .option('--all', 'every episode of the series')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--tier <tier>', 'only this codebook tier (default: every tier, *)')
    .option('--undo', 'take the mark back')
    .option('--list', 'show which episodes are reviewed and which the suggester read')
    .option('--author <handle>', 'who reviewed (default: your user name)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nMarking says: every moment of the tier in these episodes is recorded, and every suggestion\nin them reviewed. Claims count only covered episodes (see receipts claim --help).\n\nExamples:\n  receipts moments done S01E01 S01E02\n  receipts moments done S01E03 --tier action\n  receipts moments done --list',
    )
    .action(async (episodes: string[], opts: Opts, c: Command) => {
      const global = c.optsWithGlobals<GlobalOptions>();
      const series = typeof opts.series === 'string' ? opts.series : undefined;
      if (opts.list) {
        const rows = await withStore(global, (s) => reviewProgress(s, series));
        if (opts.json) return printJson(rows);
        const table = rows.map((r) => [
          r.episode,
          r.suggested ? 'yes' : '',
          r.reviewed.map((p) => `${p.tier}${p.by === null ? '' : ` (${p.by})`}`).join(', '),
        ]);
        process.stdout.write(formatTable(['episode', 'suggester read', 'reviewed'], table));
        return;
      }
      const done = await withStore(global, (s) =>
        markReviewed(s, {
          ...(series === undefined ? {} : { series }),
          episodes,
          all: Boolean(opts.all),
          ...(typeof opts.tier === 'string' ? { tier: opts.tier } : {}),
          undo: Boolean(opts.undo),
          author: typeof opts.author === 'string' ? opts.author : defaultAuthor(),
        }),
      );
      if (opts.json) return printJson(done);
      const what = done.tier === '*' ? 'every tier' : `tier ${done.tier}`;
      process.stdout.write(
        `${done.undone ? 'Unmarked' : 'Marked'} ${done.episodes.length} episode${done.episodes.length === 1 ? '' : 's'} as reviewed for ${what}: ${done.episodes.slice(0, 8).join(', ')}${done.episodes.length > 8 ? ', ...' : ''}\n`,
      );
    });

  moments
    .command('rm')
    .description('remove a moment (only if nobody changed it since you read it)')
    .argument('<id>', 'the moment id')
    .option('--if-version <n>', 'the version you read (default: the version just read)')
    .addHelpText('after', '\nExample:\n  receipts moments rm 42 --if-version 2')
    .action(async (id: string, opts: Opts, c: Command) => {
      const ifVersion = toVersion(opts.ifVersion);
      const m = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        removeMoment(s, id, ifVersion),
      );
      process.stdout.write(`Removed moment ${m.id}: ${summary(m)}\n`);
    });
}

/** `stats pairs`: initiator -> recipient counts, as a table, CSV or JSON. */
export function registerPairStats(stats: Command): void {
  const cmd = stats
    .command('pairs')
    .description('who does what to whom, how often: initiator -> recipient counts of moments');
  for (const o of PAIR_STATS_OPTIONS) cmd.addOption(new Option(o.flag, o.help));
  cmd
    .option('--json', 'the same as --format json')
    .addHelpText(
      'after',
      `
Counts confirmed moments; a moment with several recipients counts once for each, a mutual
one once for each pair of its participants.

Examples:
  receipts stats pairs --term affection                 # kiss, hug, ... counted together
  receipts stats pairs --tier action --per-episode --format csv > pairs.csv
  receipts stats pairs --term kiss --include-suggested --format json`,
    )
    .action(async (_opts: Opts, c: Command) => {
      // `stats` takes --series and --json too and reads them first, wherever they stand.
      const all = c.optsWithGlobals<GlobalOptions & Opts>();
      const opts = all.json && all.format === undefined ? { ...all, format: 'json' } : all;
      const r = await withStore(all, (s) => pairStats(s, opts));
      const rows = r.pairs.map((p) => ({
        ...(r.request.perEpisode ? { episode: p.episode } : {}),
        term: p.term,
        initiator: p.initiator,
        recipient: p.recipient,
        mutual: p.mutual,
        count: p.count,
      }));
      if (r.request.format === 'json') {
        const { pairs: _pairs, ...meta } = r;
        return printJson({ ...meta, pairs: rows });
      }
      if (r.request.format === 'csv') {
        const columns = [...(r.request.perEpisode ? ['episode'] : []), ...PAIR_COLUMNS];
        return void process.stdout.write(
          stringify(rows, { header: true, columns, cast: { boolean: (b) => String(b) } }),
        );
      }
      const counted = `${r.moments} ${r.request.includeSuggested ? 'confirmed or suggested' : 'confirmed'} moment${r.moments === 1 ? '' : 's'}`;
      if (rows.length === 0) return void process.stdout.write(`No pairs among ${counted}.\n`);
      const table = formatTable(
        [...(r.request.perEpisode ? ['episode'] : []), 'term', 'who', 'count'],
        r.pairs.map((p) => [
          ...(r.request.perEpisode ? [p.episode] : []),
          p.term,
          who({ initiator: p.initiator, recipients: [p.recipient], mutual: p.mutual }),
          p.count,
        ]),
      );
      const without =
        r.withoutPair > 0 ? ` (${r.withoutPair} with nobody on the receiving end)` : '';
      process.stdout.write(`${table}\n\n${r.series.title}: ${counted}${without}\n`);
    });
}

const PAIR_COLUMNS = ['term', 'initiator', 'recipient', 'mutual', 'count'];

/** The moment-field flags a command takes, from the one option table. */
function fieldOptions(cmd: Command, which: 'add' | 'edit'): Command {
  for (const o of MOMENT_OPTIONS) {
    if ((o.in as readonly string[]).includes(which)) cmd.addOption(new Option(o.flag, o.help));
  }
  return cmd;
}

function seriesOf(opts: Opts): { series?: string } {
  return typeof opts.series === 'string' ? { series: opts.series } : {};
}

/** The OS user name, the default author of annotations and reviews. */
export function defaultAuthor(): string | null {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? null;
  }
}

/** `Jack -> Rose, Doctor`; `? -> Rose` when nobody is known to lead; `Jack <-> Rose` when mutual. */
export function who(m: Pick<Moment, 'initiator' | 'recipients' | 'mutual'>): string {
  if (m.mutual) return participants(m).join(' <-> ');
  return `${m.initiator ?? '?'} -> ${m.recipients.length > 0 ? m.recipients.join(', ') : '?'}`;
}

/** `41:12.300-41:15.000`, or `line 203` for a moment anchored to a transcript line. */
export function place(m: StoredMoment): string {
  if (m.startMs !== null) {
    return m.endMs === null || m.endMs === m.startMs
      ? formatTimecode(m.startMs)
      : `${formatTimecode(m.startMs)}-${formatTimecode(m.endMs)}`;
  }
  if (m.provenance.line !== undefined) return `line ${m.provenance.line}`;
  return m.anchorSeq === null ? '' : `seq ${m.anchorSeq}`;
}

function summary(m: StoredMoment): string {
  return `${m.episode} ${place(m)} ${m.term} ${who(m)} (${m.review})`;
}

/** The moments table of `moments list`. */
export function momentTable(moments: readonly StoredMoment[]): string {
  return formatTable(
    ['episode', 'at', 'term', 'who', 'review', 'id'],
    moments.map((m) => [m.episode, place(m), m.term, who(m), m.review, m.id]),
  );
}

function detailRows(m: StoredMoment): [string, string | null][] {
  const p = m.provenance;
  const from =
    p.kind === 'rule'
      ? `rule ${p.rule ?? ''}`
      : p.kind === 'import'
        ? 'import'
        : `person${m.author ? ` (${m.author})` : ''}`;
  const source =
    p.file === undefined ? null : `${p.file}${p.line === undefined ? '' : `:${p.line}`}`;
  return [
    ['id', m.id],
    ['series', m.seriesId],
    ['episode', m.episode],
    ['at', place(m)],
    ['term', `${m.term} (${m.tier})`],
    ['who', who(m)],
    ['part', m.part],
    ['readings', m.readings.join(', ')],
    ['note', m.note],
    ['review', m.review],
    ['author', m.author],
    ['made by', from],
    ['source', source],
    ['direction', m.sourceText],
    ['confidence', m.confidence === null ? null : m.confidence.toFixed(2)],
    ['version', String(m.version)],
    ['created', m.createdAt],
    ['updated', m.updatedAt],
  ].filter((r): r is [string, string] => r[1] !== null && r[1] !== '');
}
