import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buatNik, periksaNik } from './nik';

const today = new Date('2026-01-01');

test('a valid NIK of a woman from Kab. Malang tells region, birth date and sex', () => {
  const info = periksaNik('3507015203850003', { today });
  assert.equal(info.valid, true, info.errors.join());
  assert.equal(info.provinsi, '35');
  assert.equal(info.kabupaten, '35.07');
  assert.equal(info.kecamatan, '35.07.01');
  assert.equal(info.tanggalLahir, '1985-03-12');
  assert.equal(info.jenisKelamin, 'P');
  assert.equal(info.namaKabupaten, 'Kabupaten Malang');
});

test('two-digit years resolve to the most recent past century', () => {
  assert.equal(periksaNik('3507011203150003', { today }).tanggalLahir, '2015-03-12');
  assert.equal(periksaNik('3507011203300003', { today }).tanggalLahir, '1930-03-12');
});

test('wrong length, letters, unknown province or kabupaten, impossible dates and serial 0000 are errors', () => {
  assert.match(periksaNik('350701520385', { today }).errors[0]!, /16 angka/);
  assert.match(periksaNik('35070152038500AB', { today }).errors[0]!, /angka/);
  assert.match(periksaNik('9907015203850003', { today }).errors.join(), /provinsi 99/);
  assert.match(periksaNik('3599015203850003', { today }).errors.join(), /kabupaten\/kota 3599/);
  assert.match(periksaNik('3507013102850003', { today }).errors.join(), /bukan tanggal lahir/); // 31 Feb
  assert.match(periksaNik('3507017203850003', { today }).errors.join(), /bukan tanggal lahir/); // day 72
  assert.match(periksaNik('3507015203850000', { today }).errors.join(), /0000/);
  assert.match(periksaNik('3.50702E+15', { today }).errors.join(), /notasi ilmiah/);
});

test('a NIK issued elsewhere in Indonesia is valid; an unknown kecamatan in Jawa Timur is only a warning', () => {
  const jakarta = periksaNik('3171011203850003', { today });
  assert.equal(jakarta.valid, true);
  assert.equal(jakarta.namaKabupaten, 'Kota Administrasi Jakarta Pusat');
  const oldCode = periksaNik('3507991203850003', { today });
  assert.equal(oldCode.valid, true);
  assert.match(oldCode.warnings.join(), /kecamatan 350799/);
});

test('disagreement with the entered sex or birth date is a warning', () => {
  const info = periksaNik('3507015203850003', { today, jenisKelamin: 'L', tanggalLahir: '1985-03-13' });
  assert.equal(info.valid, true);
  assert.equal(info.warnings.length, 2);
  assert.match(info.warnings[0]!, /perempuan/);
});

test('buatNik builds NIKs that periksaNik accepts', () => {
  const nik = buatNik('35.07.01', '1990-07-04', 'P', 12);
  assert.equal(nik, '3507014407900012');
  const info = periksaNik(nik, { today });
  assert.equal(info.valid, true);
  assert.equal(info.tanggalLahir, '1990-07-04');
});
