// The XLSX writer, read back two ways: as a zip (the parts Excel needs) and with a spreadsheet
// reader (read-excel-file), which sees what a person opening the file would.
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, createXlsxWriter, escapeXml, MAX_CELL_CHARS, type XlsxOptions } from '@/lib/export/xlsx';

const MODIFIED = new Date('2026-12-01T09:00:00Z');

function write(build: (w: ReturnType<typeof createXlsxWriter>) => void, options: Partial<XlsxOptions> = {}) {
  const chunks: Uint8Array[] = [];
  const writer = createXlsxWriter(
    [
      { name: 'Reviews', header: ['review_id', 'score', 'subject'] },
      { name: 'Answers', header: ['review_id', 'criterion_id'] },
    ],
    (chunk) => chunks.push(chunk),
    { modified: MODIFIED, ...options },
  );
  build(writer);
  writer.finish();
  return { bytes: Buffer.concat(chunks), writer, chunks: chunks.length };
}

describe('createXlsxWriter', () => {
  it('writes a workbook with the two sheets, bold frozen headers and typed cells', async () => {
    const { bytes } = write((w) => {
      // Rows of the two sheets interleave, as an export writes them.
      w.addRow(0, ['r-1', 87.5, 'Refund']);
      w.addRow(1, ['r-1', 'tone']);
      w.addRow(1, ['r-1', 'accuracy']);
      w.addRow(0, ['r-2', null, '']);
      w.addRow(1, ['r-2', 'tone']);
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Reviews" sheetId="1" r:id="rId1"/><sheet name="Answers" sheetId="2" r:id="rId2"/>');
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet1).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">review_id</t></is></c>');
    expect(sheet1).toContain('<c r="B2"><v>87.5</v></c>');
    // Empty cells are left out.
    expect(sheet1).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">r-2</t></is></c></row>');

    const sheets = await readExcelFile(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Reviews', 'Answers']);
    expect(sheets[0]!.data).toEqual([
      ['review_id', 'score', 'subject'],
      ['r-1', 87.5, 'Refund'],
      ['r-2', null, null],
    ]);
    expect(sheets[1]!.data).toEqual([
      ['review_id', 'criterion_id'],
      ['r-1', 'tone'],
      ['r-1', 'accuracy'],
      ['r-2', 'tone'],
    ]);
  });

  it('keeps hostile text as text: XML escaped, formulas guarded as in the CSV, characters XML cannot hold replaced', async () => {
    const subject = '=HYPERLINK("http://evil") <b>&amp;</b>\u0001 two\r\nlines';
    const { bytes } = write((w) => w.addRow(0, ['r-1', 1, subject]));
    const [reviews] = await readExcelFile(bytes);
    expect(reviews!.data[1]![2]).toBe(`'=HYPERLINK("http://evil") <b>&amp;</b>\uFFFD two\r\nlines`);
    expect(escapeXml('a & b < c > "d"\r\uD800x')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;&#13;\uFFFDx');
    // A literal "_x0041_" would be read by Excel as an escaped "A": its underscore is escaped.
    const sheet = strFromU8(unzipSync(write((w) => w.addRow(0, ['_x0041_'])).bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('>_x005F_x0041_<');
  });

  it('cuts a cell at Excel\'s 32 767 characters and counts it', async () => {
    const { bytes, writer } = write((w) => w.addRow(0, ['r-1', 1, 'x'.repeat(MAX_CELL_CHARS + 10)]));
    expect(writer.shortenedCells).toBe(1);
    const [reviews] = await readExcelFile(bytes);
    const cell = reviews!.data[1]![2] as string;
    expect(cell).toHaveLength(MAX_CELL_CHARS);
    expect(cell.endsWith('…')).toBe(true);
  });

  it('stops adding rows to a full sheet and counts what was left out', async () => {
    const { bytes, writer } = write(
      (w) => {
        for (let i = 0; i < 5; i++) expect(w.addRow(1, [`r-${i}`, 'tone'])).toBe(i < 2);
        w.addRow(0, ['r-0', 1, 'fine']);
      },
      { maxRows: 3 },
    );
    expect(writer.rows).toEqual([2, 3]);
    expect(writer.dropped).toEqual([0, 3]);
    const sheets = await readExcelFile(bytes);
    expect(sheets[1]!.data).toHaveLength(3);
  });

  it('streams: a large sheet arrives in many chunks, not as one buffer', () => {
    const { chunks } = write((w) => {
      for (let i = 0; i < 8_000; i++) w.addRow(0, [`review-${i}`, i, `Subject number ${i} with some words in it`]);
    });
    expect(chunks).toBeGreaterThan(10);
  });

  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
