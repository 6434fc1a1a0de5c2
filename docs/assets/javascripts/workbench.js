// The offer workbench: lays the offer comparison's form out for deciding.
//
// calculator.js runs the form (it loads first); this script only arranges it. Each
// offer's parts beyond its name, salary, state and raise go in sections the reader
// opens (folded while empty); the answer in a few lines (the result's digest, rendered
// by Python with the rest) is kept beside the offers, or pinned to the bottom of a
// phone's screen; the comparison is saved to a file and opened from one, as JSON.
// Numbers reach the form only through calculator.js ("calc-read", "calc-set").

const form = document.querySelector('form.calc-layout-workbench[data-calculator="offer_comparison"]');
const panel = document.querySelector("[data-wb-digest]");

// --- sections: the parts of an offer the reader adds ------------------------------

const SECTIONS = JSON.parse(panel.dataset.wbSections);

// The form's fields named ``names``, inside ``scope`` (a row of offers, or the form).
function fieldsOf(scope, prefix, names) {
  return names.map((name) => scope.querySelector(`[data-field="${CSS.escape(prefix + name)}"]`))
    .filter(Boolean);
}

// One <details> per section, holding its fields, where the first of them was.
function fold(scope, prefix, sections) {
  for (const section of sections) {
    const fields = fieldsOf(scope, prefix, section.fields);
    if (!fields.length || fields[0].closest("details.wb-section")) continue;
    const details = document.createElement("details");
    details.className = "wb-section";
    const summary = document.createElement("summary");
    summary.dataset.title = section.title;
    summary.dataset.add = section.add;
    const body = document.createElement("div");
    body.className = "calc-fields";
    details.append(summary, body);
    fields[0].before(details);
    body.append(...fields);
  }
}

// Whether a section holds nothing but its defaults (a list: no rows).
function isEmpty(details) {
  if (details.querySelector("[data-rows] > [data-row]")) return false;
  return [...details.querySelectorAll("[name][data-kind]")].every((el) => {
    if (el.closest("template") || el.closest("[data-when][hidden]")) return true;
    if (el.dataset.default === undefined) return true;
    if (el.dataset.kind === "boolean") return el.checked === (el.dataset.default === "true");
    const value = el.value.trim();
    return value === el.dataset.default || (value !== "" && Number(value) === Number(el.dataset.default)
      && el.dataset.default !== "");
  });
}

function label(details) {
  const summary = details.querySelector(":scope > summary");
  summary.textContent = isEmpty(details) ? summary.dataset.add : summary.dataset.title;
}

// Open each section that holds something, fold each that holds nothing.
function refold() {
  form.querySelectorAll("details.wb-section").forEach((details) => {
    details.open = !isEmpty(details);
    label(details);
  });
}

function arrange() {
  const offers = form.querySelector('[data-list="offers"]');
  offers.querySelectorAll(":scope > [data-rows] > [data-row]").forEach((row) => {
    fold(row, `${row.dataset.field}.`, SECTIONS.offers);
  });
  // New offers come from the row template: fold it too (renumbering fixes the names).
  const template = offers.querySelector(":scope > template[data-row-template]");
  const blank = template.content.firstElementChild;
  fold(blank, `${blank.dataset.field}.`, SECTIONS.offers);
  fold(form.querySelector(".calc-inputs"), "", SECTIONS[""]);
}

// --- the answer beside the offers -----------------------------------------------------

const result = form.querySelector("[data-result]");
const note = panel.querySelector("[data-wb-note]");
let waiting = false; // cleared: the digest shown is the example's, not the reader's

function showDigest() {
  const fresh = result.querySelector("[data-digest]");
  const stale = result.classList.contains("calc-stale");
  if (fresh) {
    panel.querySelector("[data-digest]")?.remove();
    note.after(fresh);
    if (!stale) waiting = false;
  }
  const shown = panel.querySelector("[data-digest]");
  const message = waiting ? panel.dataset.wbWaiting : stale ? panel.dataset.wbStale : "";
  note.textContent = message;
  note.hidden = !message;
  if (shown) shown.hidden = waiting;
  panel.classList.toggle("wb-stale", stale && !waiting);
}

// --- the example, marked as one ---------------------------------------------------------

const banner = document.querySelector("[data-wb-example]");

function read() {
  const detail = {};
  form.dispatchEvent(new CustomEvent("calc-read", { detail }));
  return detail;
}

// JSON with each object's keys in order: the same numbers, however the form is laid out.
function canonical(value) {
  return JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

// The example as it came, or changed here and there (its offers' names still the
// example's): then every number the reader has not changed is still the example's.
function markExample() {
  const { inputs, example } = read();
  const names = (values) => canonical((values.offers || []).map((offer) => offer.name));
  const exact = Boolean(example) && canonical(inputs) === canonical(example);
  const changed = !exact && Boolean(example) && names(inputs) === names(example);
  banner.hidden = !exact && !changed;
  banner.querySelector("[data-wb-exact]").hidden = !exact;
  banner.querySelector("[data-wb-changed]").hidden = !changed;
}

// --- keep and share: a file ---------------------------------------------------------------

const tools = document.querySelector("[data-wb-tools]");
const toolsStatus = tools.querySelector("[data-wb-tools-status]");

function exportFile() {
  const { inputs } = read();
  const text = JSON.stringify({ calculator: "offer_comparison", inputs }, null, 2);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text + "\n"], { type: "application/json" }));
  link.download = "offer-comparison.json";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  toolsStatus.textContent = "Saved as offer-comparison.json (in your downloads).";
}

async function importFile(file) {
  let saved = null;
  try {
    saved = JSON.parse(await file.text());
  } catch {
    // not JSON: said below
  }
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const inputs = isObject(saved) && saved.calculator === "offer_comparison" ? saved.inputs : null;
  if (!isObject(inputs)) {
    toolsStatus.textContent = `${file.name} is not a comparison saved from this page; nothing was changed.`;
    return;
  }
  form.dispatchEvent(new CustomEvent("calc-set", { detail: { inputs, from: "file" } }));
  refold();
  markExample();
  toolsStatus.textContent = `Opened ${file.name}.`;
}

// --- wiring ----------------------------------------------------------------------------------

if (form && panel) {
  arrange();
  refold();
  // The reader's tax facts are summed up in their folded header; each offer has its state.
  const facts = form.querySelector("[data-tax-facts]");
  if (facts) facts.open = false;
  form.querySelector(".calc-inputs").after(panel);
  panel.hidden = false;
  showDigest();
  new MutationObserver(showDigest).observe(result, { childList: true, attributes: true,
    attributeFilter: ["class"] });
  form.classList.add("wb-ready");
  document.documentElement.classList.add("wb-page");

  const blank = banner.querySelector('[data-wb-action="blank"]');
  blank.hidden = false;
  blank.addEventListener("click", () => {
    const clear = form.querySelector('[data-action="clear"]');
    if (!clear) return;
    clear.click(); // the share price cases stay at their defaults: it asks only for offers
    waiting = true;
    refold();
    showDigest();
    banner.hidden = true;
  });
  markExample();
  form.addEventListener("input", (event) => {
    const details = event.target.closest("details.wb-section");
    if (details) label(details);
    markExample();
  });
  form.addEventListener("change", markExample);
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "reset") {
      waiting = false;
      refold();
      showDigest();
    }
    if (["reset", "add", "remove"].includes(button.dataset.action)) markExample();
  });
  form.addEventListener("calc-link", () => {
    refold();
    markExample();
  });

  // "What to ask for" opens the counter-offer planner with these offers, as the page's
  // own link to it does (guide.js fills that link's address from the saved numbers).
  panel.addEventListener("click", (event) => {
    const ask = event.target.closest('[data-digest-item="ask"]');
    const planner = document.querySelector("a[data-counter-offer]");
    if (!ask || !planner) return;
    planner.dispatchEvent(new Event("focus"));
    ask.href = planner.href;
  });

  tools.hidden = false;
  tools.addEventListener("click", (event) => {
    const action = event.target.closest("[data-wb-action]")?.dataset.wbAction;
    if (action === "export") exportFile();
    else if (action === "print") window.print();
  });
  const picker = tools.querySelector("[data-wb-import]");
  picker.addEventListener("change", () => {
    if (picker.files.length) importFile(picker.files[0]).finally(() => (picker.value = ""));
  });
}
