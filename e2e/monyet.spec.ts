import type { Locator, Page } from '@playwright/test';
import { expect, test, webDemo } from './fixtures';

// A monkey test: on every page (and in its first "Tambah …"/"Buat …" form), hostile entries typed and pasted into
// every text field, textarea and grid cell, and every select moved. No uncaught error, the page never blank, the
// app still answers. It is fixed (no randomness): a failure names the page, the field and the entry.

const ENTRI = ['Rp850.000', '2 bh', '-1', '1e309', 'NaN', '１２３', 'x'.repeat(10_000), '<script>alert(1)</script>', '😀🎉 ñ', '  '];
const TSV = 'No\tUraian\tVol\tSat\tHarga\tJumlah\n1\tTepung\t10\tkg\tRp12.000\t120.000';
/** Fields per page: enough to cover every kind of field (a grid has hundreds of the same cell). */
const BATAS = 24;

async function tempel(el: Locator, teks: string) {
  await el.evaluate(
    (node, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    teks,
    { timeout: 2000 },
  );
}

/** Waits until the page stops changing (its data loaded): the same content twice in a row, 250 ms apart. */
async function tenang(page: Page) {
  let sebelum = '';
  for (let i = 0; i < 40; i++) {
    const kini = await page.locator('main.content').innerHTML();
    if (kini === sebelum) return;
    sebelum = kini;
    await page.waitForTimeout(250);
  }
}

async function ganggu(page: Page, wadah: Locator, tempat: string, galat: string[]) {
  const isian = wadah.locator('input:not([type]), input[type=text], input[type=search], input[type=tel], input[type=email], textarea');
  const n = Math.min(await isian.count(), BATAS);
  for (let i = 0; i < n; i++) {
    const el = isian.nth(i);
    if (!(await el.isVisible()) || !(await el.isEditable({ timeout: 2000 }).catch(() => false))) continue;
    const nama = (await el.getAttribute('aria-label')) ?? (await el.getAttribute('id')) ?? `#${i}`;
    for (const e of ENTRI) {
      await el.fill(e, { timeout: 2000 }).catch(() => undefined);
      if (galat.length) throw new Error(`${tempat}, isian "${nama}", entri "${e.slice(0, 20)}": ${galat.join(' | ')}`);
    }
    for (const t of [TSV, '']) await tempel(el, t).catch(() => undefined);
    await el.fill('', { timeout: 2000 }).catch(() => undefined);
    if (galat.length) throw new Error(`${tempat}, isian "${nama}", tempelan: ${galat.join(' | ')}`);
  }
  const pilihan = wadah.locator('select:visible');
  const m = Math.min(await pilihan.count(), BATAS);
  for (let i = 0; i < m; i++) {
    const el = pilihan.nth(i);
    // A select that went away (the list redrew) is skipped, not waited for.
    if (await el.isDisabled({ timeout: 2000 }).catch(() => true)) continue;
    const opsi = await el.locator('option').count();
    if (opsi > 1) await el.selectOption({ index: opsi - 1 }, { timeout: 2000 }).catch(() => undefined);
    if (galat.length) throw new Error(`${tempat}, pilihan #${i}: ${galat.join(' | ')}`);
  }
}

test('hostile entries on every page and form: no uncaught error, never blank, still answering', async ({ page }) => {
  test.setTimeout(240_000);
  const galat: string[] = [];
  page.on('pageerror', (e) => galat.push(e.message));
  page.on('dialog', (d) => void d.accept());
  const { url, tutup } = await webDemo({ kelompok: 4, bulan: 3, seed: 21, kabupaten: '35.07' });
  try {
    await page.goto(url);
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    await expect(menu.getByRole('link', { name: 'Panduan' })).toBeVisible();
    const halaman = await menu.getByRole('link').allTextContents();
    expect(halaman.length).toBeGreaterThanOrEqual(12);
    for (const nama of halaman) {
      await menu.getByRole('link', { name: nama, exact: true }).click();
      const isi = page.locator('main.content');
      await expect(isi.getByRole('heading').first()).toBeVisible();
      await tenang(page);
      await ganggu(page, isi, `Halaman ${nama}`, galat);
      // Pages with tabs: each tab's fields too.
      const tab = isi.getByRole('tab');
      for (let t = 1; t < (await tab.count()); t++) {
        await tab.nth(t).click();
        await tenang(page);
        await ganggu(page, isi, `Halaman ${nama}, tab ${await tab.nth(t).innerText()}`, galat);
      }
      if ((await tab.count()) > 1) await tab.first().click();
      const tambah = isi.getByRole('button', { name: /^(Tambah|Buat) / }).first();
      if (await tambah.isVisible().catch(() => false)) {
        await tambah.click();
        const dialog = page.getByRole('dialog').first();
        if (await dialog.isVisible().catch(() => false)) {
          await ganggu(page, dialog, `Formulir di ${nama}`, galat);
          await page.keyboard.press('Escape');
          await expect(dialog).toBeHidden();
        }
      }
      // Never blank, and still answering: the heading is there and the menu works.
      await expect(isi.getByRole('heading').first()).toBeVisible();
      expect((await isi.innerText()).trim().length, `${nama} tidak boleh kosong`).toBeGreaterThan(20);
      expect(galat, nama).toEqual([]);
    }
    await menu.getByRole('link', { name: 'Beranda', exact: true }).click();
    await expect(page.locator('main.content').getByRole('heading').first()).toBeVisible();
  } finally {
    await tutup();
  }
});
