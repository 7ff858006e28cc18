import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvStream } from './ekstrak';
import { parseCsv } from './spreadsheet';

test('the streaming CSV parser gives the same records as the whole-file parser, however the text is chunked', () => {
  const text = 'NIK,NAMA,ALAMAT\r\n3507015203850003,"RAHAYU, SITI","Dusun ""Krajan""\nRT 01"\r\n3507011204900004,AGUS,\n3507011204900005,"",Jl. Raya';
  const expected = parseCsv(text, ',');
  for (const size of [1, 2, 3, 7, 16, 1000]) {
    const p = new CsvStream(',');
    const rows: string[][] = [];
    for (let i = 0; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
    rows.push(...p.end());
    assert.deepEqual(rows, expected, `chunks of ${size}`);
  }
});
