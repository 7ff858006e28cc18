import { formatWaktu } from '../../../main/common/format';
import { KOLOM_INTI, type KolomSpec } from '../../../main/common/register';
import { invoke } from '../api';
import { useLoad } from './ui';

const AKSI: Record<string, string> = { buat: 'dibuat', ubah: 'diubah', hapus: 'dihapus', pulihkan: 'dipulihkan', impor: 'diimpor' };

function tampil(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(kosong)';
  return String(value);
}

/** A changed column as the form calls it (the register's label), not its database name. */
const labelKolom = (tabel: keyof typeof KOLOM_INTI, kode: string) => (KOLOM_INTI[tabel] as Record<string, KolomSpec>)[kode]?.label ?? kode.replace(/_/g, ' ');

/** The audit trail of one record: who changed which field from what to what, and when. */
export function Riwayat(props: { tabel: 'fasilitator' | 'kelompok' | 'anggota'; id: string }) {
  const { data, error } = useLoad(() => invoke('audit.list', { tabel: props.tabel, id: props.id }), [props.tabel, props.id]);
  return (
    <section className="riwayat" aria-labelledby={`riwayat-${props.id}`}>
      <h3 id={`riwayat-${props.id}`}>Riwayat perubahan</h3>
      {error && <p role="alert">{error}</p>}
      {data && data.length === 0 && <p>Belum ada riwayat.</p>}
      <ol>
        {data?.map((e) => (
          <li key={e.id}>
            <div>
              <strong>{formatWaktu(e.waktu)}</strong> · {e.operator} · {AKSI[e.aksi] ?? e.aksi}
              {e.alasan ? ` (alasan: ${e.alasan})` : ''}
            </div>
            {e.aksi === 'ubah' || e.aksi === 'impor' ? (
              <ul>
                {Object.entries(e.perubahan).map(([field, [before, after]]) => (
                  <li key={field}>
                    {labelKolom(props.tabel, field)}: {tampil(before)} → {tampil(after)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
