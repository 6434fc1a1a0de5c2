// Calculator pages: moves JSON between each form, the Pyodide worker and the page.
//
// Every form[data-calculator] arrives from the build with the example filled in and its
// result rendered. This script restores the reader's own numbers (from the link, else
// from localStorage), loads Python in a module Web Worker from the site itself, and
// recalculates as the reader types. It knows nothing of finance: the worker returns the
// result and its HTML, rendered by the same Python function the build used.

const STORAGE_PREFIX = "negotiate-benefits:calculator:";
const RENAMED = ["name", "id", "for", "aria-describedby", "data-field", "data-list",
  "data-error-for", "data-when"];
// A calculation normally answers within milliseconds: without an answer after this long,
// the worker is taken for dead, and restarted with the next input.
const ANSWER_TIMEOUT_MS = 10_000;
// Loading is only slow, not failed, after this long, or twice as long as the download
// should take on the reader's connection (slowLoadMs): the reader is told, and may retry.
// A start that cannot work because its WebAssembly is missing is found after this long
// too, whatever the connection (wasmMissing).
const SLOW_LOAD_MS = 10_000;
const connection = navigator.connection || null;

// The reader asked to save data, or the connection is slow (2G or 3G): Python, a download
// of several megabytes, starts only when the reader first uses a form.
function savesData() {
  return Boolean(connection && (connection.saveData
    || ["slow-2g", "2g", "3g"].includes(connection.effectiveType)));
}

// When a load is slower than the connection explains: "8.4 MB" at the connection's
// estimated bandwidth (Mbit/s, capped at 10 by browsers), twice over, plus its round
// trips. Without an estimate (no Network Information API, as in Firefox and Safari),
// SLOW_LOAD_MS.
function slowLoadMs(form) {
  const mbit = connection && connection.downlink;
  if (!mbit) return SLOW_LOAD_MS;
  const bytes = parseFloat(form.dataset.download) * 1e6 || 0;
  const rtt = connection.rtt || 0;
  return Math.max(SLOW_LOAD_MS, 2 * ((bytes * 8) / (mbit * 1000) + 20 * rtt));
}
const STATUS = {
  // "{download}": the form's data-download, measured by the build from the files it ships.
  loading: "Loading Python in your browser (once; about {download})… The result below is the example's until then.",
  // Saving data: nothing is downloaded until the reader uses the form.
  waiting: "The result below is the example's. Python starts when you use the form (a download of about {download}, once).",
  ready: "Ready: the result updates as you type.",
  invalid: "Check the highlighted input: the result below is for the last valid numbers.",
  failed: "Python could not be loaded, so the result cannot update. The result below is for the example.",
  slow: "Python is taking a long time to load (a slow or interrupted connection?). The result below is the example's until it does. You can keep waiting or try again.",
  stopped: "The calculator stopped unexpectedly; it restarts with your next change (or press Try again). The result below is for the last numbers it calculated.",
};

// --- the worker, shared by every form on the page ------------------------------------

let engine = null;
// Every form is told when the worker dies (an error, or no answer in time): "engine-stopped".
const engineEvents = new EventTarget();

function startEngine(form) {
  if (engine) return engine;
  const url = (attr) => new URL(form.dataset[attr], document.baseURI).href;
  const worker = new Worker(url("worker"), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  let started = false;
  let failStart = null;
  // The worker is gone for good: every waiting calculation fails, the next input restarts it.
  const die = (error) => {
    worker.terminate();
    if (engine === current) engine = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    if (started) engineEvents.dispatchEvent(new Event("engine-stopped"));
    else failStart(error);
  };
  const ready = new Promise((resolve, reject) => {
    failStart = reject;
    worker.addEventListener("message", (event) => {
      const answer = event.data || {};
      if (answer.type === "ready") {
        started = true;
        resolve(answer.start);
      } else if (answer.type === "failed") reject(new Error(answer.message));
      else if (pending.has(answer.id)) {
        pending.get(answer.id).resolve(answer);
        pending.delete(answer.id);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      die(new Error(started ? "the worker stopped" : "the worker could not start"));
    });
    worker.addEventListener("messageerror", () => die(new Error("the worker sent an unreadable answer")));
  });
  const optional = (attr) => (form.dataset[attr] ? url(attr) : undefined);
  worker.postMessage({ type: "init", indexURL: url("pyodide"), engineURL: url("engine"),
    snapshotURL: optional("snapshot"), snapshotVersion: form.dataset.snapshotVersion,
    wasmURL: optional("wasm") });
  const current = {
    ready,
    run(name, inputs) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => die(new Error("the worker did not answer")), ANSWER_TIMEOUT_MS);
        pending.set(id, {
          resolve(answer) {
            clearTimeout(timer);
            resolve(answer);
          },
          reject(error) {
            clearTimeout(timer);
            reject(error);
          },
        });
        try {
          worker.postMessage({ id, name, inputs });
        } catch {
          // Inputs that cannot be copied to the worker (nested too deep): only this fails.
          pending.get(id).resolve({ id, error: { field: null, message: "These inputs could not be sent to the calculator." } });
          pending.delete(id);
        }
      });
    },
    stop() {
      worker.terminate();
      if (engine === current) engine = null;
      if (!started) failStart(new Error("stopped"));
    },
  };
  engine = current;
  ready.catch(() => {});
  return engine;
}

// Pyodide waits forever, without an error, when its WebAssembly cannot be fetched (every
// other file missing makes the worker fail). So a start still loading after SLOW_LOAD_MS
// asks the site for that one file (a HEAD request, no body): true if it cannot be had,
// and the start never will.
async function wasmMissing(form) {
  const base = document.baseURI;
  const url = form.dataset.wasm ? new URL(form.dataset.wasm, base)
    : new URL("pyodide.asm.wasm", new URL(form.dataset.pyodide, base));
  return fetch(url, { method: "HEAD", cache: "no-store" }).then((response) => !response.ok, () => true);
}

// Once Python has loaded, a service worker at the site's root keeps the calculator pages,
// Pyodide and the engine for use offline (service-worker.js, built by hooks/offline.py).
let offlineAsked = false;

function keepForOffline() {
  if (offlineAsked || !("serviceWorker" in navigator)) return;
  offlineAsked = true;
  const root = new URL("../../", import.meta.url);
  navigator.serviceWorker.register(new URL("service-worker.js", root), { scope: root.pathname })
    .catch(() => {}); // without it the page works as before, online only
}

// --- paths: "offers[1].match_formula[0].match_pct" ---------------------------------

function parsePath(path) {
  const parts = [];
  path.replace(/([^.[\]]+)|\[(\d+)\]/g, (_, key, index) => {
    parts.push(index === undefined ? key : Number(index));
    return "";
  });
  return parts;
}

function getPath(object, path) {
  let value = object;
  for (const part of parsePath(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[part];
  }
  return value;
}

function setPath(object, path, value) {
  const parts = parsePath(path);
  let target = object;
  parts.slice(0, -1).forEach((part, i) => {
    if (target[part] === undefined) target[part] = typeof parts[i + 1] === "number" ? [] : {};
    target = target[part];
  });
  target[parts[parts.length - 1]] = value;
}

function parentPath(path) {
  const match = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return match ? match[1] : "";
}

// --- reading and filling a form --------------------------------------------------------

function isOff(element) {
  return Boolean(element.closest("[data-when][hidden]"));
}

function controls(form) {
  return [...form.querySelectorAll("[name][data-kind]")].filter((el) => !isOff(el));
}

// The form as the calculator's JSON inputs, and the problems found before asking Python.
function collect(form) {
  const inputs = {};
  const problems = [];
  form.querySelectorAll("[data-list]").forEach((list) => {
    if (!isOff(list)) setPath(inputs, list.dataset.list, []);
  });
  for (const el of controls(form)) {
    const kind = el.dataset.kind;
    const raw = el.value.trim();
    let value;
    if (kind === "number" || kind === "integer") {
      if (el.validity.badInput) problems.push({ field: el.name, message: "Enter a number." });
      else if (raw !== "") value = Number(raw);
      else if (el.hasAttribute("data-nullable")) value = null;
    } else if (kind === "boolean") {
      value = el.checked;
    } else if (kind === "json") {
      if (raw !== "") {
        try {
          value = JSON.parse(raw);
        } catch {
          problems.push({ field: el.name, message: "Enter a list in brackets, for example [0, 20, 40, 60, 80, 100]." });
        }
      }
    } else if (kind === "text" || kind === "choice") {
      value = raw === "" && el.hasAttribute("data-nullable") ? null : raw;
    } else {
      value = el.value;
    }
    if (value !== undefined) setPath(inputs, el.name, value);
  }
  return { inputs, problems };
}

function renumber(form) {
  // Outer lists first: a row's new index reaches the lists inside it before they renumber.
  form.querySelectorAll("[data-list]").forEach((list) => {
    const path = list.dataset.list;
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(^|[-\\s])${escaped}\\[[^\\]]*\\]`, "g");
    const rows = [...list.querySelector("[data-rows]").children];
    rows.forEach((row, index) => {
      for (const el of [row, ...row.querySelectorAll("*")]) {
        for (const attr of RENAMED) {
          const value = el.getAttribute(attr);
          if (value !== null) el.setAttribute(attr, value.replace(pattern, `$1${path}[${index}]`));
        }
      }
      const legend = row.querySelector(":scope > legend");
      legend.textContent = `${legend.dataset.rowLegend} ${index + 1}`;
    });
    const min = Number(list.dataset.minItems);
    const max = Number(list.dataset.maxItems);
    rows.forEach((row) => {
      row.querySelector(":scope > [data-action=remove]").disabled = rows.length <= min;
    });
    list.querySelector(":scope > [data-action=add]").disabled = rows.length >= max;
  });
}

function addRow(list) {
  const template = list.querySelector(":scope > template[data-row-template]");
  const row = template.content.firstElementChild.cloneNode(true);
  list.querySelector("[data-rows]").append(row);
  row.querySelectorAll("[data-action]").forEach((button) => (button.hidden = false));
  return row;
}

function showConditional(form) {
  form.querySelectorAll("[data-when]").forEach((el) => {
    const control = form.elements.namedItem(el.dataset.when);
    const allowed = JSON.parse(el.dataset.whenValues);
    el.hidden = Boolean(control) && !allowed.includes(control.value);
  });
}

// Fill the form with ``inputs``: rows first (outer lists before inner), then every control.
function fill(form, inputs) {
  for (let pass = 0; pass < 4; pass += 1) {
    let changed = false;
    form.querySelectorAll("[data-list]").forEach((list) => {
      const wanted = getPath(inputs, list.dataset.list);
      if (!Array.isArray(wanted)) return;
      // One row more than allowed still reaches the calculator, which says so; a link
      // asking for a million rows does not get them.
      const max = Number(list.dataset.maxItems);
      const count = Math.min(wanted.length, Number.isFinite(max) ? max + 1 : 100);
      const rows = list.querySelector("[data-rows]");
      while (rows.children.length > count) {
        rows.lastElementChild.remove();
        changed = true;
      }
      while (rows.children.length < count) {
        addRow(list);
        changed = true;
      }
    });
    renumber(form);
    if (!changed) break;
  }
  for (const el of form.querySelectorAll("[name][data-kind]")) {
    const value = getPath(inputs, el.name);
    if (value === undefined) continue;
    if (el.dataset.kind === "boolean") el.checked = value === true;
    else if (el.dataset.kind === "json") el.value = value === null ? "" : JSON.stringify(value);
    else el.value = value === null ? "" : String(value);
  }
  showConditional(form);
}

// A blank start ("Clear"): each list at its default rows if the page gives them (the share
// price cases), else down to its fewest rows, fresh from its template; every control at its
// default (amounts 0, optional ones empty, required ones empty, so the page asks for
// them). The reader's tax facts stay as they are.
function clearForm(form) {
  const shape = {};
  form.querySelectorAll("[data-list]").forEach((list) => {
    if (list.closest("[data-tax-facts]") || list.closest("[data-row]")) return;
    list.querySelector("[data-rows]").replaceChildren();
    setPath(shape, list.dataset.list, list.dataset.default ? JSON.parse(list.dataset.default)
      : Array.from({ length: Number(list.dataset.minItems) || 0 }, () => ({})));
  });
  fill(form, shape);
  for (const el of form.querySelectorAll("[name][data-kind][data-default]")) {
    if (el.closest("[data-tax-facts]") || getPath(shape, el.name) !== undefined) continue;
    if (el.dataset.kind === "boolean") el.checked = el.dataset.default === "true";
    else el.value = el.dataset.default;
  }
  showConditional(form);
}

// Tables that show a phone only the columns that matter: one tap shows them all (in
// every table of the result, kept as the result updates), another hides them again.
function showColumns(form) {
  const all = form.classList.contains("calc-all-columns");
  form.querySelectorAll("[data-action=columns]").forEach((button) => {
    button.setAttribute("aria-expanded", String(all));
  });
}

// Whether restored ``inputs`` have the form's shape (checked once filled in): each list a
// list of objects, each group an object, each single value not an object or a list.
function fits(form, inputs) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  for (const list of form.querySelectorAll("[data-list]")) {
    const value = getPath(inputs, list.dataset.list);
    if (value !== undefined && !(Array.isArray(value) && value.every(isObject))) return false;
  }
  for (const group of form.querySelectorAll("fieldset.calc-group[data-field]:not([data-list])")) {
    const value = getPath(inputs, group.dataset.field);
    if (value !== undefined && value !== null && !isObject(value)) return false;
  }
  for (const el of form.querySelectorAll("[name][data-kind]")) {
    const value = getPath(inputs, el.name);
    if (el.dataset.kind !== "json" && value !== null && typeof value === "object") return false;
  }
  return true;
}

// --- errors beside their fields ------------------------------------------------------------

function clearErrors(form) {
  form.querySelectorAll("[data-error-for]").forEach((el) => {
    el.hidden = true;
    el.textContent = "";
  });
  form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
}

function showError(form, field, message) {
  let path = field || "";
  let holder = null;
  for (;;) {
    holder = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (holder || path === "") break;
    path = parentPath(path);
  }
  holder.textContent = path && path !== field ? `${field.slice(path.length).replace(/^\./, "")}: ${message}` : message;
  holder.hidden = false;
  const control = path ? form.elements.namedItem(path) : null;
  if (control && control.setAttribute) control.setAttribute("aria-invalid", "true");
}

// --- state: the link and localStorage ---------------------------------------------------

function readLink(name) {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has(name)) return { found: false };
  try {
    const inputs = JSON.parse(params.get(name));
    if (inputs && typeof inputs === "object" && !Array.isArray(inputs)) return { found: true, inputs };
  } catch {
    // fall through: a mangled link
  }
  return { found: true, inputs: null };
}

// The numbers each calculator on the page has put in the address (name -> inputs).
// The hash holds nothing else: a link to a heading (the table of contents, a heading's
// link) scrolls there, then the address gets the numbers back (see "hashchange" below).
// The numbers stay in the hash, which the browser never sends to a server.
const linked = new Map();

function address() {
  const params = new URLSearchParams();
  linked.forEach((inputs, name) => params.set(name, JSON.stringify(inputs)));
  const hash = params.toString();
  return `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`;
}

function setLink(name, inputs) {
  if (inputs === null) linked.delete(name);
  else linked.set(name, inputs);
  history.replaceState(null, "", address());
}

function readStorage(name) {
  let raw = null;
  try {
    raw = localStorage.getItem(STORAGE_PREFIX + name);
  } catch {
    return { found: false };
  }
  if (raw === null) return { found: false };
  try {
    const saved = JSON.parse(raw);
    const inputs = saved && saved.inputs;
    if (inputs && typeof inputs === "object" && !Array.isArray(inputs)) return { found: true, inputs };
  } catch {
    // fall through: storage that is not ours
  }
  return { found: true, inputs: null };
}

function writeStorage(name, inputs, result) {
  try {
    localStorage.setItem(STORAGE_PREFIX + name, JSON.stringify({ inputs, result }));
  } catch {
    // Storage full or disabled: the page still works, it only forgets.
  }
}

// --- the reader's tax facts, shared by every calculator ---------------------------------

// Filing status, state, age and the rest are asked once: whichever calculator the
// reader changes them in, every other one starts from them (a link's numbers win).
const FACTS_KEY = "negotiate-benefits:tax-facts";

function readFacts() {
  try {
    const facts = JSON.parse(localStorage.getItem(FACTS_KEY));
    return facts && typeof facts === "object" && !Array.isArray(facts) ? facts : {};
  } catch {
    return {};
  }
}

const factControls = (form) => [...form.querySelectorAll("[data-tax-facts] [name][data-kind]")];

function shareFacts(form) {
  const { inputs } = collect(form);
  const facts = readFacts();
  for (const el of factControls(form)) {
    if (el.name in inputs) facts[el.name] = inputs[el.name];
  }
  try {
    localStorage.setItem(FACTS_KEY, JSON.stringify(facts));
  } catch {
    // Storage full or disabled: the facts stay on this page only.
  }
}

// "Single · Illinois · age 35": the facts this calculator uses, in the folded header.
function summariseFacts(form) {
  const summary = form.querySelector("[data-facts-summary]");
  if (!summary) return;
  const words = factControls(form).filter((el) => ["filing_status", "state", "age"].includes(el.name))
    .map((el) => (el.tagName === "SELECT" ? el.selectedOptions[0]?.textContent : `age ${el.value}`))
    .filter((word) => word && word !== "None");
  summary.textContent = words.length ? `: ${words.join(" · ")}` : "";
}

function applyFacts(form) {
  const facts = readFacts();
  const mine = {};
  for (const el of factControls(form)) {
    if (el.name in facts) mine[el.name] = facts[el.name];
  }
  if (Object.keys(mine).length) fill(form, { ...collect(form).inputs, ...mine });
}

// --- one calculator ------------------------------------------------------------------------

function setUp(form) {
  const name = form.dataset.calculator;
  const status = form.querySelector("[data-status]");
  const notice = form.querySelector("[data-notice]");
  const result = form.querySelector("[data-result]");
  const retry = form.querySelector("[data-action=retry]");
  let running = null; // the calculation under way, if any
  let again = false; // the form changed while it ran
  let queued = false; // a calculation is about to start
  let latest = 0;
  let restoredFrom = null; // "link" or "storage" until the restored numbers are checked
  let restarted = false; // a new worker was started for a calculation that got no answer

  form.querySelectorAll("[data-action]").forEach((button) => {
    if (button !== retry) button.hidden = false;
  });
  renumber(form);
  const example = collect(form).inputs;

  const say = (text) => {
    status.textContent = text;
  };
  const warn = (text) => {
    notice.textContent = text;
    notice.hidden = !text;
  };
  // Screen readers hear each new result and each problem once, in the form's live region.
  const announcer = form.querySelector("[data-announce]");
  const announce = (text) => {
    if (announcer) announcer.textContent = text;
  };
  const problemText = (field, message) => {
    const control = field ? form.elements.namedItem(field) : null;
    const label = control && control.labels && control.labels[0];
    return `${label ? label.textContent.trim() : field || "Inputs"}: ${message}`;
  };
  const resultText = () => {
    const lead = result.querySelector(".calc-lead");
    const row = result.querySelector(".calc-figures tbody tr");
    const figure = row
      ? `${row.querySelector("th").firstChild.textContent.trim()}: ${row.querySelector("td").textContent}`
      : "";
    return `Result updated. ${lead ? lead.textContent : figure}`;
  };

  // Numbers from a link or from storage; false (the example, and a notice) if unreadable.
  function restore(found, from) {
    if (found.inputs) {
      try {
        // From the example: a value the numbers leave out is the example's, never one
        // typed (or mistyped) before a new link arrived.
        fill(form, example);
        fill(form, found.inputs);
        if (fits(form, found.inputs)) {
          restoredFrom = from;
          return true;
        }
      } catch {
        // a shape the form cannot hold
      }
      fill(form, example);
    }
    warn(from === "link"
      ? "The numbers in this link could not be read, so the example is shown instead."
      : "Your saved numbers could not be read, so the example is shown instead.");
    return false;
  }

  const link = readLink(name);
  if (link.found) restore(link, "link");
  else {
    const saved = readStorage(name);
    if (saved.found) restore(saved, "storage");
    applyFacts(form);
  }
  summariseFacts(form);

  // A new link for this page opened without a reload (pasted into the address bar, or
  // back to an earlier address): its numbers, as if the page had been opened with it.
  form.addEventListener("calc-link", () => {
    const fresh = readLink(name);
    if (!fresh.found || JSON.stringify(fresh.inputs) === JSON.stringify(linked.get(name))) return;
    warn("");
    clearErrors(form);
    if (!restore(fresh, "link")) fill(form, example);
    if (form.dataset.calcState === "ready") schedule();
  });
  // Another script on the page (the workbench's) reads the numbers and the example
  // ("calc-read": into event.detail), and sets numbers, such as a saved file's
  // ("calc-set", detail {inputs, from}): a blank form first, then checked as a link's.
  form.addEventListener("calc-read", (event) => {
    event.detail.inputs = collect(form).inputs;
    event.detail.example = example;
  });
  // ("calc-fill", detail {inputs}): these numbers into the form as they are, unchecked.
  form.addEventListener("calc-fill", (event) => {
    fill(form, event.detail.inputs);
    summariseFacts(form);
    schedule();
  });
  form.addEventListener("calc-set", (event) => {
    warn("");
    clearErrors(form);
    clearForm(form);
    if (!restore({ found: true, inputs: event.detail.inputs }, event.detail.from)) fill(form, example);
    summariseFacts(form);
    schedule();
  });
  engineEvents.addEventListener("engine-stopped", () => {
    if (form.dataset.calcState !== "ready") return;
    form.dataset.calcState = "stopped";
    say(STATUS.stopped);
    retry.hidden = false;
  });

  async function calculate() {
    const request = ++latest;
    const { inputs, problems } = collect(form);
    if (problems.length) {
      clearErrors(form);
      problems.forEach((problem) => showError(form, problem.field, problem.message));
      form.dataset.calcRenderedAt = String(performance.now());
      say(STATUS.invalid);
      announce(problemText(problems[0].field, problems[0].message));
      return;
    }
    let answer;
    try {
      answer = await engine.run(name, inputs);
    } catch {
      // The worker stopped (the form says so: "engine-stopped"). This input was waiting
      // for it, so a new worker starts for it, once; after that, the next input does.
      if (request === latest && form.dataset.calcState === "stopped" && !restarted) {
        restarted = true;
        load();
      }
      return;
    }
    restarted = false;
    if (request !== latest) return; // a newer calculation is on its way
    clearErrors(form);
    if (answer.error) {
      if (restoredFrom) {
        const where = restoredFrom === "link" ? "this link" : "your saved numbers";
        restoredFrom = null;
        warn(`Some of ${where} could not be used (${answer.error.field || "inputs"}: ${answer.error.message}), so the example is shown instead.`);
        fill(form, example);
        setLink(name, null);
        calculate();
        return;
      }
      showError(form, answer.error.field, answer.error.message);
      result.classList.add("calc-stale");
      say(STATUS.invalid);
      announce(problemText(answer.error.field, answer.error.message));
    } else {
      restoredFrom = null;
      result.innerHTML = answer.html;
      result.classList.remove("calc-stale");
      showColumns(form);
      writeStorage(name, inputs, answer.result);
      setLink(name, inputs);
      say(STATUS.ready);
      // Not on the first result after loading: it only confirms the numbers already shown.
      if (form.dataset.calcRenderedAt) announce(resultText());
    }
    form.dataset.calcRenderedAt = String(performance.now());
  }

  // No fixed delay: a change is calculated at once (a few milliseconds in the worker);
  // changes made while one runs are folded into a single calculation after it.
  const schedule = () => {
    if (form.dataset.calcState === "stopped") {
      load(); // a new worker, then this input's result
      return;
    }
    if (form.dataset.calcState !== "ready") return;
    if (running) {
      again = true;
      return;
    }
    // Events of one task (an "input" and its "change") make one calculation.
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      running = calculate().finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    });
  };

  let loads = 0;

  async function load() {
    const attempt = ++loads;
    form.dataset.calcState = "loading";
    retry.hidden = true;
    say(STATUS.loading.replace("{download}", form.dataset.download));
    const still = () => attempt === loads && form.dataset.calcState === "loading";
    const slow = setTimeout(() => {
      if (!still()) return;
      say(STATUS.slow);
      retry.hidden = false;
    }, slowLoadMs(form));
    const check = setTimeout(async () => {
      if (!still()) return;
      const missing = await wasmMissing(form);
      if (missing && still() && engine) engine.stop();
    }, SLOW_LOAD_MS);
    let started = null;
    let start;
    try {
      started = startEngine(form);
      // "snapshot" or "plain": how the worker started Python (the benchmark reads it).
      start = await started.ready;
    } catch {
      if (attempt !== loads) return; // a newer attempt is under way
      if (engine && engine === started) engine.stop();
      form.dataset.calcState = "error";
      say(STATUS.failed);
      retry.hidden = false;
      return;
    } finally {
      clearTimeout(slow);
      clearTimeout(check);
    }
    if (attempt !== loads) return;
    form.dataset.calcStart = start;
    form.dataset.calcState = "ready";
    retry.hidden = true;
    keepForOffline();
    await calculate();
  }

  form.addEventListener("input", (event) => {
    if (event.target.matches("select")) showConditional(form);
    if (event.target.closest("[data-tax-facts]")) shareFacts(form);
    summariseFacts(form);
    schedule();
  });
  form.addEventListener("change", (event) => {
    showConditional(form);
    if (event.target.closest("[data-tax-facts]")) shareFacts(form);
    summariseFacts(form);
    schedule();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "add") {
      const row = addRow(button.closest("[data-list]"));
      renumber(form);
      showConditional(form);
      const first = row.querySelector("[name]");
      if (first) first.focus();
    } else if (action === "remove") {
      const list = button.closest("[data-list]");
      button.closest("[data-row]").remove();
      renumber(form);
      list.querySelector(":scope > [data-action=add]").focus();
    } else if (action === "reset") {
      fill(form, example);
      warn("");
    } else if (action === "clear") {
      clearForm(form);
      warn("");
      clearErrors(form);
      const first = form.querySelector(".calc-inputs [required]:not([data-tax-facts] *)");
      if (first && !isOff(first)) first.focus();
    } else if (action === "columns") {
      form.classList.toggle("calc-all-columns");
      showColumns(form);
      return;
    } else if (action === "copy-link") {
      const { inputs } = collect(form);
      setLink(name, inputs);
      const copied = navigator.clipboard ? navigator.clipboard.writeText(location.href) : Promise.reject();
      copied.then(() => say("Link copied: it opens this page with these numbers."),
        () => say("Copy the address in the address bar: it holds these numbers."));
      return;
    } else if (action === "retry") {
      // A load still under way (slow) is abandoned for a fresh one.
      if (engine && form.dataset.calcState === "loading") engine.stop();
      load();
      return;
    }
    schedule();
  });

  if (!savesData()) {
    load();
    return;
  }
  // Saving data: the first use of the form starts Python (and then its numbers' result).
  form.dataset.calcState = "waiting";
  say(STATUS.waiting.replace("{download}", form.dataset.download));
  const first = () => {
    ["focusin", "pointerdown", "input", "change"].forEach((type) => form.removeEventListener(type, first));
    if (form.dataset.calcState === "waiting") load();
  };
  ["focusin", "pointerdown", "input", "change"].forEach((type) => form.addEventListener(type, first));
}

const forms = [...document.querySelectorAll("form[data-calculator]")];
forms.forEach(setUp);

window.addEventListener("hashchange", () => {
  const params = new URLSearchParams(location.hash.slice(1));
  const named = forms.filter((form) => params.has(form.dataset.calculator));
  if (named.length) named.forEach((form) => form.dispatchEvent(new Event("calc-link")));
  else if (linked.size) history.replaceState(null, "", address());
});
