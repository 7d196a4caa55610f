/**
 * CSV as every export of Jumelage writes it: UTF-8 with a byte order mark, comma separated, every field
 * quoted, CRLF line ends (opens as-is in Excel, LibreOffice and Numbers). A text cell a spreadsheet would
 * run as a formula (= + - @, tab, CR first) is defused with a leading apostrophe; numbers stay numbers.
 */
export type CsvCell = string | number;

export function csvField(value: CsvCell): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvLine(fields: readonly CsvCell[]): string {
  return fields.map(csvField).join(',');
}

/** The whole file: the rows (the first is the header) with the byte order mark and a final line end. */
export function csvFile(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
}
