import { expect, test, webProvinsi } from './fixtures';

test('the province sees Jawa Timur: 38 regions, the programme districts coloured by the chosen indicator, a click opens one', async ({ page }) => {
  const { url, tutup } = await webProvinsi(['35.07', '35.09', '35.78'], { kelompok: 5, bulan: 3 });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    const peta = page.getByRole('img', { name: /Peta Jawa Timur: kelompok aktif/ });
    await expect(peta).toBeVisible();
    // 38 kabupaten/kota: 3 programme districts outlined, 35 grey.
    await expect(peta.locator('path[fill="#e3e3e3"]')).toHaveCount(35);
    await expect(peta.locator('path[stroke="#1a1a1a"]')).toHaveCount(3);
    await page.getByRole('figure').filter({ hasText: 'Peta Jawa Timur' }).getByText('Lihat angka').click();
    const tabel = page.getByRole('table', { name: /Angka peta jawa timur/ });
    await expect(tabel.getByRole('row')).toHaveCount(4);
    await expect(tabel).toContainText('Kota Surabaya');

    await page.getByLabel('Warna peta menurut').selectOption({ label: 'Omzet tahun berjalan' });
    await expect(page.getByRole('img', { name: /Peta Jawa Timur: omzet tahun berjalan/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Angka peta jawa timur/ })).toContainText(/Rp\d/);

    // A click on a programme district opens it: the whole page filters to that kabupaten/kota.
    // Click a point inside one programme district (a shape's own centre may lie in an enclave of another region).
    const petaImg = page.getByRole('img', { name: /Peta Jawa Timur/ });
    await petaImg.scrollIntoViewIfNeeded();
    const titik = await petaImg.evaluate((el) => {
      for (const p of Array.from(el.querySelectorAll('path[stroke="#1a1a1a"]'))) {
        const r = p.getBoundingClientRect();
        for (const [fx, fy] of [[0.5, 0.5], [0.4, 0.6], [0.6, 0.4], [0.3, 0.3], [0.7, 0.7]] as const) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          if (document.elementFromPoint(x, y) === p) return { x, y };
        }
      }
      return null;
    });
    expect(titik).not.toBeNull();
    await page.mouse.click(titik!.x, titik!.y);
    await expect(page.getByLabel('Kabupaten/Kota', { exact: true })).not.toHaveValue('');
    await expect(page.getByRole('heading', { name: 'Peringkat kabupaten/kota' })).toHaveCount(0);
  } finally {
    await tutup();
  }
});
