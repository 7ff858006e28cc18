import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvStream } from './csv';

test('the streaming CSV parser reads quotes, doubled quotes and newlines inside quotes, however the text is chunked', () => {
  const text = 'NIK,NAMA,ALAMAT\r\n3507015203850003,"RAHAYU, SITI","Dusun ""Krajan""\nRT 01"\r\n3507011204900004,AGUS,\n3507011204900005,"",Jl. Raya';
  const expected = [
    ['NIK', 'NAMA', 'ALAMAT'],
    ['3507015203850003', 'RAHAYU, SITI', 'Dusun "Krajan"\nRT 01'],
    ['3507011204900004', 'AGUS', ''],
    ['3507011204900005', '', 'Jl. Raya'],
  ];
  for (const size of [1, 2, 3, 7, 16, 1000]) {
    const p = new CsvStream(',');
    const rows: string[][] = [];
    for (let i = 0; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
    rows.push(...p.end());
    assert.deepEqual(rows, expected, `chunks of ${size}`);
  }
});
