// Makes the calculators' Pyodide memory snapshot, at build time, in Node.
//
//   node hooks/pyodide_snapshot.mjs PYODIDE_DIR ENGINE_ZIP OUTPUT.gz
//
// Loads Pyodide from PYODIDE_DIR (node_modules/pyodide, pinned by package-lock.json),
// unpacks the engine archive the site serves, imports every module of the engine,
// runs every calculator's example and one bad input (so every import a calculation
// needs has happened), then writes Pyodide's memory snapshot without its empty pages
// (docs/assets/javascripts/sparse-snapshot.js), gzip-compressed, to OUTPUT.gz, once
// unpacking it has given back the same bytes. A browser that restores it skips
// Python's start-up and the engine's imports. The snapshot only fits the Pyodide build
// that made it (Pyodide checks its build id), the engine it holds and the format it is
// written in, so hooks/pyodide_assets.py names it by all three.
// Prints one JSON line: {pyodide, calculators, raw_bytes, gzip_bytes, ms}.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pack, unpack } from "../docs/assets/javascripts/sparse-snapshot.js";

const [pyodideDir, enginePath, output] = process.argv.slice(2);
if (!pyodideDir || !enginePath || !output) {
  console.error("usage: node hooks/pyodide_snapshot.mjs PYODIDE_DIR ENGINE_ZIP OUTPUT.gz");
  process.exit(2);
}
const started = performance.now();
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`,
  _makeSnapshot: true,
  stdout: () => {},
  stderr: () => {},
});
// unpackArchive wants a Uint8Array; a Node Buffer is not accepted.
pyodide.unpackArchive(new Uint8Array(readFileSync(enginePath)), "zip", { extractDir: "/engine" });
const checked = pyodide.runPython(`
import gc, importlib, json, pkgutil, sys
sys.path.insert(0, "/engine")
import calculators
for module in pkgutil.walk_packages(calculators.__path__, "calculators."):
    if module.name != "calculators.__main__":
        importlib.import_module(module.name)
from calculators.api import catalog
from calculators.report import respond
answers = [json.loads(respond(spec["name"], json.dumps(spec["example"]))) for spec in catalog()]
assert all("result" in answer for answer in answers), answers
assert "error" in json.loads(respond("pto_value", json.dumps({"salary": -1, "pto_days": 5})))
del answers, module
gc.collect()
len(catalog())
`);
const snapshot = pyodide.makeMemorySnapshot();
const packed = gzipSync(pack(snapshot));
const unpacked = await unpack(new Blob([gunzipSync(packed)]).stream());
if (Buffer.compare(unpacked, snapshot) !== 0) throw new Error("the packed snapshot does not unpack to itself");
writeFileSync(`${output}.part`, packed);
renameSync(`${output}.part`, output);
console.log(JSON.stringify({
  pyodide: pyodide.version,
  calculators: checked,
  raw_bytes: snapshot.length,
  gzip_bytes: packed.length,
  ms: Math.round(performance.now() - started),
}));
