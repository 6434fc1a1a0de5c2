// A plain Pyodide start, as the peers make it: no snapshot, nothing fetched ahead.
self.addEventListener("message", async (event) => {
  const { indexURL, engineURL } = event.data;
  try {
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
    const response = await fetch(engineURL);
    pyodide.unpackArchive(new Uint8Array(await response.arrayBuffer()), "zip",
      { extractDir: "/engine" });
    pyodide.runPython("import sys\nsys.path.insert(0, '/engine')");
    const respond = pyodide.pyimport("calculators.report").respond;
    const answer = JSON.parse(respond("pto_value", JSON.stringify({ salary: 52000, pto_days: 10 })));
    self.postMessage({ sentence: JSON.stringify(answer.result) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
