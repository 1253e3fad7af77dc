import { describe, expect, it } from 'vitest';
import { parseChakoteyaHtml } from './transcript-chakoteya-html.js';
import { brief } from '../../test/transcript-brief.js';

/** A made-up page shaped like chakoteya.net's: header, one table, footer, metadata spans. */
const PAGE = [
  '<!DOCTYPE html>', // 1
  '<html><head><title>The Transcripts - Night Shift</title></head>', // 2
  '<body><p><font size="5"><b>Night', // 3
  'Shift</b></font><br/>', // 4
  '<font size="2">Stardate: 1234.5<br/>', // 5
  'Original Airdate: 1 Jan, 2100<br/></font></p>', // 6
  '<table><tbody><tr><td><font size="2"><b>[Cargo Bay - Deck 4]</b>', // 7
  '</font>', // 8
  '<p><font size="2">WARDEN [on viewscreen]: Stand down. You will not', // 9
  'be warned again. <br/>', // 10
  'PILOT: (a Bajoran) Shields up &amp; hold. <br/>', // 11
  '(The lights flicker) <br/>', // 12
  'MEDIC', // 13
  '[OC]: Two injured. <rb>', // 14
  'PILOT: On my way.', // 15
  'MEDIC: Hurry.</font></p>', // 16
  '</td></tr></tbody></table>', // 17
  '<p><a href="episodes.htm">&lt;Back to the episode listing</a></p>', // 18
  '</body><span id="season" value="3"></span><span id="episode" value="7"></span>', // 19
  '<span id="name" value="Night Shift"></span>', // 20
].join('\r\n');

describe('parseChakoteyaHtml', () => {
  // decodeText normally turns CRLF into LF first; the parser copes with either.
  const r = parseChakoteyaHtml(PAGE.replaceAll('\r\n', '\n'), 'night.htm');

  it('reads the title and air date above the table and the season and episode marks', () => {
    expect(r.transcript.dialect).toBe('chakoteya-html');
    expect(r.transcript.title).toBe('Night Shift');
    expect(r.transcript.airDate).toBe('1 Jan, 2100');
    expect(r.season).toBe(3);
    expect(r.number).toBe(7);
  });

  it('reads the table: scenes, labels, inline directions, entities, lines from the source', () => {
    expect(brief(r.transcript.lines)).toEqual([
      '7 [Cargo Bay - Deck 4]',
      '9 WARDEN [on viewscreen]: Stand down. You will not be warned again.',
      '11 (a Bajoran) ~PILOT',
      '11 PILOT: Shields up & hold.',
      '12 (The lights flicker)',
      '13 MEDIC [OC]: Two injured.',
      '15 PILOT: On my way.',
      '16 MEDIC: Hurry.',
    ]);
  });

  it('gives a direction inside a wrapped speech the line its bracket opens on', () => {
    const page = [
      '<html><body><table><tr><td><font size="2">', // 1
      'QUARK: These jobs are hard to come by. Her credentials', // 2
      'were very impressive. (Odo grabs his', // 3
      'lapels) Hey, listen here.<br/>', // 4
      'ODO: The problem is you are lying.</font></td></tr></table></body></html>', // 5
    ].join('\n');
    expect(brief(parseChakoteyaHtml(page, 'wrap.htm').transcript.lines)).toEqual([
      '2 QUARK: These jobs are hard to come by. Her credentials were very impressive.',
      '3 (Odo grabs his lapels) ~QUARK',
      '2 QUARK: Hey, listen here.',
      '5 ODO: The problem is you are lying.',
    ]);
  });

  it('ignores the footer after the table', () => {
    expect(r.transcript.lines.some((l) => l.kind !== 'scene' && l.text.includes('Back'))).toBe(
      false,
    );
  });

  it('reads a page without a table from its body, title from the first bold line', () => {
    const page = [
      '<html><body><p><b>Quiet Day</b><br>',
      'Original Airdate: 2 Feb, 2101<br>',
      '<b>[Garden]</b><br>',
      'ANNA: Lovely weather.<br>',
      '<a href="x">&lt;Back to the episode listing</a><br>',
      'Copyright notice here.',
      '</body></html>',
    ].join('\n');
    const p = parseChakoteyaHtml(page);
    expect(p.transcript.title).toBe('Quiet Day');
    expect(p.transcript.airDate).toBe('2 Feb, 2101');
    expect(brief(p.transcript.lines)).toEqual(['3 [Garden]', '4 ANNA: Lovely weather.']);
    expect(p.season).toBeNull();
  });

  it('falls back to the metadata spans for title and air date', () => {
    const page =
      '<table><tr><td>ANNA: Hi.</td></tr></table><span id="name" value="Spans Only"></span>' +
      '<span id="airdate" value="3 Mar, 2102"></span>';
    const p = parseChakoteyaHtml(page);
    expect(p.transcript.title).toBe('Spans Only');
    expect(p.transcript.airDate).toBe('3 Mar, 2102');
  });

  it('survives markup that never closes', () => {
    const p = parseChakoteyaHtml('<table><tr><td><b>[Hall<p>ANNA: (waves <i>Hello');
    expect(brief(p.transcript.lines)).toEqual(['1 [Hall]', '1 (waves Hello) ~ANNA']);
  });
});
