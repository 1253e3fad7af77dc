import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePost } from '../src/app/compose.js';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { addMoment } from '../src/app/moments.js';
import { bindPost, NO_RESOLUTIONS, RENDERERS } from '../src/compose/bind.js';
import { parsePost } from '../src/compose/parse-post.js';
import { COMPOSE_TARGETS } from '../src/compose/target.js';
import { renderNpf } from '../src/compose/to-npf.js';
import { AO3_ELEMENTS, ao3AllowedProperties } from '../src/formats/ao3-allowed.js';
import { checkNpf, type NpfPost } from '../src/formats/npf.js';
import type { CanonStore } from '../src/store/canon-store.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { fakeMedia, writeComposeCanon } from './compose-canon.js';
import { REPO_ROOT } from './shared-data.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/compose');
const dir = mkdtempSync(join(tmpdir(), 'receipts-compose-'));
let store: CanonStore;
let momentId = '';

beforeAll(async () => {
  store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(writeComposeCanon(dir), store, { cwd: dir });
  const m = await addMoment(
    store,
    {
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      from: '0:03',
      to: '0:04.5',
    },
    { author: 'tester' },
  );
  momentId = m.id;
  const post = readFileSync(join(FIXTURES, 'sample-post.md'), 'utf8').replace('MOMENT', momentId);
  writeFileSync(join(dir, 'post.md'), post);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const compose = (
  to: (typeof COMPOSE_TARGETS)[number],
  post = 'post.md',
  baseUrl: string | null = 'https://example.org/gifs',
) => composePost(store, { post, to, cwd: dir, baseUrl }, { media: fakeMedia(), cacheDir: null });

/** Compare with the golden file; UPDATE_GOLDEN=1 (or a missing file) writes it instead. */
function golden(name: string, text: string): void {
  const file = join(FIXTURES, 'golden', `${name}.golden`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(join(FIXTURES, 'golden'), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const SUFFIX = {
  html: 'html',
  tumblr: 'npf.json',
  ao3: 'ao3.html',
  markdown: 'published.md',
} as const;

describe('compose: the sample post in every target', () => {
  for (const to of COMPOSE_TARGETS) {
    it(`renders ${to} as its golden output and writes it beside the GIFs`, async () => {
      const r = await compose(to);
      golden(`sample-post.${SUFFIX[to]}`, r.text);
      expect(readFileSync(r.output, 'utf8')).toBe(r.text);
      expect(r.gifs.map((g) => g.path.slice(dir.length + 1))).toEqual([
        'post-01.gif',
        'post-set1-01.gif',
        'post-set1-02.gif',
        'post-02.gif',
      ]);
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }

  it('cites every GIF and quotation and lists the episodes and the GIF credit', async () => {
    const { text } = await compose('markdown');
    expect(text).toContain('“you are a lifesaver” (Jack Harkness, Rain (1x01), 0:01)');
    expect(text).toContain('“Would you go back?” — _Rain (1x01), 0:05_');
    expect(text).toMatch(
      /## Credits\n\ngifs by nightowl \(made with Receipts\)\n\nEpisodes cited:\n\n- Rain \(1x01\)\n- Fog \(1x02\)\n/,
    );
    // Generated alt text, and the writer's own where given.
    expect(text).toContain('![Ianto Jones says “Would you go back?” (Rain (1x01), 0:05).]');
    expect(text).toContain('![Ianto turns away.]');
    expect(text).toContain('![Ianto Jones: kiss, to Jack Harkness (Rain (1x01), 0:03).]');
  });

  it('checks the embedded claim and the claims in the prose', async () => {
    const r = await compose('html');
    expect(r.claims).toEqual([
      { text: 'never Ianto says "I love you" to Jack', verdict: 'supported' },
    ]);
    const prose = r.prose?.findings.map((f) => [f.line, f.column, f.verdict?.verdict]);
    expect(prose).toEqual([[32, 1, 'contradicted']]);
    expect(r.contradicted).toBe(1);
  });

  it('reports a quote, a GIF and a claim it cannot resolve as findings at their place', async () => {
    writeFileSync(
      join(dir, 'broken.md'),
      'Text :quote{text="nobody said this"}.\n\n::gif{quote="nor this"}\n\n::gif{moment=999}\n\n::claim{text="Owen always flies"}\n\n::gif{episode=S01E01 from=0:05 to=0:02}\n',
    );
    const r = await compose('markdown', 'broken.md');
    expect(r.findings.map((f) => [f.place.line, f.place.column, f.ruleId])).toEqual([
      [1, 6, 'quote'],
      [3, 1, 'gif'],
      [5, 1, 'gif'],
      [7, 1, 'claim'],
      [9, 1, 'directive-attributes'],
    ]);
    expect(r.text).toContain('“nobody said this”');
  });
});

describe('compose: Tumblr NPF', () => {
  it('follows the layout rules: image-only rows, every block once, read-more after the gif', async () => {
    const r = await compose('tumblr');
    const post = JSON.parse(r.text) as NpfPost;
    expect(checkNpf(post)).toEqual([]);
    const rows = post.layout[0]!.display.map((d) => d.blocks);
    expect(rows.flat()).toEqual(post.content.map((_b, i) => i));
    for (const row of rows.filter((x) => x.length > 1)) {
      expect(row.every((i) => post.content[i]!.type === 'image')).toBe(true);
    }
    expect(rows.filter((x) => x.length === 2)).toHaveLength(1); // the gifset, two per row
    const t = post.layout[0]!.truncate_after!;
    // After the gifset's last image, before "Here is the claim": never inside a row.
    expect(post.content[t]).toMatchObject({ type: 'image' });
    expect(post.content[t + 1]).toMatchObject({
      type: 'text',
      text: 'Here is the claim, checked:',
    });
    for (const b of post.content.filter((x) => x.type === 'image')) {
      expect(b).toMatchObject({ attribution: { type: 'app', app_name: 'Receipts' } });
      expect(b.type === 'image' && (b.alt_text ?? '').length > 0).toBe(true);
    }
    expect(post.tags).toBe('night shift,meta,ianto jones');
  });

  it('splits a long paragraph at sentence ends under 4,096 characters and keeps its formatting', () => {
    const sentence = 'He looks away for half a second before looking back. ';
    const post = parsePost(`**Bold** ${sentence.repeat(160)}`, 'long.md');
    const out = renderNpf(bindPost(post, NO_RESOLUTIONS, { baseUrl: null }));
    const texts = out.post.content.filter((b) => b.type === 'text');
    expect(texts.length).toBe(3);
    for (const b of texts) {
      expect([...b.text].length).toBeLessThanOrEqual(4096);
      expect(b.text.endsWith('back.') || b.text.endsWith('back. ') || b.text.endsWith('back')).toBe(
        true,
      );
    }
    expect(texts[0]!.formatting).toEqual([{ start: 0, end: 4, type: 'bold' }]);
    expect(out.findings.map((f) => f.ruleId)).toEqual(['npf-text-split']);
  });

  it('reports more than 30 images', () => {
    const gifs = Array.from(
      { length: 31 },
      (_v, i) => `::gif{episode=S01E01 from=0:0${i % 5} to=0:06}`,
    ).join('\n\n');
    const post = parsePost(gifs, 'many.md');
    const g = (id: string) =>
      [
        id,
        {
          file: `${id}.gif`,
          src: '',
          width: 10,
          height: 10,
          bytes: 1,
          alt: 'a',
          caption: null,
          citation: { episodeId: 'S01E01', title: null, season: 1, number: 1, timeMs: 0 },
        },
      ] as const;
    const out = renderNpf(
      bindPost(
        post,
        { ...NO_RESOLUTIONS, gifs: new Map(post.refs.map((r) => g(r.id))) },
        { baseUrl: null },
      ),
    );
    expect(out.findings.find((f) => f.ruleId === 'npf-too-many-images')).toMatchObject({
      severity: 'error',
      reason: 'Tumblr takes at most 30 images in a post; this has 31',
    });
    // Without a base URL the images name their files for a multipart upload.
    expect(out.post.content[0]).toMatchObject({ media: [{ identifier: 'gif-1.gif' }] });
  });
});

/** A tiny HTML reader for the test: tag names and attribute names, in order. */
function tagsOf(html: string): { tag: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
    (m) => ({
      tag: m[1]!.toLowerCase(),
      attributes: [...(m[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((a) =>
        a[1]!.toLowerCase(),
      ),
    }),
  );
}

describe('compose: AO3', () => {
  it('uses only the elements and attributes AO3 allows, element by element', async () => {
    const r = await compose('ao3');
    const tags = tagsOf(r.text);
    expect(tags.length).toBeGreaterThan(20);
    for (const { tag, attributes } of tags) {
      expect(AO3_ELEMENTS, tag).toContain(tag);
      const allowed = [...ao3AllowedProperties(tag)].map((p) => p.toLowerCase());
      for (const a of attributes) expect(allowed, `${a} on <${tag}>`).toContain(a);
    }
    expect(r.text).toContain('<img src="https://example.org/gifs/post-01.gif"');
  });

  it('converts what AO3 lacks (task lists, footnote sections) and asks for a base URL', () => {
    const post = parsePost(
      '- [x] done\n\nA note.[^1]\n\n[^1]: The note.\n\n::gif{episode=S01E01 from=0:01 to=0:02}\n',
      'ao3.md',
    );
    const gifs = new Map([
      [
        post.refs[0]!.id,
        {
          file: 'a.gif',
          src: '',
          width: 10,
          height: 10,
          bytes: 1,
          alt: 'a',
          caption: null,
          citation: { episodeId: 'S01E01', title: 'Rain', season: 1, number: 1, timeMs: 1000 },
        },
      ],
    ]);
    const out = RENDERERS.ao3(bindPost(post, { ...NO_RESOLUTIONS, gifs }, { baseUrl: null }));
    for (const { tag } of tagsOf(out.text)) expect(AO3_ELEMENTS).toContain(tag);
    expect(out.text).toContain('[x] done');
    expect(out.findings.map((f) => f.ruleId)).toContain('ao3-image-url');
  });
});

const HOSTILE = `<script>alert(1)</script>

Text <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">a link</a>.

[click](javascript:alert(4)) [tab](java&#x09;script:alert(5)) ![pic](javascript:alert(6))

<div><p>unbalanced <b>bold

<iframe src="https://evil.example"></iframe>

[ref]: javascript:alert(7)

A [reference][ref] and <style>body{}</style> end.
`;

describe('compose: hostile input', () => {
  it('escapes a hostile title in HTML and keeps it plain text in NPF', () => {
    const post = parsePost('---\ntitle: "<script>alert(1)</script>"\n---\n\nHi.\n', 't.md');
    const input = bindPost(post, NO_RESOLUTIONS, { baseUrl: null });
    const html = RENDERERS.html(input).text;
    expect(html).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62;</title>');
    expect(html).toContain('<h1>&#x3C;script>alert(1)&#x3C;/script></h1>');
    expect(html).not.toMatch(/<script/);
    expect(RENDERERS.markdown(input).text).toContain('# \\<script>alert(1)\\</script>');
  });

  it('never lets script, event handlers, javascript: URLs or raw HTML into any output', () => {
    const post = parsePost(HOSTILE, 'hostile.md');
    const input = bindPost(post, NO_RESOLUTIONS, { baseUrl: null });
    for (const to of COMPOSE_TARGETS) {
      const { text } = RENDERERS[to](input);
      const body = to === 'html' ? text.slice(text.indexOf('<body>')) : text;
      expect(body, to).not.toMatch(
        /<script|onerror|javascript:|<iframe|<style|<div><p>unbalanced/i,
      );
      expect(body, to).not.toMatch(/java\s*script/i);
    }
    expect(post.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['raw-html', 'unsafe-url']),
    );
  });
});
