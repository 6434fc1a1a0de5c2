// A snapshot start on the trimmed standard library (hooks/pyodide_snapshot.mjs), as the
// worker makes it: every calculator still answers; a standard module the trimmed
// library lacks is not found until the worker's _nb_full_stdlib module is there, and
// then comes from the full python_stdlib.zip, fetched once.
//
//   node tests/node/stdlib_fallback.mjs PYODIDE_DIR SNAPSHOT.gz
// Prints one JSON line; run by tests/node/test_stdlib_fallback.py.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { unpackWith } from "../../docs/assets/javascripts/sparse-snapshot.js";

const [pyodideDir, snapshotPath] = process.argv.slice(2);
const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`;
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const { memory, extra } = await unpackWith(new Blob([gunzipSync(readFileSync(snapshotPath))]).stream());
const scratch = mkdtempSync(join(tmpdir(), "nb-stdlib-"));
try {
  const stdLibURL = join(scratch, "trimmed.zip");
  writeFileSync(stdLibURL, extra);
  const pyodide = await loadPyodide({ indexURL, stdLibURL, _loadSnapshot: memory,
    stdout: () => {}, stderr: () => {} });
  const respond = pyodide.pyimport("calculators.report").respond;
  const catalog = JSON.parse(pyodide.runPython(
    "import json\nfrom calculators.api import catalog\njson.dumps(catalog())"));
  const answered = catalog.filter((spec) =>
    "result" in JSON.parse(respond(spec.name, JSON.stringify(spec.example)))).length;
  const attempt = () => pyodide.runPython(`
try:
    import tarfile
    where = tarfile.__file__
except ImportError:
    where = None
where`) ?? null;
  const before = attempt();
  let fetched = 0;
  pyodide.registerJsModule("_nb_full_stdlib", {
    fetch() {
      fetched += 1;
      pyodide.FS.writeFile("/lib/python_stdlib_full.zip",
        new Uint8Array(readFileSync(join(pyodideDir, "python_stdlib.zip"))));
      return "/lib/python_stdlib_full.zip";
    },
  });
  const after = attempt();
  pyodide.runPython("import pdb, tomllib");
  console.log(JSON.stringify({ calculators: catalog.length, answered, before, after, fetched,
    trimmed_bytes: extra.length }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
