import { describe, expect, it } from 'vitest';
import type { PackBlock, PackDocument, PackInline } from '../../../shared/pack/document';
import { safeHref } from '../../../shared/pack/html-escape';
import { attachmentContentsKey, renderPackHtml } from '../../../shared/pack/render-html';
import { BURGLARY_TABLE_ID, samplePack, SAMPLE_ATTACHMENT_ID } from '../../fixtures/pack/sample-pack';

/** The sample pack with the paper of its second section replaced by `blocks`. */
function withPaper(blocks: readonly PackBlock[]): PackDocument {
  const pack = samplePack();
  return {
    ...pack,
    sections: pack.sections.map((section, index) => (index === 1 ? { ...section, blocks } : section)),
  };
}

const paragraph = (...inlines: PackInline[]): PackBlock => ({ kind: 'paragraph', inlines });

/** The HTML of one table row, found by its row id. */
function rowHtml(html: string, rowId: string): string {
  const match = new RegExp(`<tr class="([^"]*)" data-row-id="${rowId}">(.*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row ${rowId}`);
  return match[0];
}

describe('renderPackHtml', () => {
  it('is one standalone HTML document: en-GB, inline style, no scripts and nothing fetched', () => {
    const html = renderPackHtml(samplePack(), { mode: 'print' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Safer and Stronger Bucks Partnership Board: 12 March 2014</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('prints a cover with the board, date, venue, marking, attendees and apologies', () => {
    const html = renderPackHtml(samplePack(), { mode: 'print' });
    const cover = html.slice(html.indexOf('<header class="cover'), html.indexOf('</header>'));
    expect(cover).toContain('<p class="cover-title">Safer and Stronger Bucks Partnership Board</p>');
    expect(cover).toContain('Wednesday 12 March 2014, 10:00');
    expect(cover).toContain('Mezzanine Room 2, County Hall, Aylesbury');
    expect(cover).toContain('<p class="cover-marking">OFFICIAL</p>');
    expect(cover).toContain('Gill Harding<span class="role">, Chair, Buckinghamshire County Council</span>');
    expect(cover).toContain('Helen Brennan<span class="role">, Probation</span>');
    expect(cover).toContain('<li>Andy Skinner</li>');
    expect(cover).toContain('Draft built from live data on 3 March 2014: not yet issued.');
  });

  it('gives each section one h1 with its number and title, on a new page, with its presenter and time', () => {
    const pack = samplePack();
    const html = renderPackHtml(pack, { mode: 'print' });
    expect(html.match(/<h1\b/g)).toHaveLength(pack.sections.length);
    expect(html).toContain(
      '<h1 id="item-12-title"><span class="section-number">3</span> <span class="section-title">Domestic burglary by police area</span></h1>',
    );
    expect(html).toContain('<p class="section-meta">Presented by Thames Valley Police · 10 minutes</p>');
    expect(html.match(/<section class="pack-section sheet"/g)).toHaveLength(pack.sections.length);
    expect(html).toMatch(/\.pack-section, \.contents \{ break-before: page;/);
  });

  it('lists every section in the contents, with page numbers only when printing and known', () => {
    const pack = samplePack();
    const pages = new Map(pack.sections.map((section, index) => [section.id, index + 3]));
    pages.set(attachmentContentsKey(SAMPLE_ATTACHMENT_ID), 14);
    const printed = renderPackHtml(pack, { mode: 'print', contentsPages: pages });
    expect(printed).toContain(
      '<li><a href="#item-12"><span class="toc-number">3</span><span class="toc-title"><span>Domestic burglary by police area</span></span><span class="toc-page">5</span></a>',
    );
    expect(printed).toMatch(
      /Thames Valley Police: Buckinghamshire LPA performance, Q3 2013\/14<\/span><\/span><span class="toc-page">14<\/span>/,
    );

    const firstPass = renderPackHtml(pack, { mode: 'print' });
    const preview = renderPackHtml(pack, { mode: 'preview', contentsPages: pages });
    for (const html of [firstPass, preview]) {
      expect(html.match(/<span class="toc-page"><\/span>/g)).toHaveLength(pack.sections.length + 1);
    }
    // The same markup either way but for the numbers: the contents page cannot change length between prints.
    expect(printed.replace(/<span class="toc-page">\d+<\/span>/g, '<span class="toc-page"></span>')).toBe(firstPass);
  });

  it('shows the marking at the top in preview, and leaves it to the running header in print', () => {
    const preview = renderPackHtml(samplePack(), { mode: 'preview' });
    const print = renderPackHtml(samplePack(), { mode: 'print' });
    expect(preview).toContain('<div class="marking-banner" role="note" aria-label="Protective marking">OFFICIAL</div>');
    expect(preview).not.toContain('@media print { .marking-banner { display: none; } }');
    expect(print).toContain('@media print { .marking-banner { display: none; } }');
  });

  it('escapes every text: paper text, headings, field sources, table cells, captions and people', () => {
    const hostile = '<script>alert("x")</script> & \'quoted\'';
    const pack = withPaper([
      { kind: 'heading', level: 2, text: hostile },
      paragraph(
        { kind: 'text', text: hostile, bold: true },
        { kind: 'field', source: '{{figure "<img src=x onerror=alert(1)>"}}', text: '<b>886</b>', problem: null },
      ),
      { kind: 'note', text: hostile },
      { kind: 'facts', facts: [{ label: hostile, value: hostile }] },
      {
        kind: 'table',
        table: {
          id: 'x:table',
          caption: hostile,
          columns: [{ header: hostile, numeric: false }],
          rows: [{ id: '"><script>', kind: 'body', cells: [{ text: hostile }] }],
          notes: [hostile],
        },
      },
    ]);
    const html = renderPackHtml(
      { ...pack, cover: { ...pack.cover, attendees: [{ name: hostile, role: hostile }] } },
      { mode: 'preview' },
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>886</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html).toContain(
      '<span class="field" data-field="{{figure &quot;&lt;img src=x onerror=alert(1)&gt;&quot;}}">&lt;b&gt;886&lt;/b&gt;</span>',
    );
    expect(html).toContain('data-row-id="&quot;&gt;&lt;script&gt;"');
  });

  it('prints a resolved field as its value, marked as bound to data', () => {
    const html = renderPackHtml(samplePack(), { mode: 'preview' });
    expect(html).toContain(
      'there were <span class="field" data-field="{{figure &quot;Domestic burglary&quot; &quot;Total Bucks&quot; &quot;Apr-Dec 2013&quot;}}">886</span> domestic burglaries',
    );
    expect(html).toContain('>-20%</span> when compared');
  });

  it('marks an unresolved field where it stands, naming it and why: never blank', () => {
    const source = '{{figure "Domestic burglary" "Total Buck" "Apr-Dec 2013"}}';
    const html = renderPackHtml(
      withPaper([
        paragraph(
          { kind: 'text', text: 'There were ' },
          { kind: 'field', source, text: null, problem: 'no area is called "Total Buck"; did you mean "Total Bucks"?' },
          { kind: 'text', text: ' burglaries.' },
        ),
      ]),
      { mode: 'print' },
    );
    expect(html).toContain(
      'There were <span class="field field-unresolved" data-field="{{figure &quot;Domestic burglary&quot; &quot;Total Buck&quot; &quot;Apr-Dec 2013&quot;}}" data-unresolved="true">' +
        '⚠ unknown reference: {{figure &quot;Domestic burglary&quot; &quot;Total Buck&quot; &quot;Apr-Dec 2013&quot;}}' +
        ' (no area is called &quot;Total Buck&quot;; did you mean &quot;Total Bucks&quot;?)</span> burglaries.',
    );
    expect(html).toMatch(/\.field-unresolved \{[^}]*color: #8a1c1c/);
  });

  it('keeps bold, italic and links, and prints a link only when it is http, https or mailto', () => {
    const html = renderPackHtml(
      withPaper([
        paragraph(
          { kind: 'text', text: 'bold', bold: true },
          { kind: 'text', text: 'italic', italic: true },
          { kind: 'text', text: 'both', bold: true, italic: true, link: 'https://www.police.uk/?a=1&b=2' },
          { kind: 'text', text: 'mail', link: 'mailto:safer@buckscc.gov.uk' },
          { kind: 'text', text: 'js', link: 'javascript:alert(1)' },
          { kind: 'text', text: 'tabbed', link: 'java\tscript:alert(1)' },
          { kind: 'text', text: 'data', link: 'data:text/html,<script>alert(1)</script>' },
          { kind: 'text', text: 'relative', link: '//evil.example/x' },
          { kind: 'text', text: 'file', link: 'file:///etc/passwd' },
        ),
      ]),
      { mode: 'print' },
    );
    const paper = html.slice(html.indexOf('<p><strong>bold'), html.indexOf('</p>', html.indexOf('<p><strong>bold')));
    expect(paper).toBe(
      '<p><strong>bold</strong><em>italic</em>' +
        '<a href="https://www.police.uk/?a=1&amp;b=2"><strong><em>both</em></strong></a>' +
        '<a href="mailto:safer@buckscc.gov.uk">mail</a>jstabbeddatarelativefile',
    );
    expect(safeHref(' HTTPS://www.police.uk ')).toBe('HTTPS://www.police.uk');
    expect(safeHref('https://')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
  });

  it('prints tables with a caption, column headers, right-aligned numbers, bold totals and italic comparators', () => {
    const html = renderPackHtml(samplePack(), { mode: 'print' });
    const start = html.indexOf(`<table class="data keep-whole" data-table-id="${BURGLARY_TABLE_ID}">`);
    expect(start).toBeGreaterThan(0);
    const table = html.slice(start, html.indexOf('</table>', start));
    expect(table).toContain('<caption>Domestic burglary by police area, Apr-Dec 2012 and Apr-Dec 2013</caption>');
    expect(table).toContain(
      '<thead><tr><th scope="col">Police area</th><th scope="col" class="num">Apr-Dec 2012</th><th scope="col" class="num">Apr-Dec 2013</th>' +
        '<th scope="col" class="num">Difference</th><th scope="col" class="num">% change</th><th scope="col" class="num">Target</th><th scope="col">RAG</th></tr></thead>',
    );
    const wycombe = rowHtml(table, 'area:5');
    expect(wycombe).toContain('<th scope="row" class="nowrap">Wycombe</th><td class="num">367</td>');
    expect(wycombe).toContain('<td class="num">-166</td><td class="num">-45%</td>');
    expect(rowHtml(table, 'total')).toMatch(/^<tr class="row-total"/);
    expect(rowHtml(table, 'total')).toContain(
      '<th scope="row" class="nowrap">Total Bucks</th><td class="num">1,108</td>',
    );
    expect(html).toMatch(/table\.data \.num \{ text-align: right; font-variant-numeric: tabular-nums;/);
    expect(html).toMatch(/table\.data tr\.row-total th, table\.data tr\.row-total td \{\s*font-weight: 700;/);
    expect(html).toMatch(/table\.data tr\.row-comparator th, table\.data tr\.row-comparator td \{ font-style: italic;/);
    expect(rowHtml(html, 'comparator:england')).toMatch(/^<tr class="row-comparator"/);
    expect(html).toMatch(/table\.data thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/table\.data tr \{ break-inside: avoid;/);
  });

  it('never leaves a table row alone on a page: short tables move whole, long ones keep two rows at each end', () => {
    const pack = samplePack();
    const table = pack.sections.flatMap((section) => section.blocks).find((block) => block.kind === 'table');
    if (table?.kind !== 'table') throw new Error('the sample pack has a table');
    const rows = Array.from({ length: 20 }, (_, index) => ({ ...table.table.rows[0], id: `long:${index + 1}` }));
    const long = { ...table.table, id: 'item:12:table:9', rows } as typeof table.table;
    const html = renderPackHtml(
      { ...pack, sections: [{ ...pack.sections[0], blocks: [{ kind: 'table', table: long }] }] } as PackDocument,
      { mode: 'print' },
    );
    const start = html.indexOf('<table class="data" data-table-id="item:12:table:9">');
    expect(start).toBeGreaterThan(0);
    const bodies = [
      ...html.slice(start, html.indexOf('</table>', start)).matchAll(/<tbody([^>]*)>([\s\S]*?)<\/tbody>/g),
    ];
    expect(bodies.map(([, attributes, body]) => [attributes, (body?.match(/<tr /g) ?? []).length])).toEqual([
      [' class="keep-together"', 2],
      ['', 16],
      [' class="keep-together"', 2],
    ]);
    expect(html).toMatch(/table\.data\.keep-whole, table\.data tbody\.keep-together \{ break-inside: avoid;/);
  });

  it('prints a RAG cell with its colour and its word, and a provisional figure marked', () => {
    const pack = samplePack();
    const html = renderPackHtml(pack, { mode: 'print' });
    expect(rowHtml(html, 'total')).toContain(
      '<td class="rag rag-green" data-rag="green" data-column="RAG"><span class="rag-swatch" aria-hidden="true"></span>Green</td>',
    );
    expect(html).toContain('<span class="rag-swatch" aria-hidden="true"></span>Overdue</td>');
    expect(html).toMatch(/\.rag-red \.rag-swatch \{ background: #c0392b; \}/);
    // A RAG cell without text still says its word.
    const wordless = withPaper([
      {
        kind: 'table',
        table: {
          id: 't',
          caption: 'RAG only',
          columns: [
            { header: 'Area', numeric: false },
            { header: 'RAG', numeric: false },
          ],
          rows: [{ id: 'r', kind: 'body', cells: [{ text: 'Aylesbury' }, { text: '', rag: 'amber' }] }],
          notes: [],
        },
      },
    ]);
    expect(renderPackHtml(wordless, { mode: 'print' })).toContain('</span>Amber</td>');
    expect(rowHtml(html, 'area:5')).toContain(
      '<td class="num is-provisional">201<abbr class="provisional" title="provisional">p</abbr></td>',
    );
    expect(html).toContain('<li>p: provisional figure, subject to revision.</li>');
  });

  it('draws a chart as inline SVG named by its summary, followed by its table', () => {
    const pack = samplePack();
    const chart = pack.sections[2]?.blocks[0];
    if (chart?.kind !== 'chart') throw new Error('the sample pack has a chart in its third section');
    const html = renderPackHtml(pack, { mode: 'print' });
    const figure = html.slice(html.indexOf('<figure class="chart"'), html.indexOf('</figure>'));
    expect(figure).toMatch(
      new RegExp(
        `<svg xmlns="http://www.w3.org/2000/svg"[^>]* role="img" aria-label="Bar chart of Domestic burglary \\(count\\) by area`,
      ),
    );
    expect(figure).not.toContain('aria-labelledby');
    expect(figure).toContain('id="item-12-chart-chart-title"');
    expect(figure).toContain(
      '<caption>Domestic burglary by police area: the figures the chart draws (count)</caption>',
    );
    expect(figure).toContain('<th scope="row">Wycombe</th><td class="num">367</td><td class="num">201</td>');
  });

  it('takes scripts, event handlers and outside links out of a chart SVG', () => {
    const pack = withPaper([
      {
        kind: 'chart',
        chart: {
          id: 'c1',
          title: 'Hostile',
          summary: 'A "chart" <summary>',
          svg:
            '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)" role="presentation">' +
            '<script>alert(2)</script><defs><linearGradient id="g"/></defs><rect fill="url(#g)" onclick="alert(3)"/>' +
            '<a href="https://evil.example"><text>x</text></a><image href="http://evil.example/x.png"/>' +
            '<rect fill="url(http://evil.example/y)"/><foreignObject><div>html</div></foreignObject></svg>',
          width: 10,
          height: 10,
          table: { caption: 'c', headers: ['Area', 'Value'], rows: [['A', '1']] },
        },
      },
    ]);
    const html = renderPackHtml(pack, { mode: 'print' });
    const figure = html.slice(
      html.indexOf('<figure class="chart" id="c1"'),
      html.indexOf('</figure>', html.indexOf('id="c1"')),
    );
    expect(figure).toContain('role="img" aria-label="A &quot;chart&quot; &lt;summary&gt;"');
    expect(figure).not.toMatch(/script|onload|onclick|evil\.example|foreignObject|<\?xml|presentation/);
    expect(figure).toContain('<linearGradient id="c1-g"/>');
    expect(figure).toContain('fill="url(#c1-g)"');
  });

  it('does not inline a chart SVG it cannot clean, and prints the chart’s figures instead', () => {
    const chart = {
      id: 'c2',
      title: 'Broken',
      summary: 'Broken',
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)<rect/></svg>',
      width: 10,
      height: 10,
      table: { caption: 'Broken: figures', headers: ['Area', 'Value'], rows: [['Wycombe', '201']] },
    };
    const html = renderPackHtml(withPaper([{ kind: 'chart', chart }]), { mode: 'print' });
    expect(html).not.toMatch(/<script|alert/);
    expect(html).toContain('<p class="note">The chart "Broken" could not be drawn; its figures follow.</p>');
    expect(html).toContain('<th scope="row">Wycombe</th><td class="num">201</td>');
  });

  it('prints facts as a description list, notes in italics and page breaks', () => {
    const html = renderPackHtml(
      withPaper([
        { kind: 'facts', facts: [{ label: 'Desired outcome', value: 'Fewer repeat victims' }] },
        { kind: 'note', text: 'Figures to December.' },
        { kind: 'page-break' },
      ]),
      { mode: 'print' },
    );
    expect(html).toContain('<dl class="facts"><div><dt>Desired outcome</dt><dd>Fewer repeat victims</dd></div></dl>');
    expect(html).toContain('<p class="note">Figures to December.</p>');
    expect(html).toContain('<div class="page-break" aria-hidden="true"></div>');
    expect(html).toMatch(/\.note \{ font-style: italic;/);
  });
});
