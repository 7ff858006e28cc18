import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waktuDibuat } from './spreadsheet';

test('a workbook says when it was made in WIB, whatever the PC\'s time zone', () => {
  assert.equal(waktuDibuat(new Date('2026-12-05T20:26:00Z')), '6 Desember 2026 pukul 03.26 WIB');
  assert.equal(waktuDibuat(new Date('2026-12-06T07:05:00Z')), '6 Desember 2026 pukul 14.05 WIB');
});
