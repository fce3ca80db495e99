// Determinism is the contract: the same program, config and seed give the same trace, bit for
// bit, run after run, natively and in WebAssembly. For every shipped example and a few machine
// configurations, this runs the native CLI twice and the WebAssembly CLI under node once, and
// compares the trace hashes they print (`--hash`).
//
//   node --test tests/determinism/   (needs build/native/threadlab and build/wasm/threadlab.js;
//                                     THREADLAB_NATIVE / THREADLAB_WASM point elsewhere)
import { execFile } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nativeCli = process.env.THREADLAB_NATIVE ?? join(root, 'build', 'native', 'threadlab');
const wasmCli = process.env.THREADLAB_WASM ?? join(root, 'build', 'wasm', 'threadlab.js');
const examplesDir = join(root, 'examples');

// Each configuration pulls on a different part of the machine: the defaults, several CPUs with
// another seed, and free-threading under another scheduler.
const CONFIGS = [
  [],
  ['--cpus', '4', '--seed', '7'],
  ['--cpus', '2', '--gil', 'off', '--policy', 'mlfq', '--seed', '3'],
];

function traceHash(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 << 20, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && error.killed) return reject(new Error(`${command} timed out`));
      const match = /trace hash: ([0-9a-f]{16})/.exec(stderr);
      if (!match) return reject(new Error(`no trace hash from ${command} ${args.join(' ')}:\n${stderr.slice(-2000)}`));
      resolve(match[1]);
    });
  });
}

for (const cli of [nativeCli, wasmCli])
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run scripts/build`);

const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.py')).sort();
for (const example of examples) {
  test(`${example}: same trace hash twice natively and once under node`, async () => {
    for (const config of CONFIGS) {
      const args = ['run', join(examplesDir, example), ...config, '--hash'];
      const [first, second, wasm] = await Promise.all([
        traceHash(nativeCli, args),
        traceHash(nativeCli, args),
        traceHash(process.execPath, ['--no-experimental-fetch', wasmCli, ...args]),
      ]);
      const label = config.join(' ') || 'defaults';
      assert.equal(second, first, `${label}: two native runs differ`);
      assert.equal(wasm, first, `${label}: WebAssembly differs from native`);
    }
  });
}
