import { Component, type ErrorInfo, type ReactNode } from 'react';

// A page that fails while drawing never blanks the app: the menu stays, the page says so in Indonesian and offers to
// draw itself again. Forms keep what was typed outside their state where it matters (the proposal keeps a draft).

interface Keadaan {
  galat: Error | null;
}

export class PenjagaHalaman extends Component<{ nama: string; children: ReactNode }, Keadaan> {
  override state: Keadaan = { galat: null };

  static getDerivedStateFromError(galat: Error): Keadaan {
    return { galat };
  }

  override componentDidCatch(galat: Error, info: ErrorInfo): void {
    console.error(`[halaman ${this.props.nama}]`, galat, info.componentStack);
  }

  override render() {
    if (!this.state.galat) return this.props.children;
    return (
      <section className="notice notice-error" role="alert" aria-labelledby="judul-penjaga">
        <h1 id="judul-penjaga">Halaman {this.props.nama} berhenti</h1>
        <p>
          Terjadi kesalahan saat menampilkan halaman ini ({this.state.galat.message.slice(0, 200)}). Data yang sudah tersimpan tidak berubah; isian proposal yang sedang diketik disimpan
          sebagai draf di komputer ini dan muncul lagi saat proposal dibuka.
        </p>
        <button type="button" onClick={() => this.setState({ galat: null })}>
          Muat ulang halaman ini
        </button>
      </section>
    );
  }
}
