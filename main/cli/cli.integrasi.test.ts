import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

// The CLI as users run it: a real process through its entry (main/cli/index.ts). The commands themselves are tested
// in-process (cli.test.ts); this pins what only a process shows: stdout, stderr and the exit code.
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the CLI process prints one JSON document, exits 1 on a "no" and 2 on a usage error', () => {
  const ok = cli('nik', '3507015203850003', '--json');
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).kabupaten, '35.07');
  assert.equal(cli('nik', '3507015203850000', '--json').code, 1);
  const usage = cli('terbang');
  assert.equal(usage.code, 2);
  assert.equal(usage.stdout, '');
  assert.match(usage.stderr, /Perintah "terbang" tidak dikenal/);
});
