import { describe, expect, it } from 'vitest';
import { decodeEntities, readHtml } from './html.ts';

const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Talks with the Governor | Press Service</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><a href="/">Press Service</a><nav><ul><li>News</li><li>Photos</li></ul></nav></header>
<!-- banner <p>hidden</p> -->
<article>
  <h1>Talks with the Governor of Kursk Oblast</h1>
  <p class="dateline">Minsk, 5&nbsp;December 2017</p>
  <p>The President met the Governor.   Trade grew by 40.5&#37; to
     $96.3&nbsp;million &mdash; the parties agreed to go on.</p>
  <ul><li>tyres</li><li>potash fertilizers</li></ul>
  <p>Line one<br>line two</p>
  <table><tr><th>Year</th><th>Turnover</th></tr><tr><td>2017</td><td>96.3</td></tr></table>
</article>
<aside><p>Read also: another story with many words in it that is not this readout at all.</p></aside>
<footer>© 2017 Press Service</footer>
</body></html>`;

describe('reading a readout from a web page', () => {
  it('keeps the article text without menus, headers, sidebars, footers, scripts, styles or comments', () => {
    const { text } = readHtml(page);
    expect(text).toContain('The President met the Governor. Trade grew by 40.5% to $96.3\u00a0million — the parties');
    for (const gone of ['News', 'color: red', 'not text', 'hidden', 'Read also', '©']) expect(text).not.toContain(gone);
  });

  it('makes each block a paragraph, a <br> a line break and table cells columns apart', () => {
    const { text } = readHtml(page);
    expect(text).toContain('\n\ntyres\n\npotash fertilizers\n\n');
    expect(text).toContain('Line one\nline two');
    expect(text).toContain('Year\tTurnover\n\n2017\t96.3');
    expect(text).not.toMatch(/\n{3}/);
  });

  it('takes the headline as the title, else the page title', () => {
    expect(readHtml(page).title).toBe('Talks with the Governor of Kursk Oblast');
    expect(readHtml('<title>Переговоры в Минске</title><p>Текст</p>').title).toBe('Переговоры в Минске');
    expect(readHtml('<p>No title here</p>').title).toBeNull();
  });

  it('reads the whole page when it has no <article>', () => {
    const { text } = readHtml('<div>Переговоры &laquo;в&nbsp;Минске&raquo;</div><div>Вторая часть</div>');
    expect(text).toBe('Переговоры «в\u00a0Минске»\n\nВторая часть');
  });

  it('takes the longest article of a page that lists several', () => {
    const long = 'The talks covered trade, industry and housing. '.repeat(10);
    const html = `<article><p>Teaser one</p></article><article><p>${long}</p></article><article><p>Teaser two ${long.slice(0, 250)}</p></article>`;
    expect(readHtml(html).text).toBe(long.trim());
  });

  it('copes with broken markup: unclosed tags, stray end tags, a < in the text, an unterminated comment', () => {
    expect(readHtml('<p>a < b and <b>bold</i> text</p></div><p>next').text).toBe('a < b and bold text\n\nnext');
    expect(readHtml('<p>kept</p><!-- never closed <p>lost</p>').text).toBe('kept');
    expect(readHtml('<p title="a > b">quoted &gt; kept</p>').text).toBe('quoted > kept');
  });

  it('reads 5 MB of hostile tag soup in well under a second', () => {
    const soup =
      '<div><p class="x" title=\'<\'>a &amp b &#x4;<span><!-- x --> <b>bold</i></p><nav><tr><td>'.repeat(60_000) +
      `<script>${'</scrip'.repeat(100_000)}</script>` +
      '<a href="'.repeat(50_000);
    expect(soup.length).toBeGreaterThan(5_000_000);
    // CPU time, not wall time: the machine running the tests may be busy with others.
    const started = process.cpuUsage();
    readHtml(soup);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(750);
  });
});

describe('character references', () => {
  it('decodes named, decimal and hexadecimal references, and old pages’ dashes written as &#150;', () => {
    expect(decodeEntities('&laquo;BelAZ&raquo; &amp; &#1041;&#x435;&#x43B; &#150; &#8470;&nbsp;5')).toBe(
      '«BelAZ» & Бел – №\u00a05',
    );
  });

  it('leaves a reference that stands for nothing as written', () => {
    expect(decodeEntities('AT&T &unknown; &copy2017 &#;')).toBe('AT&T &unknown; &copy2017 &#;');
  });
});
