import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';

// What a new officer does on the first day: set up the office, record a facilitator, a group and
// three members, import the rest of the member list from Excel, search, reload: everything is there.

test('a new officer sets up the office, records a group with members, imports a list and finds them again', async ({ page, web }) => {
  await page.goto(web.url);

  // First run: setup screen
  await expect(page.getByRole('heading', { name: 'Persiapan Bermantra' })).toBeVisible();
  await page.getByLabel('Kabupaten/Kota', { exact: true }).selectOption({ label: 'Kabupaten Malang (35.07)' });
  await page.getByLabel('Nama operator').fill('Rina Operator');
  await page.getByLabel('Nama Kepala Bappeda').fill('Ir. Budi Santoso, M.T.');
  await page.getByLabel('NIP Kepala Bappeda').fill('197001012000031001');
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();
  await expect(page.getByRole('heading', { name: 'Beranda' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Kabupaten Malang');

  // Fasilitator
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Fasilitator' }).click();
  await page.getByRole('button', { name: 'Tambah fasilitator' }).click();
  let dialog = page.getByRole('dialog', { name: 'Tambah fasilitator' });
  await dialog.getByLabel('Nama fasilitator').fill('Dewi Pendamping');
  await dialog.getByLabel('No. HP').fill('081234567890');
  await dialog.getByLabel('Kecamatan tugas').selectOption({ label: 'Donomulyo' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Daftar fasilitator' })).toContainText('Dewi Pendamping');

  // Kelompok
  await page.getByRole('link', { name: 'Kelompok binaan' }).click();
  await page.getByRole('button', { name: 'Tambah kelompok' }).click();
  dialog = page.getByRole('dialog', { name: 'Tambah kelompok' });
  await dialog.getByLabel('Nama kelompok').fill('KUBE Srikandi Makmur');
  await dialog.getByLabel('Kecamatan').selectOption({ label: 'Donomulyo' });
  await dialog.getByLabel('Desa/Kelurahan').selectOption({ label: 'Tulungrejo' });
  await dialog.getByLabel('Sektor/jenis usaha').fill('Kuliner dan olahan pangan');
  await dialog.getByLabel('Produk utama').fill('keripik singkong');
  await dialog.getByLabel('Tahun berdiri').fill('2021');
  await dialog.getByLabel('Fasilitator pendamping').selectOption({ label: 'Dewi Pendamping' });
  // The group agreed to be named on the public website.
  await dialog.getByRole('checkbox', { name: /Tampilkan di situs web publik/ }).check();
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Daftar kelompok' })).toContainText('KUBE Srikandi Makmur');

  // Three anggota through the form
  await page.getByRole('link', { name: 'Anggota', exact: true }).click();
  const members = [
    // Typed the Indonesian way: day first, no separators.
    { nik: '3507015203850003', nama: 'Siti Rahayu', jk: 'Perempuan', lahir: '12031985', jabatan: 'Ketua' },
    { nik: '3507011204900004', nama: 'Agus Santoso', jk: 'Laki-laki', lahir: '1990-04-12', jabatan: 'Bendahara' },
    { nik: '3507014506880005', nama: 'Lilik Wahyuni', jk: 'Perempuan', lahir: '1988-06-05', jabatan: 'Anggota' },
  ];
  for (const m of members) {
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    dialog = page.getByRole('dialog', { name: 'Tambah anggota' });
    await dialog.getByLabel('Kelompok', { exact: true }).selectOption({ label: 'KUBE Srikandi Makmur (Tulungrejo)' });
    await dialog.getByLabel('NIK').fill(m.nik);
    await dialog.getByLabel('Nama lengkap').fill(m.nama);
    await dialog.getByLabel('Jenis kelamin').selectOption({ label: m.jk });
    await dialog.getByLabel('Tanggal lahir').fill(m.lahir);
    await dialog.getByLabel('Jabatan dalam kelompok').selectOption({ label: m.jabatan });
    // What the NIK says is shown beside the field
    await expect(dialog.getByTestId('nik-keterangan')).toContainText('Donomulyo');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
  }
  const table = page.getByRole('table', { name: 'Daftar anggota' });
  for (const m of members) await expect(table).toContainText(m.nama);

  // A wrong NIK is refused with a message that says what is wrong
  await page.getByRole('button', { name: 'Tambah anggota' }).click();
  dialog = page.getByRole('dialog', { name: 'Tambah anggota' });
  await dialog.getByLabel('Kelompok', { exact: true }).selectOption({ label: 'KUBE Srikandi Makmur (Tulungrejo)' });
  await dialog.getByLabel('NIK').fill('3507013102850003');
  await dialog.getByLabel('Nama lengkap').fill('Salah Tanggal');
  await dialog.getByLabel('Jenis kelamin').selectOption({ label: 'Laki-laki' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('bukan tanggal lahir yang sah');
  page.once('dialog', (d) => void d.accept()); // "Perubahan belum disimpan. Tutup tanpa menyimpan?"
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();

  // Import the rest of the list from a spreadsheet, with one row Excel destroyed
  const file = join(web.dir, 'anggota-srikandi.xlsx');
  const ws = XLSX.utils.aoa_to_sheet([
    ['NIK', 'NAMA', 'TGL_LAHIR', 'JENIS_KELAMIN', 'ALAMAT', 'DESA'],
    ['3507015708790006', 'Endang Lestari', '17/08/1979', 'P', 'Dusun Krajan RT 01', 'Tulungrejo'],
    ['3507010101700007', 'Slamet Riyadi', '01/01/1970', 'L', 'Dusun Krajan RT 02', 'Tulungrejo'],
    ['3507016212950008', 'Yuli Kartika', '22/12/1995', 'P', 'Dusun Krajan RT 03', 'Tulungrejo'],
    ['3.50701E+15', 'Rusak Excel', '01/02/1980', 'L', '', ''],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Anggota');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));

  await page.getByRole('button', { name: 'Impor dari Excel' }).click();
  dialog = page.getByRole('dialog', { name: 'Impor anggota dari Excel' });
  await dialog.getByLabel('Berkas daftar anggota').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Baca berkas' }).click();
  await expect(dialog.getByLabel('Kolom NIK')).toHaveValue('NIK');
  await expect(dialog.getByLabel('Kolom tanggal lahir')).toHaveValue('TGL_LAHIR');
  await dialog.getByLabel('Kelompok tujuan').selectOption({ label: 'KUBE Srikandi Makmur (Tulungrejo)' });
  await dialog.getByRole('button', { name: 'Periksa dulu (uji coba)' }).click();
  const dry = dialog.getByRole('region', { name: 'Hasil uji coba' });
  await expect(dry).toContainText('Baru3');
  await expect(dry).toContainText('Galat1');
  await expect(dry).toContainText('Baris 5: NIK tertulis dalam notasi ilmiah');
  // Nothing written yet
  await expect(table).not.toContainText('Endang Lestari');
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog.getByRole('region', { name: 'Hasil impor' })).toContainText('Baru3');
  await dialog.getByRole('button', { name: 'Selesai' }).click();
  await expect(table).toContainText('Endang Lestari');

  // Search
  await page.getByLabel('Cari anggota').fill('yuli');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Yuli Kartika');
  await page.getByLabel('Cari anggota').fill('3507011204');
  await expect(table).toContainText('Agus Santoso');
  await expect(table.getByRole('row')).toHaveCount(2);

  // Reload: everything is still there
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Anggota' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Halaman anggota' })).toContainText('6 anggota');
  await page.getByRole('link', { name: 'Kelompok binaan' }).click();
  // The member list also names the kelompok in its rows: wait for the kelompok page, and look in its table only.
  await expect(page.getByRole('heading', { name: 'Kelompok binaan', level: 1 })).toBeVisible();
  const row = page.getByRole('table', { name: 'Daftar kelompok' }).getByRole('row', { name: /KUBE Srikandi Makmur/ });
  await expect(row).toContainText('Siti Rahayu'); // ketua
  await expect(row).toContainText('Dewi Pendamping');
  await expect(row.getByRole('cell').nth(5)).toHaveText('6');

  // The district's public website names it (it was ticked), and shows no member's name.
  await page.getByRole('link', { name: 'Situs web' }).click();
  const situs = page.frameLocator('iframe[title="Pratinjau situs web"]');
  await expect(situs.getByRole('table', { name: /^Kelompok binaan/ })).toContainText('KUBE Srikandi Makmur');
  await expect(situs.locator('body')).not.toContainText('Siti Rahayu');
});
