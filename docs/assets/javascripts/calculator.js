// Calculator pages: moves JSON between each form, the Pyodide worker and the page.
//
// Every form[data-calculator] arrives from the build with the example filled in and its
// result rendered. This script restores the reader's own numbers (from the link, else
// from localStorage), loads Python in a module Web Worker from the site itself, and
// recalculates as the reader types. It knows nothing of finance: the worker returns the
// result and its HTML, rendered by the same Python function the build used.

const STORAGE_PREFIX = "negotiate-benefits:calculator:";
const DEBOUNCE_MS = 150;
const RENAMED = ["name", "id", "for", "aria-describedby", "data-field", "data-list",
  "data-error-for", "data-when"];
const STATUS = {
  loading: "Loading Python in your browser (once; about 13 MB)… The result below is the example's until then.",
  ready: "Ready: the result updates as you type.",
  invalid: "Check the highlighted input: the result below is for the last valid numbers.",
  failed: "Python could not be loaded, so the result cannot update. The result below is for the example.",
};

// --- the worker, shared by every form on the page ------------------------------------

let engine = null;

function startEngine(form) {
  if (engine) return engine;
  const url = (attr) => new URL(form.dataset[attr], document.baseURI).href;
  const worker = new Worker(url("worker"), { type: "module" });
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve, reject) => {
    worker.addEventListener("message", (event) => {
      const answer = event.data || {};
      if (answer.type === "ready") resolve();
      else if (answer.type === "failed") reject(new Error(answer.message));
      else if (pending.has(answer.id)) {
        pending.get(answer.id)(answer);
        pending.delete(answer.id);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error("the worker could not start"));
    });
  });
  worker.postMessage({ type: "init", indexURL: url("pyodide"), engineURL: url("engine") });
  engine = {
    ready,
    run(name, inputs) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, name, inputs });
      });
    },
    stop() {
      worker.terminate();
      engine = null;
    },
  };
  ready.catch(() => {});
  return engine;
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
    } else if (kind === "text") {
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
      const rows = list.querySelector("[data-rows]");
      while (rows.children.length > wanted.length) {
        rows.lastElementChild.remove();
        changed = true;
      }
      while (rows.children.length < wanted.length) {
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

function linkFor(name, inputs) {
  const params = new URLSearchParams(location.hash.slice(1));
  if (inputs === null) params.delete(name);
  else params.set(name, JSON.stringify(inputs));
  const hash = params.toString();
  return `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`;
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

// --- one calculator ------------------------------------------------------------------------

function setUp(form) {
  const name = form.dataset.calculator;
  const status = form.querySelector("[data-status]");
  const notice = form.querySelector("[data-notice]");
  const result = form.querySelector("[data-result]");
  const retry = form.querySelector("[data-action=retry]");
  let timer = null;
  let latest = 0;
  let restoredFrom = null; // "link" or "storage" until the restored numbers are checked

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

  const link = readLink(name);
  const saved = link.found ? { found: false } : readStorage(name);
  const restored = link.found ? link : saved;
  if (restored.found && restored.inputs) {
    fill(form, restored.inputs);
    restoredFrom = link.found ? "link" : "storage";
  } else if (restored.found) {
    warn(link.found
      ? "The numbers in this link could not be read, so the example is shown instead."
      : "Your saved numbers could not be read, so the example is shown instead.");
  }

  async function calculate() {
    const request = ++latest;
    const { inputs, problems } = collect(form);
    if (problems.length) {
      clearErrors(form);
      problems.forEach((problem) => showError(form, problem.field, problem.message));
      form.dataset.calcRenderedAt = String(performance.now());
      say(STATUS.invalid);
      return;
    }
    const answer = await engine.run(name, inputs);
    if (request !== latest) return; // a newer calculation is on its way
    clearErrors(form);
    if (answer.error) {
      if (restoredFrom) {
        const where = restoredFrom === "link" ? "this link" : "your saved numbers";
        restoredFrom = null;
        warn(`Some of ${where} could not be used (${answer.error.field || "inputs"}: ${answer.error.message}), so the example is shown instead.`);
        fill(form, example);
        history.replaceState(null, "", linkFor(name, null));
        calculate();
        return;
      }
      showError(form, answer.error.field, answer.error.message);
      result.classList.add("calc-stale");
      say(STATUS.invalid);
    } else {
      restoredFrom = null;
      result.innerHTML = answer.html;
      result.classList.remove("calc-stale");
      writeStorage(name, inputs, answer.result);
      history.replaceState(null, "", linkFor(name, inputs));
      say(STATUS.ready);
    }
    form.dataset.calcRenderedAt = String(performance.now());
  }

  const schedule = () => {
    if (form.dataset.calcState !== "ready") return;
    clearTimeout(timer);
    timer = setTimeout(calculate, DEBOUNCE_MS);
  };

  async function load() {
    form.dataset.calcState = "loading";
    retry.hidden = true;
    say(STATUS.loading);
    try {
      await startEngine(form).ready;
    } catch {
      if (engine) engine.stop();
      form.dataset.calcState = "error";
      say(STATUS.failed);
      retry.hidden = false;
      return;
    }
    form.dataset.calcState = "ready";
    await calculate();
  }

  form.addEventListener("input", (event) => {
    if (event.target.matches("select")) showConditional(form);
    schedule();
  });
  form.addEventListener("change", () => {
    showConditional(form);
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
    } else if (action === "copy-link") {
      const { inputs } = collect(form);
      history.replaceState(null, "", linkFor(name, inputs));
      const copied = navigator.clipboard ? navigator.clipboard.writeText(location.href) : Promise.reject();
      copied.then(() => say("Link copied: it opens this page with these numbers."),
        () => say("Copy the address in the address bar: it holds these numbers."));
      return;
    } else if (action === "retry") {
      load();
      return;
    }
    schedule();
  });

  load();
}

document.querySelectorAll("form[data-calculator]").forEach(setUp);
