import { expect, test, webDemo } from './fixtures';

// A new officer at 1366×768 meets no English word and no raw table name on any page, and the guide leads to each
// screen. The words are what the app once showed ("Draft", "Snapshot", "Contact person", "target_indikator") and
// the usual English of user interfaces.
const INGGRIS = /\b(Draft|Snapshot|Contact person|Submit|Cancel|Save|Delete|Edit|Loading|Search|Settings|Upload|Download|Choose File|No file chosen|Previous|Next|undefined|null|NaN|Invalid Date)\b|\b[a-z]+_[a-z_]+\b/;

test.use({ viewport: { width: 1366, height: 768 } });

test('every page speaks Indonesian at 1366×768, and the guide links to each step', async ({ page }) => {
  const { url, tutup } = await webDemo({ kelompok: 4, bulan: 3, seed: 5, kabupaten: '35.07' });
  try {
    await page.goto(url);
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    await expect(menu.getByRole('link', { name: 'Panduan', exact: true })).toBeVisible();
    const halaman = (await menu.getByRole('link').allInnerTexts()).map((t) => t.trim());
    for (const nama of halaman) {
      await menu.getByRole('link', { name: nama, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Wait until the page has loaded its data (no "Memuat" left), then read what an officer reads.
      await expect(page.getByText('Memuat…')).toHaveCount(0);
      const teks = await page.locator('main').innerText();
      expect(INGGRIS.exec(teks)?.[0] ?? null, `halaman ${nama}`).toBeNull();
    }
    await menu.getByRole('link', { name: 'Panduan', exact: true }).click();
    await page.getByRole('link', { name: 'Buka Laporan bulanan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Laporan bulanan/);
  } finally {
    await tutup();
  }
});
