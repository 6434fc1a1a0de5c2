// The calculators' Web Worker (a module worker): Pyodide and the engine, off the page's thread.
//
// {type: "init", indexURL, engineURL, snapshotURL, snapshotVersion, wasmURL} starts Python
// and answers {type: "ready", start: "snapshot" | "plain"} or {type: "failed", message}.
// The fast start restores the memory snapshot the build made (Python already started,
// the engine already imported; hooks/pyodide_snapshot.mjs), stored without its empty
// pages (sparse-snapshot.js) and gzip-compressed, with the standard library it was made
// on (trimmed to what the engine imports; Pyodide asks for it at STDLIB_URL, answered
// from the file). Whenever there is no snapshot, it is
// for another Pyodide, or it fails to load, the plain start runs instead: Pyodide starts
// from scratch while the engine archive is fetched in parallel, then the engine is
// unpacked and imported.
// wasmURL, when given, is Pyodide's WebAssembly gzip-compressed (GitHub Pages does not
// compress application/wasm), handed to Pyodide inflated.
// Inflating the two .gz files is most of a start's work, so their inflated copies are
// kept in Cache Storage ("negotiate-benefits:<site root>:inflated"; the privacy page's
// button deletes them) for the next start; a copy that fails is deleted with the others.
// {id, name, inputs} runs a calculator through calculators.report.respond (the same
// function the build uses) and answers {id, result, html} or {id, error: {field, message}}.
// Nothing but JSON crosses to the page: never a Python traceback.

import { unpackWith } from "./sparse-snapshot.js";

const GENERIC = "Something went wrong with this calculation. Check the inputs and try again.";
const SITE_ROOT = new URL("../../", self.location.href).pathname;
const INFLATED = `negotiate-benefits:${SITE_ROOT}:inflated`;
let respond = null;
// While the snapshot is tried, a failure deep inside Pyodide abandons it for the plain start.
let abandonSnapshot = null;
const quiet = { stdout: () => {}, stderr: () => {} };
// The network's fetch. Pyodide's own fetches go through the one below: its WebAssembly
// and the snapshot's standard library are answered from here (`answered`: URL ->
// () => Response), the rest from the network, each failure noted (`unfetched`).
const fetchFromNetwork = self.fetch.bind(self);
// Files Pyodide's loader could not fetch during this start. It only logs a missing
// standard library, and a start would then seem to work until the first import that
// needs it: such a start is refused instead.
let unfetched = [];
const answered = new Map();
self.fetch = (input, options) => {
  const url = String(input instanceof Request ? input.url : input);
  const answer = answered.get(url);
  if (answer) return answer();
  return fetchFromNetwork(input, options).then((response) => {
    if (!response.ok) unfetched.push(`${url} (${response.status})`);
    return response;
  });
};
// Not a file of the site: the snapshot's standard library, handed to Pyodide.
const STDLIB_URL = "snapshot-stdlib.zip";
// A zip with nothing in it: its end record alone.
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
// Where the full standard library goes when the trimmed one lacks a module.
const FULL_STDLIB = "/lib/python_stdlib_full.zip";

async function fetchOk(url) {
  const response = await fetchFromNetwork(url);
  if (!response.ok) throw new Error(`${url} could not be fetched (${response.status})`);
  return response;
}

// A .gz file's body, inflated (DecompressionStream checks the gzip CRC and length), unless
// the server sent it with Content-Encoding: gzip and the browser has inflated it already.
function inflate(response) {
  const encoding = response.headers.get("Content-Encoding") || "";
  return encoding.includes("gzip") ? response.body
    : response.body.pipeThrough(new DecompressionStream("gzip"));
}

// The kept inflated copies (null where Cache Storage cannot be used).
function inflatedCopies() {
  return self.caches ? caches.open(INFLATED).catch(() => null) : Promise.resolve(null);
}

// A .gz file inflated: the kept copy, else the file fetched and inflated, and kept on the way.
async function inflated(url, type) {
  const copies = await inflatedCopies();
  const kept = copies && await copies.match(url).catch(() => null);
  if (kept) return kept;
  const [body, copy] = inflate(await fetchOk(url)).tee();
  const headers = { "Content-Type": type };
  if (copies) copies.put(url, new Response(copy, { headers })).catch(() => {});
  return new Response(body, { headers });
}

// After a start: only the copies of this build's files stay. After a failure: none.
async function pruneCopies(keep) {
  const copies = await inflatedCopies();
  if (!copies) return;
  const requests = await copies.keys().catch(() => []);
  await Promise.all(requests.filter((request) => !keep.includes(request.url))
    .map((request) => copies.delete(request).catch(() => {})));
}

function refuseUnfetched() {
  if (unfetched.length) throw new Error(`${unfetched.join(", ")} could not be fetched`);
}

// A start's watch on Pyodide's fetches begins with no failures, and its WebAssembly is
// handed the inflated .gz instead, asked for at once rather than when Pyodide gets round to it.
function watchPyodideFetches(indexURL, wasmURL) {
  unfetched = [];
  const wasm = new URL("pyodide.asm.wasm", indexURL).href;
  answered.delete(wasm);
  if (!wasmURL) return;
  let early = inflated(wasmURL, "application/wasm");
  early.catch(() => {});
  answered.set(wasm, () => {
    const response = early || inflated(wasmURL, "application/wasm");
    early = null; // a body is read once: a second start asks again
    return response;
  });
}

// The snapshot ({memory, extra: its standard library}), fetched and unpacked while
// Pyodide's own files arrive.
function fetchSnapshot(snapshotURL) {
  if (!snapshotURL) return Promise.reject(new Error("no snapshot"));
  return inflated(snapshotURL, "application/octet-stream")
    .then((response) => unpackWith(response.body));
}

async function fromSnapshot(pyodideModule, snapshot, { indexURL, snapshotVersion }) {
  if (snapshotVersion !== pyodideModule.version) {
    throw new Error(`the snapshot is for Pyodide ${snapshotVersion}, not ${pyodideModule.version}`);
  }
  const abandoned = new Promise((_, reject) => { abandonSnapshot = reject; });
  const stdLibURL = new URL(STDLIB_URL, indexURL).href;
  // Without a snapshot, an empty zip: Pyodide's start fails on the snapshot, and a
  // refused fetch here would be an unhandled rejection after it.
  answered.set(stdLibURL, () => snapshot.then((unpacked) => unpacked.extra, () => EMPTY_ZIP)
    .then((bytes) => new Response(bytes, { headers: { "Content-Type": "application/zip" } })));
  const memory = snapshot.then((unpacked) => unpacked.memory);
  memory.catch(() => {}); // a missing snapshot is a plain start, not an unhandled rejection
  try {
    const pyodide = await Promise.race([abandoned, pyodideModule.loadPyodide(
      { indexURL, stdLibURL, _loadSnapshot: memory, ...quiet })]);
    refuseUnfetched();
    // A standard module the trimmed library lacks: the full one, fetched once (the
    // snapshot's finder calls this; a synchronous request, allowed in a worker).
    pyodide.registerJsModule("_nb_full_stdlib", {
      fetch() {
        const request = new XMLHttpRequest();
        request.open("GET", new URL("python_stdlib.zip", indexURL).href, false);
        request.responseType = "arraybuffer";
        request.send();
        if (request.status !== 200) throw new Error(`python_stdlib.zip: ${request.status}`);
        pyodide.FS.writeFile(FULL_STDLIB, new Uint8Array(request.response));
        return FULL_STDLIB;
      },
    });
    // The engine was imported before the snapshot was made: it is already in sys.modules.
    const report = pyodide.pyimport("calculators.report");
    JSON.parse(report.respond("pto_value", JSON.stringify({ salary: 52000, pto_days: 1 })));
    return report.respond;
  } finally {
    abandonSnapshot = null;
    answered.delete(stdLibURL);
  }
}

async function plainStart(pyodideModule, { indexURL, engineURL }) {
  const archive = fetchOk(engineURL).then((response) => response.arrayBuffer());
  archive.catch(() => {});
  const pyodide = await pyodideModule.loadPyodide({ indexURL, ...quiet });
  refuseUnfetched();
  pyodide.unpackArchive(new Uint8Array(await archive), "zip", { extractDir: "/engine" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/engine')");
  return pyodide.pyimport("calculators.report").respond;
}

async function init(message) {
  watchPyodideFetches(message.indexURL, message.wasmURL);
  const snapshot = fetchSnapshot(message.snapshotURL);
  snapshot.catch(() => {});
  // The runtime's script, which loadPyodide imports later, is on its way meanwhile.
  import(new URL("pyodide.asm.mjs", message.indexURL).href).catch(() => {});
  const pyodideModule = await import(new URL("pyodide.mjs", message.indexURL).href);
  try {
    respond = await fromSnapshot(pyodideModule, snapshot, message);
    pruneCopies([message.snapshotURL, message.wasmURL]);
    return "snapshot";
  } catch {
    respond = null;
  }
  await pruneCopies([]);
  watchPyodideFetches(message.indexURL, message.wasmURL); // from the network, not a kept copy
  respond = await plainStart(pyodideModule, message);
  return "plain";
}

// A failure deep inside Pyodide's loader may surface only as an unhandled rejection.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (abandonSnapshot) abandonSnapshot(event.reason);
  else if (!respond) self.postMessage({ type: "failed", message: String(event.reason) });
});

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    try {
      const start = await init(message);
      self.postMessage({ type: "ready", start });
    } catch (error) {
      self.postMessage({ type: "failed", message: String((error && error.message) || error) });
    }
    return;
  }
  const { id, name, inputs } = message;
  try {
    const answer = JSON.parse(respond(name, JSON.stringify(inputs)));
    self.postMessage({ id, ...answer });
  } catch {
    self.postMessage({ id, error: { field: null, message: GENERIC } });
  }
});
