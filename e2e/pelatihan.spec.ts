import { expect, test, webDemo } from './fixtures';

test('an officer records a training with a participant, sees the facilitator\'s profile, the coverage and the before/after view', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 12, bulan: 14, seed: 31, kabupaten: '35.07' });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByRole('link', { name: 'Mitra & offtaker' }).click();
    await page.getByRole('tab', { name: 'Pelatihan fasilitator' }).click();

    await page.getByRole('button', { name: 'Tambah pelatihan' }).click();
    let dialog = page.getByRole('dialog', { name: 'Tambah pelatihan' });
    await dialog.getByLabel('Tanggal', { exact: true }).fill('2026-11-20');
    await dialog.getByLabel('Judul pelatihan').fill('Pemasaran digital untuk kelompok');
    await dialog.getByLabel('Topik', { exact: true }).selectOption('pemasaran digital');
    await dialog.getByLabel('Penyelenggara', { exact: true }).selectOption('kabupaten/kota');
    await dialog.getByLabel('Lama (jam pelajaran) (boleh kosong)').fill('6');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();

    // A participant: the facilitator the demo did not train (its profile said "belum pernah").
    const profil = page.getByRole('table', { name: 'Profil kapasitas fasilitator' });
    const belum = profil.getByRole('row').filter({ hasText: 'belum pernah' }).first();
    const nama = (await belum.getByRole('rowheader').textContent())!.trim();
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    dialog = page.getByRole('dialog', { name: 'Tambah peserta' });
    await dialog.getByLabel('Pelatihan', { exact: true }).selectOption({ label: 'Pemasaran digital untuk kelompok' });
    await dialog.getByLabel('Fasilitator', { exact: true }).selectOption({ label: nama });
    await dialog.getByLabel('Nilai post-test (0–100) (boleh kosong)').fill('130');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Nilai tes 0 sampai 100.');
    await dialog.getByLabel('Nilai post-test (0–100) (boleh kosong)').fill('85');
    await dialog.getByLabel('Nilai pre-test (0–100) (boleh kosong)').fill('60');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();

    // The profile, the coverage per topic and the evidence view read it.
    await page.getByRole('tab', { name: 'Ringkasan' }).click();
    await page.getByRole('tab', { name: 'Pelatihan fasilitator' }).click();
    const baris = page.getByRole('table', { name: 'Profil kapasitas fasilitator' }).getByRole('row', { name: new RegExp(`^${nama}`) });
    await expect(baris).toContainText('pemasaran digital');
    await expect(baris).toContainText('60 → 85');
    await expect(baris).toContainText('20 November 2026');
    const cakupan = page.getByRole('table', { name: 'Cakupan pelatihan per topik' });
    await expect(cakupan.getByRole('columnheader', { name: 'pemasaran digital' })).toBeVisible();
    await expect(cakupan.getByRole('row', { name: /Kabupaten Malang/ })).toContainText('%');
    const bukti = page.getByRole('table', { name: 'Sebelum dan sesudah pelatihan' });
    await expect(bukti.getByRole('row', { name: /Sudah dilatih/ })).toContainText('Rp');
    await expect(page.getByRole('note')).toContainText('bukan bukti sebab-akibat');
  } finally {
    await tutup();
  }
});
