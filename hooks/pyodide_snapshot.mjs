// Makes the calculators' Pyodide memory snapshot, at build time, in Node, with the
// trimmed standard library it starts on.
//
//   node hooks/pyodide_snapshot.mjs PYODIDE_DIR ENGINE_ZIP OUTPUT.gz
//
// Loads Pyodide from PYODIDE_DIR (node_modules/pyodide, pinned by package-lock.json),
// unpacks the engine archive the site serves, imports every module of the engine,
// runs every calculator's example and one bad input (so every import a calculation
// needs has happened). The standard library's files those imports read (and the
// whole of Pyodide's own packages) make the trimmed standard library (a zip, stored
// uncompressed: the file is compressed whole). Then it starts again on that trimmed
// library, does the same, and writes Pyodide's memory snapshot without its empty pages
// and the trimmed library with it (docs/assets/javascripts/sparse-snapshot.js),
// gzip-compressed, to OUTPUT.gz, once unpacking it has given back the same bytes.
// Python's zip importer keeps the zip's table of contents in memory, so a snapshot
// fits only the library it was made on: the worker hands Pyodide the one in the file
// (the plain start takes the full python_stdlib.zip). Last, a third start restores the
// snapshot on the trimmed library and runs every calculator's example again: a module
// the trimmed library lacks fails the build.
// A browser that restores it skips Python's start-up and the engine's imports. The
// snapshot only fits the Pyodide build that made it (Pyodide checks its build id), the
// engine it holds and the format it is written in, so hooks/pyodide_assets.py names it
// by all three.
// Prints one JSON line: {pyodide, calculators, raw_bytes, gzip_bytes, stdlib_bytes,
// stdlib_left_out (top-level modules and packages), ms}.

import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { PAGE, pack, unpackWith } from "../docs/assets/javascripts/sparse-snapshot.js";

const [pyodideDir, enginePath, output] = process.argv.slice(2);
if (!pyodideDir || !enginePath || !output) {
  console.error("usage: node hooks/pyodide_snapshot.mjs PYODIDE_DIR ENGINE_ZIP OUTPUT.gz");
  process.exit(2);
}
const started = performance.now();
const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`;
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const quiet = { stdout: () => {}, stderr: () => {} };
const engine = new Uint8Array(readFileSync(enginePath)); // not a Node Buffer

// Every module of the engine imported, every calculator run once: the number of them.
const EXERCISE = `
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
`;

// The standard library's zip, trimmed to the files the imports so far have read, and
// Pyodide's own packages whole; written inside Pyodide (zipfile) to /tmp/trimmed.zip on
// Pyodide's in-memory file system, not the machine's. Returns the names of the top-level
// modules and packages it leaves out, as JSON.
const TRIM = `
import json, sys, zipfile
library = next(path for path in sys.path if path.endswith(".zip"))
used = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(library + "/"):
        used.add(origin[len(library) + 1:])
with zipfile.ZipFile(library) as full, zipfile.ZipFile("/tmp/trimmed.zip", "w") as trimmed:
    for info in full.infolist():
        name = info.filename
        top = name.split("/", 1)[0]
        if name in used or top in ("pyodide", "_pyodide") or name.endswith("/") and any(
                path.startswith(name) for path in used):
            data = full.read(info)
            info.compress_type = zipfile.ZIP_STORED
            trimmed.writestr(info, data)
    kept = {name.split("/", 1)[0].removesuffix(".py") for name in trimmed.namelist()}
    left = {name.split("/", 1)[0].removesuffix(".py") for name in full.namelist()} - kept
json.dumps(sorted(left))
`;

// A module the trimmed library lacks (one no calculation imported at build time): the
// snapshot holds this finder, last on sys.meta_path, which asks the worker's
// _nb_full_stdlib module (registered after the start, calculator-worker.js) to fetch
// the full python_stdlib.zip once, and finds the module there.
const FALLBACK = (left) => `
import importlib.machinery, sys

class FullStandardLibrary:
    """The full standard library, fetched on the first import the trimmed one lacks."""

    names = frozenset(${JSON.stringify(left)})

    def find_spec(self, name, path=None, target=None):
        if path is not None or name not in self.names:
            return None
        try:
            import _nb_full_stdlib
            where = _nb_full_stdlib.fetch()
        except Exception:  # noqa: BLE001 - no fetch (Node) or no network: not found
            return None
        sys.meta_path.remove(self)
        sys.path.append(where)
        return importlib.machinery.PathFinder.find_spec(name)

sys.meta_path.append(FullStandardLibrary())
del FullStandardLibrary
`;

const first = await loadPyodide({ indexURL, ...quiet });
first.unpackArchive(engine, "zip", { extractDir: "/engine" });
first.runPython(EXERCISE);
const left = JSON.parse(first.runPython(TRIM));
const stdlib = first.FS.readFile("/tmp/trimmed.zip");
const scratch = mkdtempSync(join(tmpdir(), "nb-snapshot-"));
const stdlibPath = join(scratch, "python_stdlib.zip");
writeFileSync(stdlibPath, stdlib);

try {
  const pyodide = await loadPyodide({ indexURL, stdLibURL: stdlibPath, _makeSnapshot: true, ...quiet });
  pyodide.unpackArchive(engine, "zip", { extractDir: "/engine" });
  const checked = pyodide.runPython(EXERCISE);
  pyodide.runPython(FALLBACK(left));
  const snapshot = pyodide.makeMemorySnapshot();
  const packed = gzipSync(pack(snapshot, PAGE, stdlib), { level: 9 });
  const { memory: unpacked, extra } = await unpackWith(new Blob([gunzipSync(packed)]).stream());
  if (Buffer.compare(unpacked, snapshot) !== 0 || Buffer.compare(extra, stdlib) !== 0) {
    throw new Error("the packed snapshot does not unpack to itself");
  }

  // The snapshot restored on the trimmed library, as a page restores it.
  const restored = await loadPyodide({ indexURL, stdLibURL: stdlibPath, _loadSnapshot: unpacked, ...quiet });
  const respond = restored.pyimport("calculators.report").respond;
  const catalog = JSON.parse(restored.runPython(
    "import json\nfrom calculators.api import catalog\njson.dumps(catalog())"));
  for (const spec of catalog) {
    const answer = JSON.parse(respond(spec.name, JSON.stringify(spec.example)));
    if (!("result" in answer)) throw new Error(`${spec.name} fails after a snapshot start: ${JSON.stringify(answer)}`);
  }

  writeFileSync(`${output}.part`, packed);
  renameSync(`${output}.part`, output);
  console.log(JSON.stringify({
    pyodide: pyodide.version,
    calculators: checked,
    raw_bytes: snapshot.length,
    gzip_bytes: packed.length,
    stdlib_bytes: stdlib.length,
    stdlib_left_out: left.length,
    ms: Math.round(performance.now() - started),
  }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
