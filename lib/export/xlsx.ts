// XLSX (contract §11): a workbook written row by row into a zip stream, so 100 000 reviews never
// sit in memory as one workbook. The spreadsheet libraries build the whole workbook first
// (exceljs streams only under Node; write-excel-file takes every row at once and compresses in
// a worker made from a blob: URL, which an extension page's CSP refuses), so the file is written
// here as SpreadsheetML with inline strings, and zipped by fflate's synchronous streaming Zip (no
// workers, no eval). Sheets may be written at the same time: fflate keeps a later sheet's
// compressed bytes until the earlier one is finished.
//
// Cells are the CSV writer's (`reviewCells`, `answerCells`): numbers become number cells, text is
// guarded against formulas exactly as in the CSV files, so every format shows the same values.
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { guardText, type Cell } from './csv';

/** Excel's limits: rows per sheet (header included) and characters per cell. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;

export interface XlsxSheet {
  name: string;
  header: readonly string[];
}

export interface XlsxWriter {
  /** appends a row to the sheet at `sheet`; false (and nothing written) when that sheet is full */
  addRow(sheet: number, cells: readonly Cell[]): boolean;
  /** ends every sheet and the archive; the last chunk has been handed over when it returns */
  finish(): void;
  /** rows per sheet, header included */
  readonly rows: readonly number[];
  /** rows left out because their sheet was full */
  readonly dropped: readonly number[];
  /** text cells cut to Excel's 32 767 characters */
  readonly shortenedCells: number;
}

export interface XlsxOptions {
  /** the files' time in the archive (pure code takes no clock) */
  modified: Date;
  /** deflate level, 0–9; 1 is fast and the XML still shrinks about tenfold */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** rows per sheet, header included (tests lower it) */
  maxRows?: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(sheets: readonly XlsxSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${list}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

// Style 1 is the bold header row; Excel wants the two built-in fills and one border to exist.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

// The header row stays in view while scrolling.
const SHEET_START = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** A, B, … Z, AA, AB, … for the 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Characters XML 1.0 cannot hold (controls other than tab, line feed and carriage return; lone
// surrogates; U+FFFE/U+FFFF): one of them and Excel calls the whole file damaged.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"\r]/g;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
// Excel reads "_x0041_" in a cell as an escaped "A"; its own escape for a literal "_" keeps it.
const EXCEL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(XML_SPECIAL, (c) => XML_ENTITY[c]!);
}

/** Buffers a sheet's XML and hands it to its zip entry in pieces of about 64 kB. */
class SheetStream {
  private buffer = '';
  rows = 0;
  dropped = 0;

  constructor(private readonly file: ZipDeflate) {}

  write(xml: string): void {
    this.buffer += xml;
    if (this.buffer.length >= 65_536) this.flush(false);
  }

  flush(final: boolean): void {
    this.file.push(strToU8(this.buffer), final);
    this.buffer = '';
  }
}

export function createXlsxWriter(sheets: readonly XlsxSheet[], onChunk: (chunk: Uint8Array) => void, options: XlsxOptions): XlsxWriter {
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    onChunk(chunk);
  });
  const level = options.level ?? 1;
  const maxRows = options.maxRows ?? MAX_SHEET_ROWS;
  const addFile = (name: string) => {
    const file = new ZipDeflate(name, { level });
    file.mtime = options.modified;
    zip.add(file);
    return file;
  };
  const addWhole = (name: string, text: string) => addFile(name).push(strToU8(text), true);

  addWhole('[Content_Types].xml', contentTypes(sheets.length));
  addWhole('_rels/.rels', ROOT_RELS);
  addWhole('xl/workbook.xml', workbook(sheets));
  addWhole('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  addWhole('xl/styles.xml', STYLES);

  const columns: string[] = [];
  const column = (i: number) => (columns[i] ??= columnName(i));
  let shortenedCells = 0;

  const textCell = (ref: string, text: string, style: string) => {
    let value = text;
    if (value.length > MAX_CELL_CHARS) {
      value = `${value.slice(0, MAX_CELL_CHARS - 1)}…`;
      shortenedCells += 1;
    }
    if (value.includes('_x')) value = value.replace(EXCEL_ESCAPE, '_x005F_');
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  };

  const rowXml = (rowNumber: number, cells: readonly Cell[], header: boolean) => {
    let xml = `<row r="${rowNumber}">`;
    const style = header ? ' s="1"' : '';
    cells.forEach((cell, i) => {
      if (cell === null || cell === undefined || cell === '') return;
      const ref = `${column(i)}${rowNumber}`;
      if (typeof cell === 'number' && Number.isFinite(cell)) xml += `<c r="${ref}"${style}><v>${cell}</v></c>`;
      else xml += textCell(ref, typeof cell === 'string' ? (header ? cell : guardText(cell)) : String(cell), style);
    });
    return `${xml}</row>`;
  };

  const streams = sheets.map((sheet, i) => {
    const stream = new SheetStream(addFile(`xl/worksheets/sheet${i + 1}.xml`));
    stream.write(SHEET_START);
    stream.rows = 1;
    stream.write(rowXml(1, sheet.header, true));
    return stream;
  });
  zip.end();

  return {
    addRow(sheet, cells) {
      const stream = streams[sheet];
      if (!stream) throw new RangeError(`No sheet ${sheet}`);
      if (stream.rows >= maxRows) {
        stream.dropped += 1;
        return false;
      }
      stream.rows += 1;
      stream.write(rowXml(stream.rows, cells, false));
      return true;
    },
    finish() {
      for (const stream of streams) {
        stream.write(SHEET_END);
        stream.flush(true);
      }
    },
    get rows() {
      return streams.map((s) => s.rows);
    },
    get dropped() {
      return streams.map((s) => s.dropped);
    },
    get shortenedCells() {
      return shortenedCells;
    },
  };
}
