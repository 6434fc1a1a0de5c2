// Runs every case through the engine under Pyodide, offline, and compares with CPython.
//
//   node tests/node/pyodide_parity.mjs ARCHIVE CASES_JSON
//
// ARCHIVE is the engine archive the site build serves (hooks/engine_archive.py).
// CASES_JSON is a list of {id, calculator, inputs, cpython}, where cpython is what
// calculators.report.respond returned under CPython. Pyodide comes from node_modules,
// pinned by package-lock.json; nothing is fetched from the network. Prints one JSON
// report on stdout; exits 1 if any case differs.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const [archivePath, casesPath] = process.argv.slice(2);
if (!archivePath || !casesPath) {
  console.error("usage: node tests/node/pyodide_parity.mjs ARCHIVE CASES_JSON");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL: join(root, "node_modules", "pyodide") + "/",
  stdout: () => {},
  stderr: () => {},
});
// unpackArchive wants a Uint8Array; a Node Buffer is not accepted.
pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir: "/engine" });
pyodide.runPython("import sys\nsys.path.insert(0, '/engine')");
const respond = pyodide.pyimport("calculators.report").respond;
const loadedMs = performance.now() - started;

const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const mismatches = [];
for (const item of cases) {
  const answer = JSON.parse(respond(item.calculator, JSON.stringify(item.inputs)));
  const same = JSON.stringify(answer) === JSON.stringify(item.cpython);
  if (!same) mismatches.push({ id: item.id, pyodide: answer, cpython: item.cpython });
}
const report = {
  pyodide: pyodide.version,
  python: pyodide.runPython("import sys; sys.version.split()[0]"),
  archive: archivePath.split("/").pop(),
  cases: cases.length,
  matched: cases.length - mismatches.length,
  mismatches,
  load_ms: Math.round(loadedMs),
  total_ms: Math.round(performance.now() - started),
};
console.log(JSON.stringify(report));
process.exit(mismatches.length ? 1 : 0);
