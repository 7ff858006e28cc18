import { expect, test, webProvinsi } from './fixtures';

// The province's home screen with three districts, at the sizes offices use: figures whole on one line, the filter
// bar without overlaps, compliance per district (per facilitator once a district is chosen), names with their district.
for (const [lebar, tinggi] of [
  [1280, 720],
  [1366, 768],
] as const) {
  test(`province Beranda at ${lebar}×${tinggi}: no figure cut or broken, no filter over another, compliance per district`, async ({ page }) => {
    await page.setViewportSize({ width: lebar, height: tinggi });
    const { url, tutup } = await webProvinsi(['35.07', '35.09', '35.10'], { kelompok: 30, bulan: 14 });
    try {
      await page.goto(url);
      const kartu = page.getByRole('list', { name: 'Angka utama' });
      await expect(kartu.getByRole('listitem').first()).toBeVisible();
      // Every figure fits its card on one line (the shortened ones carry the exact figure as title).
      const nilai = kartu.locator('.card-value');
      for (let i = 0; i < (await nilai.count()); i++) {
        const ukuran = await nilai.nth(i).evaluate((el) => ({ isi: el.scrollWidth, lebar: el.clientWidth, tinggi: el.getBoundingClientRect().height, huruf: parseFloat(getComputedStyle(el).fontSize), teks: el.textContent }));
        expect(ukuran.isi, `${ukuran.teks} terpotong`).toBeLessThanOrEqual(ukuran.lebar + 1);
        expect(ukuran.tinggi, `${ukuran.teks} terbelah dua baris`).toBeLessThan(ukuran.huruf * 2);
      }
      // The filters: no control lies over another, and each label sits above its own control.
      const saring = page.getByRole('search');
      const kotak = await saring.locator('select, input').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, n: e.getAttribute('aria-label') ?? e.id }; }));
      for (const [i, a] of kotak.entries()) {
        for (const b of kotak.slice(i + 1)) {
          const tumpang = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
          expect(tumpang, `${a.n} menimpa ${b.n}`).toBe(false);
        }
      }
      // Compliance: per district at the province, its table names each facilitator with the district.
      const gambar = page.getByRole('figure').filter({ hasText: 'Kepatuhan pelaporan per kabupaten/kota' });
      await expect(gambar).toBeVisible();
      await gambar.getByText('Lihat angka').click();
      await expect(gambar.getByRole('table')).toContainText('Kabupaten Malang');
      await expect(gambar.getByRole('table')).toContainText('Kabupaten Jember');
      await page.screenshot({ path: test.info().outputPath('beranda.png'), fullPage: true });
    } finally {
      await tutup();
    }
  });
}
