import { useStatus } from '../../app-context';

/** The first day of a new officer, step by step, each step a link to its screen. */
export function PanduanPage() {
  const { status } = useStatus();
  const provinsi = status.pengaturan.mode === 'provinsi';
  const langkah: { judul: string; isi: string; ke: string; tautan: string }[] = provinsi
    ? [
        { judul: 'Periksa data kantor dan penanda tangan', isi: 'Nama instansi, alamat, Kepala Bappeda, pangkat dan NIP, cara tanda tangan, tembusan, dan lambang daerah untuk kop surat.', ke: 'pengaturan', tautan: 'Buka Pengaturan' },
        { judul: 'Buat kunci dan kirim identitas provinsi', isi: 'Di Sinkronisasi: buat kunci, simpan berkas identitas (.bmid) dan bawa ke setiap kabupaten/kota. Cadangkan kunci dengan frasa sandi.', ke: 'sinkron', tautan: 'Buka Sinkronisasi' },
        { judul: 'Terima bundel kabupaten/kota', isi: 'Setiap bulan: impor bundel (.bmb) dari flashdisk atau surel, cocokkan sidik jari pengirim saat pertama kali, lalu kirim tanda terima.', ke: 'sinkron', tautan: 'Impor bundel' },
        { judul: 'Lihat capaian seluruh program', isi: 'Beranda menampilkan angka dan peta kabupaten/kota program; E-monev membandingkan target dan realisasi.', ke: 'beranda', tautan: 'Buka Beranda' },
        { judul: 'Terbitkan situs web untuk masyarakat', isi: 'Setelah bundel bulan ini diimpor: unduh situs web (.zip), ekstrak, dan salin ke server web provinsi. Hanya angka agregat, tanpa data pribadi.', ke: 'situs', tautan: 'Buka Situs web' },
      ]
    : [
        { judul: 'Periksa data kantor dan penanda tangan', isi: 'Nama instansi, alamat, telepon, Kepala Bappeda dengan pangkat dan NIP, cara tanda tangan (langsung, a.n., Plt., Plh.), tembusan, dan lambang daerah untuk kop surat.', ke: 'pengaturan', tautan: 'Buka Pengaturan' },
        { judul: 'Catat fasilitator', isi: 'Nama, NIK, nomor HP dan wilayah tugas setiap fasilitator pendamping.', ke: 'fasilitator', tautan: 'Buka Fasilitator' },
        { judul: 'Catat kelompok binaan', isi: 'Nama kelompok, desa, sektor usaha dan fasilitatornya.', ke: 'kelompok', tautan: 'Buka Kelompok binaan' },
        { judul: 'Masukkan anggota, atau impor dari Excel', isi: 'Ketik satu per satu (NIK boleh ditempel dengan spasi), atau impor daftar .xlsx/.csv: uji coba dulu, lalu impor.', ke: 'anggota', tautan: 'Buka Anggota' },
        { judul: 'Kirim buku kerja ke fasilitator', isi: 'Awal bulan: di Laporan bulanan → Buku kerja fasilitator, unduh buku kerja setiap fasilitator dan kirimkan. Yang kembali terisi diimpor tanpa diketik ulang; pengingat untuk yang belum tinggal disalin ke WhatsApp.', ke: 'laporan', tautan: 'Buka buku kerja fasilitator' },
        { judul: 'Isi laporan bulanan', isi: 'Satu baris per kelompok; ketik atau tempel dari Excel, simpan otomatis, lalu ajukan. Laporan yang diajukan terkunci sampai dibuka kembali dengan alasan.', ke: 'laporan', tautan: 'Buka Laporan bulanan' },
        { judul: 'Tulis proposal usaha', isi: 'Pilih kelompok, isi rencana usaha dan RAB; kelayakan dihitung dari RAB; unduh PDF dengan surat pengantar.', ke: 'proposal', tautan: 'Buka Proposal usaha' },
        { judul: 'Kirim data ke provinsi', isi: 'Di Sinkronisasi: buat kunci, impor identitas provinsi (.bmid), lalu buat bundel dan kirim lewat flashdisk atau surel. Impor tanda terima dari provinsi.', ke: 'sinkron', tautan: 'Buka Sinkronisasi' },
      ];
  return (
    <section aria-labelledby="judul-panduan">
      <h1 id="judul-panduan">Panduan hari pertama</h1>
      <p>Langkah-langkah untuk petugas {provinsi ? 'provinsi' : `${status.pengaturan.kabupaten_nama}`} yang baru memakai Bermantra. Semua dapat dikerjakan tanpa baris perintah.</p>
      <ol className="panduan">
        {langkah.map((l) => (
          <li key={l.judul}>
            <h2>{l.judul}</h2>
            <p>{l.isi}</p>
            <a href={`#/${l.ke}`}>{l.tautan}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
