import { CharacterIndex } from '../domain/canon.js';
import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore, EpisodeInfo } from '../store/canon-store.js';
import { pickSeries } from './pick-series.js';
import { cuesOf, mainSources } from './stored-lines.js';
import type { EpisodeLine, EpisodeView } from './workbench-types.js';

/**
 * What the episode page shows: the episode, whether it has a video, and the lines to read
 * beside it. An aligned transcript is preferred (speakers and stage directions, with times);
 * without one, the subtitle cues (one line per cue, parts joined) still follow playback.
 */
export async function episodeView(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<EpisodeView> {
  const series = await pickSeries(store, seriesId);
  const episodes = await store.listEpisodes(series.id);
  const at = episodes.findIndex((e) => e.id === episodeId);
  const episode = episodes[at];
  if (!episode) {
    throw new ReceiptsError('NOT_FOUND', `There is no episode ${episodeId} in ${series.title}.`);
  }
  const { subtitle, transcript } = mainSources(await store.episodeSources(series.id, episodeId));
  const names = new CharacterIndex(await store.listCharacters(series.id));
  const who = (label: string | null) => (label === null ? null : (names.resolve(label) ?? label));
  const alignment = (await store.listAlignments(series.id)).find(
    (a) => a.episodeId === episodeId && a.transcriptPath === transcript?.path,
  );
  let lines: EpisodeLine[] = [];
  let linesFrom: EpisodeView['linesFrom'] = 'none';
  if (transcript && (alignment || !subtitle)) {
    linesFrom = 'transcript';
    lines = transcript.lines.map((l) => ({
      id: l.id,
      line: l.line,
      kind: l.kind,
      startMs: l.startMs,
      endMs: l.endMs,
      speaker: who(l.speakerLabel),
      qualifier: l.qualifier,
      text: l.text,
    }));
  } else if (subtitle) {
    linesFrom = 'subtitles';
    const ids = new Map(subtitle.lines.map((l) => [l.seq, l.id]));
    for (const c of cuesOf(subtitle)) {
      const last = lines[lines.length - 1];
      // Parts of one cue (`- Who? - Me.`) share its times: one row, as the track shows it.
      if (c.part > 0 && last) {
        lines[lines.length - 1] = { ...last, text: `${last.text}\n${c.text}` };
        continue;
      }
      lines.push({
        id: ids.get(c.seq) ?? c.seq,
        line: c.line,
        kind: 'cue',
        startMs: c.startMs,
        endMs: c.endMs,
        speaker: who(c.speaker),
        qualifier: null,
        text: c.text,
      });
    }
  }
  return {
    series: { id: series.id, title: series.title },
    episode: episodeFields(episode),
    video: episode.video !== null,
    subtitle: subtitle?.path ?? null,
    transcript: transcript?.path ?? null,
    linesFrom,
    lines,
    previous: episodes[at - 1]?.id ?? null,
    next: episodes[at + 1]?.id ?? null,
  };
}

/**
 * The video file of an episode, looked up in the library by its ids (never a path from a
 * client). MEDIA_NOT_FOUND when the manifest names none.
 */
export async function episodeVideoPath(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<string> {
  const series = await pickSeries(store, seriesId);
  const episode = (await store.listEpisodes(series.id)).find((e) => e.id === episodeId);
  if (!episode) {
    throw new ReceiptsError('NOT_FOUND', `There is no episode ${episodeId} in ${series.title}.`);
  }
  if (episode.video === null) {
    throw new ReceiptsError('MEDIA_NOT_FOUND', `${episodeId} has no video in the manifest.`);
  }
  return episode.video;
}

function episodeFields(e: EpisodeInfo): EpisodeView['episode'] {
  const { id, season, number, title, airDate, storyOrder } = e;
  return { id, season, number, title, airDate, storyOrder };
}
