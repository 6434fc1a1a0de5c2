// The reference page: ?pyodide=URL&engine=URL, both relative to this page.
const params = new URLSearchParams(location.search);
const output = document.getElementById("result");
const worker = new Worker(new URL("reference-worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", (event) => {
  const answer = event.data;
  output.textContent = answer.error ? `failed: ${answer.error}` : answer.sentence;
  output.dataset.calcState = answer.error ? "error" : "ready";
  output.dataset.calcRenderedAt = String(performance.now());
});
worker.postMessage({
  indexURL: new URL(params.get("pyodide"), location.href).href,
  engineURL: new URL(params.get("engine"), location.href).href,
});
