import { berkasHanyaPemilik } from '../api/platform';
import { main } from './utama';

// The headless door's entry: `npm run cli --silent -- <command>` (the commands are in utama.ts).

// `npm run cli` runs in the package folder; relative paths are meant from where the user typed.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
berkasHanyaPemilik();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
