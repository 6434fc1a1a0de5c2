// The calculators' Web Worker (a module worker): Pyodide and the engine, off the page's thread.
//
// {type: "init", indexURL, engineURL, snapshotURL, snapshotVersion, wasmURL} starts Python
// and answers {type: "ready", start: "snapshot" | "plain"} or {type: "failed", message}.
// The fast start restores the memory snapshot the build made (Python already started,
// the engine already imported; hooks/pyodide_snapshot.mjs), gzip-compressed and inflated
// here. Whenever there is no snapshot, it is for another Pyodide, or it fails to load,
// the plain start runs instead: Pyodide starts from scratch while the engine archive is
// fetched in parallel, then the engine is unpacked and imported.
// wasmURL, when given, is Pyodide's WebAssembly gzip-compressed (GitHub Pages does not
// compress application/wasm), inflated on the way to the compiler.
// {id, name, inputs} runs a calculator through calculators.report.respond (the same
// function the build uses) and answers {id, result, html} or {id, error: {field, message}}.
// Nothing but JSON crosses to the page: never a Python traceback.

const GENERIC = "Something went wrong with this calculation. Check the inputs and try again.";
let respond = null;
// While the snapshot is tried, a failure deep inside Pyodide abandons it for the plain start.
let abandonSnapshot = null;
const quiet = { stdout: () => {}, stderr: () => {} };

async function fetchOk(url) {
  const response = await fetch(url);
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

async function gunzip(url) {
  return new Uint8Array(await new Response(inflate(await fetchOk(url))).arrayBuffer());
}

// Pyodide fetches its WebAssembly itself: hand it the inflated .gz instead of the raw file.
function serveWasmFrom(indexURL, wasmURL) {
  if (!wasmURL) return;
  const wasm = new URL("pyodide.asm.wasm", indexURL).href;
  const fetchFromNetwork = self.fetch.bind(self);
  self.fetch = (input, options) => {
    if (String(input instanceof Request ? input.url : input) !== wasm) {
      return fetchFromNetwork(input, options);
    }
    return fetchFromNetwork(wasmURL).then((response) => {
      if (!response.ok) throw new Error(`${wasmURL} could not be fetched (${response.status})`);
      return new Response(inflate(response), { headers: { "Content-Type": "application/wasm" } });
    });
  };
}

async function fromSnapshot(pyodideModule, { indexURL, snapshotURL, snapshotVersion }) {
  if (!snapshotURL) throw new Error("no snapshot");
  if (snapshotVersion !== pyodideModule.version) {
    throw new Error(`the snapshot is for Pyodide ${snapshotVersion}, not ${pyodideModule.version}`);
  }
  const abandoned = new Promise((_, reject) => { abandonSnapshot = reject; });
  try {
    const pyodide = await Promise.race([abandoned, pyodideModule.loadPyodide(
      { indexURL, _loadSnapshot: gunzip(snapshotURL), ...quiet })]);
    // The engine was imported before the snapshot was made: it is already in sys.modules.
    const report = pyodide.pyimport("calculators.report");
    JSON.parse(report.respond("pto_value", JSON.stringify({ salary: 52000, pto_days: 1 })));
    return report.respond;
  } finally {
    abandonSnapshot = null;
  }
}

async function plainStart(pyodideModule, { indexURL, engineURL }) {
  const archive = fetchOk(engineURL).then((response) => response.arrayBuffer());
  archive.catch(() => {});
  const pyodide = await pyodideModule.loadPyodide({ indexURL, ...quiet });
  pyodide.unpackArchive(new Uint8Array(await archive), "zip", { extractDir: "/engine" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/engine')");
  return pyodide.pyimport("calculators.report").respond;
}

async function init(message) {
  serveWasmFrom(message.indexURL, message.wasmURL);
  const pyodideModule = await import(new URL("pyodide.mjs", message.indexURL).href);
  try {
    respond = await fromSnapshot(pyodideModule, message);
    return "snapshot";
  } catch {
    respond = null;
  }
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
