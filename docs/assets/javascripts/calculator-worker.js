// The calculators' Web Worker (a module worker): Pyodide and the engine, off the page's thread.
//
// {type: "init", indexURL, engineURL} loads Pyodide from the site's own copy and unpacks
// the engine archive; it answers {type: "ready"} or {type: "failed", message}.
// {id, name, inputs} runs a calculator through calculators.report.respond (the same
// function the build uses) and answers {id, result, html} or {id, error: {field, message}}.
// Nothing but JSON crosses to the page: never a Python traceback.

const GENERIC = "Something went wrong with this calculation. Check the inputs and try again.";
let respond = null;

async function init({ indexURL, engineURL }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  const response = await fetch(engineURL);
  if (!response.ok) throw new Error(`the calculators could not be fetched (${response.status})`);
  const archive = new Uint8Array(await response.arrayBuffer());
  pyodide.unpackArchive(archive, "zip", { extractDir: "/engine" });
  pyodide.runPython("import sys\nsys.path.insert(0, '/engine')");
  respond = pyodide.pyimport("calculators.report").respond;
}

// A failure deep inside Pyodide's loader may surface only as an unhandled rejection.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!respond) self.postMessage({ type: "failed", message: String(event.reason) });
});

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    try {
      await init(message);
      self.postMessage({ type: "ready" });
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
