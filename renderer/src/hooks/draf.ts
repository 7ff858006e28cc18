import { useEffect, useRef, useState } from 'react';

/**
 * What a long form holds, kept on this computer as it is typed (localStorage), so that a crash, a closed window or a
 * slip of the mouse never loses it: the next opening brings it back until it is saved (`tersimpan`) or thrown away.
 */
export function useDraf<T>(kunci: string, nilai: T, terapkan: (d: T) => void) {
  const awal = useRef<string | null>(null);
  const [pesan, setPesan] = useState('');
  const teks = JSON.stringify(nilai);
  const berubah = awal.current !== null && teks !== awal.current;
  useEffect(() => {
    if (berubah) localStorage.setItem(kunci, JSON.stringify({ nilai: JSON.parse(teks) as T, waktu: new Date().toISOString() }));
  }, [teks, berubah, kunci]);
  return {
    pesan,
    /** Something was typed since the form was opened. */
    berubah,
    /** The form as opened (new or as stored); a draft left from before replaces it, with a message. */
    termuat(dariBasisData: T, bolehPulihkan = true) {
      awal.current = JSON.stringify(dariBasisData);
      if (!bolehPulihkan) return;
      try {
        const d = JSON.parse(localStorage.getItem(kunci) ?? 'null') as { nilai: T; waktu: string } | null;
        if (!d) return;
        terapkan(d.nilai);
        setPesan(`Ketikan yang belum disimpan (${new Date(d.waktu).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' })}) dipulihkan dari draf di komputer ini.`);
      } catch {
        localStorage.removeItem(kunci);
      }
    },
    /** Saved to the database, or thrown away on purpose: the draft goes. */
    hapus() {
      localStorage.removeItem(kunci);
      setPesan('');
    },
  };
}
