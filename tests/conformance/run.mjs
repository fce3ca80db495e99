// Conformance suite for Threadlab's Python subset.
//
// Every program in cases/ runs through Threadlab and must match what CPython 3.11 does: the same
// stdout, the same exit status, and the same last line of stderr (the exception line of a
// traceback). The expectations live in expected/ and come from CPython (scripts/regen-conformance);
// a case whose first line is "# threadlab-only" has hand-written expectations instead.
//
// Programs that log (to stderr, with real timestamps) and run threads are matched in a looser
// mode, named in expected/<case>.match (written by hand):
//   log          all of stderr must match, not just its last line, with times masked
//                ("12:00:01" and "2024-01-01 12:00:01,000" read as "<time>");
//   log-threads  as log, but threads may interleave: stdout and stderr must hold the same lines,
//                and the lines of each speaker (the message's text before its first ":", as in
//                "Thread 1: starting") must come in the same order.
// The classic examples are cases through symbolic links in cases/ to examples/.
//
//   node run.mjs --threadlab "<command prefix>" [--python python3] [--timeout 20] [--jobs 2] [filter]
//       checks every case whose name contains filter; when the python command is CPython 3.11 it
//       also runs the cases there and counts drift from the committed expectations as a failure.
//       --python "" skips that check.
//   node run.mjs --regen [--python python3] [filter]
//       rewrites the expectations of the CPython cases (what scripts/regen-conformance does).
//
// Index of this file:
//   Options
//   Cases and expectations
//   Running one program
//   Comparing an observed run with an expectation
//   Checking and regenerating
//   Main

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SUITE_DIR = path.dirname(fileURLToPath(import.meta.url));
const CASES_DIR = path.join(SUITE_DIR, 'cases');
const EXPECTED_DIR = path.join(SUITE_DIR, 'expected');
const THREADLAB_ONLY_MARKER = '# threadlab-only';
// The expectations are CPython 3.11's; other versions word some messages differently.
const EXPECTED_PYTHON_VERSION = '3.11';

//-----------------------------------------------------------------------------
// Options
//-----------------------------------------------------------------------------

const USAGE = `usage: node run.mjs --threadlab "<command prefix>" [--python python3] [--timeout S] [--jobs N] [filter]
       node run.mjs --regen [--python python3] [filter]`;

function parseOptions(argv) {
  const options = { threadlab: null, python: 'python3', timeoutSeconds: 20, jobs: 2, regen: false, filter: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${arg} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (arg === '--threadlab') options.threadlab = splitCommand(value());
    else if (arg === '--python') options.python = value();
    else if (arg === '--timeout') options.timeoutSeconds = Number(value());
    else if (arg === '--jobs') options.jobs = Number(value());
    else if (arg === '--regen') options.regen = true;
    else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else options.filter = arg;
  }
  if (!options.regen && (!options.threadlab || options.threadlab.length === 0))
    fail(`--threadlab is required\n${USAGE}`);
  if (!(options.timeoutSeconds > 0) || !(options.jobs >= 1)) fail(`--timeout and --jobs must be positive\n${USAGE}`);
  return options;
}

// A command prefix is given as one string, e.g. "node --no-experimental-fetch build/wasm/threadlab.js run";
// words split on blanks, and a quoted word may hold blanks.
function splitCommand(text) {
  const words = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match;
  while ((match = pattern.exec(text)) !== null)
    words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

//-----------------------------------------------------------------------------
// Cases and expectations
//-----------------------------------------------------------------------------

// An expectation: { stdout, status, err } where err is the last line of stderr ("" when none),
// or in the log modes all of stderr with times masked. An err without a message (just a class
// name, as for SyntaxError) matches on the class name only.

function listCases(filter) {
  return fs.readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.py'))
    .map((file) => file.slice(0, -'.py'.length))
    .filter((name) => name.includes(filter))
    .sort();
}

function casePath(name) {
  return path.join(CASES_DIR, `${name}.py`);
}

function isThreadlabOnly(name) {
  const firstLine = fs.readFileSync(casePath(name), 'utf8').split('\n', 1)[0];
  return firstLine.trim() === THREADLAB_ONLY_MARKER;
}

function expectationFiles(name) {
  const base = path.join(EXPECTED_DIR, name);
  return { stdout: `${base}.out`, status: `${base}.status`, err: `${base}.err` };
}

// "exact" (the default), "log" or "log-threads".
function matchMode(name) {
  const file = path.join(EXPECTED_DIR, `${name}.match`);
  const mode = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : 'exact';
  if (!['exact', 'log', 'log-threads'].includes(mode)) fail(`${file}: unknown match mode ${quote(mode)}`);
  return mode;
}

function readExpectation(name) {
  const files = expectationFiles(name);
  if (!Object.values(files).every((file) => fs.existsSync(file))) return null;
  const err = fs.readFileSync(files.err, 'utf8');
  return {
    stdout: fs.readFileSync(files.stdout, 'utf8'),
    status: fs.readFileSync(files.status, 'utf8').trim(),
    err: matchMode(name) === 'exact' ? err.trim() : err,
  };
}

function writeExpectation(name, expectation) {
  const files = expectationFiles(name);
  fs.writeFileSync(files.stdout, expectation.stdout);
  fs.writeFileSync(files.status, `${expectation.status}\n`);
  const err = matchMode(name) === 'exact' && expectation.err !== '' ? `${expectation.err}\n` : expectation.err;
  fs.writeFileSync(files.err, err);
}

//-----------------------------------------------------------------------------
// Running one program
//-----------------------------------------------------------------------------

// Resolves to { stdout, status, err, stderr } (an expectation, and all of stderr), or { error }
// when the program could not start or ran out of time.
function runProgram(command, args, timeoutSeconds, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutSeconds * 1000);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => { clearTimeout(timer); resolve({ error: `cannot run ${command}: ${error.message}` }); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ error: `timed out after ${timeoutSeconds} s` });
      const stderrText = Buffer.concat(stderr).toString('utf8');
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        status: signal ? `killed by ${signal}` : String(code),
        err: lastLine(stderrText),
        stderr: stderrText,
      });
    });
  });
}

function lastLine(text) {
  const lines = text.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
  return lines.length > 0 ? lines[lines.length - 1] : '';
}

// In the log modes the expectation's err is all of stderr, times masked. The cases' folder is
// left out of file names (a traceback that logging prints names the case by its absolute path),
// so the expectations hold wherever the repository is checked out.
function observed(name, run) {
  if (run.error) return run;
  const local = { ...run, stdout: withoutCasesDir(run.stdout), stderr: withoutCasesDir(run.stderr) };
  return { ...local, err: matchMode(name) === 'exact' ? lastLine(local.stderr) : maskTimes(local.stderr) };
}

function withoutCasesDir(text) {
  return text.split(CASES_DIR + path.sep).join('');
}

function maskTimes(text) {
  return text.replace(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(,\d{3})?|\b\d{2}:\d{2}:\d{2}\b/g, '<time>');
}

async function runThreadlab(options, name) {
  const [command, ...prefixArgs] = options.threadlab;
  return observed(name, await runProgram(command, [...prefixArgs, casePath(name)], options.timeoutSeconds, {}));
}

// Hash randomisation is pinned only so that regeneration can run a case under two seeds and
// refuse one whose output depends on hash order.
async function runPython(options, name, hashSeed = '0') {
  return observed(name, await runProgram(options.python, [casePath(name)], options.timeoutSeconds,
    { PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: hashSeed }));
}

async function pythonVersion(python) {
  const run = await runProgram(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], 20, {});
  return run.error || run.status !== '0' ? null : run.stdout.trim();
}

// CPython's SyntaxError messages change between versions, so its expectation keeps only the class.
function expectationFromPython(run) {
  if (run.error) return run;
  const isSyntaxError = run.err.startsWith('SyntaxError:');
  return { stdout: run.stdout, status: run.status, err: isSyntaxError ? 'SyntaxError' : run.err };
}

//-----------------------------------------------------------------------------
// Comparing an observed run with an expectation
//-----------------------------------------------------------------------------

function exceptionClass(line) {
  const colon = line.indexOf(':');
  return colon < 0 ? line : line.slice(0, colon);
}

function errMatches(expected, actual) {
  return expected.includes(':') ? expected === actual : expected === exceptionClass(actual);
}

// Returns "" when the run matches, else a short description of every difference.
function differences(expected, actual, mode) {
  if (actual.error) return actual.error;
  const found = [];
  const textDifference = mode === 'log-threads' ? speakerDifference : lineDifference;
  const stdoutDiff = textDifference('stdout', expected.stdout, actual.stdout);
  if (stdoutDiff !== '') found.push(stdoutDiff);
  if (expected.status !== actual.status) found.push(`status expected ${expected.status} got ${actual.status}`);
  if (mode === 'exact' && !errMatches(expected.err, actual.err))
    found.push(`stderr expected ${quote(expected.err)} got ${quote(actual.err)}`);
  const stderrDiff = mode === 'exact' ? '' : textDifference('stderr', expected.err, actual.err);
  if (stderrDiff !== '') found.push(stderrDiff);
  return found.join('; ');
}

function lineDifference(stream, expected, actual) {
  if (expected === actual) return '';
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let i = 0;
  while (i < expectedLines.length && i < actualLines.length && expectedLines[i] === actualLines[i]) i++;
  const describe = (lines) => (i < lines.length ? quote(lines[i]) : 'end of output');
  return `${stream} line ${i + 1}: expected ${describe(expectedLines)} got ${describe(actualLines)}`;
}

// The lines of each speaker, in order: "<time>: Thread 1: starting" is spoken by "Thread 1".
function linesBySpeaker(text) {
  const speakers = new Map();
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const message = line.replace(/^<time>:?\s*/, '');
    const colon = message.indexOf(':');
    const speaker = colon < 0 ? '' : message.slice(0, colon).trim();
    if (!speakers.has(speaker)) speakers.set(speaker, []);
    speakers.get(speaker).push(line);
  }
  return speakers;
}

function speakerDifference(stream, expected, actual) {
  const want = linesBySpeaker(expected);
  const got = linesBySpeaker(actual);
  for (const speaker of new Set([...want.keys(), ...got.keys()])) {
    const diff = lineDifference(`${stream} of ${quote(speaker)}`, (want.get(speaker) ?? []).join('\n'),
      (got.get(speaker) ?? []).join('\n'));
    if (diff !== '') return diff;
  }
  return '';
}

function quote(text) {
  const limit = 70;
  const shown = text.length > limit ? `${text.slice(0, limit)}...` : text;
  return JSON.stringify(shown);
}

//-----------------------------------------------------------------------------
// Checking and regenerating
//-----------------------------------------------------------------------------

// Runs work(item) for every item, at most `jobs` at a time, and keeps the results in item order.
async function forEachInParallel(items, jobs, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// Returns the failure lines of one case (none when it passes).
async function checkCase(options, checkDrift, name) {
  const expected = readExpectation(name);
  if (expected === null) return [`FAIL ${name}: no expectation files (run scripts/regen-conformance)`];
  const failures = [];
  const mode = matchMode(name);
  const threadlabDiff = differences(expected, await runThreadlab(options, name), mode);
  if (threadlabDiff !== '') failures.push(`FAIL ${name}: ${threadlabDiff}`);
  if (checkDrift && !isThreadlabOnly(name)) {
    const driftDiff = differences(expected, expectationFromPython(await runPython(options, name)), mode);
    if (driftDiff !== '') failures.push(`DRIFT ${name}: CPython no longer matches the expectation: ${driftDiff}`);
  }
  return failures;
}

async function check(options) {
  const cases = listCases(options.filter);
  if (cases.length === 0) fail(`no case matches ${quote(options.filter)}`);
  let checkDrift = false;
  if (options.python !== '') {
    const version = await pythonVersion(options.python);
    checkDrift = version === EXPECTED_PYTHON_VERSION;
    if (!checkDrift) {
      const found = version === null ? 'did not run' : `is ${version}`;
      console.log(`note: ${options.python} ${found}; the drift check against CPython ${EXPECTED_PYTHON_VERSION} is skipped`);
    }
  }
  const results = await forEachInParallel(cases, options.jobs, (name) => checkCase(options, checkDrift, name));
  let failed = 0;
  for (const failures of results) {
    for (const line of failures) console.log(line);
    if (failures.length > 0) failed++;
  }
  console.log(`conformance: ${cases.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// A case is only worth keeping if CPython runs it the same way every time and writes to stderr
// only when it fails (a warning would otherwise become the expected "last line").
async function regenerateCase(options, name) {
  const first = await runPython(options, name, '1');
  if (first.error) return `${name}: ${first.error}`;
  const second = await runPython(options, name, '2');
  const expectation = expectationFromPython(first);
  const mode = matchMode(name);
  if (differences(expectation, expectationFromPython(second), mode) !== '')
    return `${name}: output depends on hash order or timing; make the program deterministic`;
  if (mode === 'exact' && expectation.status === '0' && expectation.err !== '')
    return `${name}: writes to stderr without failing (${quote(expectation.err)})`;
  writeExpectation(name, expectation);
  return '';
}

async function regenerate(options) {
  const version = await pythonVersion(options.python);
  if (version !== EXPECTED_PYTHON_VERSION)
    fail(`${options.python} ${version === null ? 'did not run' : `is ${version}`}; expectations must come from CPython ${EXPECTED_PYTHON_VERSION}`);
  fs.mkdirSync(EXPECTED_DIR, { recursive: true });
  const cases = listCases(options.filter).filter((name) => !isThreadlabOnly(name));
  const problems = (await forEachInParallel(cases, options.jobs, (name) => regenerateCase(options, name)))
    .filter((problem) => problem !== '');
  if (options.filter === '') removeOrphanExpectations();
  for (const problem of problems) console.log(`REFUSED ${problem}`);
  console.log(`regenerated ${cases.length - problems.length} of ${cases.length} CPython cases`);
  return problems.length === 0 ? 0 : 1;
}

function removeOrphanExpectations() {
  const known = new Set(listCases(''));
  for (const file of fs.readdirSync(EXPECTED_DIR)) {
    const name = file.slice(0, file.lastIndexOf('.'));
    if (!known.has(name)) fs.rmSync(path.join(EXPECTED_DIR, file));
  }
}

//-----------------------------------------------------------------------------
// Main
//-----------------------------------------------------------------------------

const options = parseOptions(process.argv.slice(2));
process.exitCode = options.regen ? await regenerate(options) : await check(options);
