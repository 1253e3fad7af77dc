import type { ContentPairingReport } from './init-pairing.js';

/**
 * What content pairing did, as lines for people: in the manifest's header comment and in
 * `receipts init` output. `limit` bounds each list.
 */
export function pairingNotes(p: ContentPairingReport, limit: number): string[] {
  const lines: string[] = [];
  const list = <T>(items: readonly T[], show: (x: T) => string) => {
    for (const x of items.slice(0, limit)) lines.push(`  ${show(x)}`);
    if (items.length > limit) lines.push(`  ...and ${items.length - limit} more`);
  };
  if (p.moved.length) {
    lines.push(
      `${p.moved.length} subtitle file(s) hold another episode than their name says; listed under the episode they hold:`,
    );
    list(p.moved, (m) => `${m.file}: named ${m.from}, holds ${m.to}`);
  }
  if (p.duplicates.length) {
    lines.push(`${p.duplicates.length} episode(s) have the same subtitles twice; one copy kept:`);
    list(p.duplicates, (d) => `${d.kept} kept; left out: ${d.dropped.join(', ')}`);
  }
  if (p.twoEpisodes.length) {
    lines.push(`${p.twoEpisodes.length} subtitle file(s) hold two episodes back to back:`);
    list(
      p.twoEpisodes,
      (t) =>
        `${t.file}: ${t.first}, then ${t.second} from cue ${t.seamCueIndex + 1}` +
        (t.split
          ? ` (split: cues 1-${t.seamCueIndex} and ${t.seamCueIndex + 1}-; the second part's times count from the file's start, see receipts retime)`
          : ` (${t.second} has subtitles of its own; listed under ${t.first} only)`),
    );
  }
  if (p.unreadable.length) {
    lines.push(`${p.unreadable.length} file(s) could not be read to compare contents:`);
    list(p.unreadable, (f) => f);
  }
  // A file name may hold a line break; it must not end a YAML comment.
  return lines.map((l) => l.replace(/[\r\n]+/gu, ' '));
}
