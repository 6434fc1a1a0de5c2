// The guide's small interactive parts: checklists that remember their ticks,
// scripts whose blanks fill in as you type, and the privacy page's "forget" button.
// Everything stays in this browser's localStorage under one prefix; the calculators'
// offline copy of the site's files is in Cache Storage, named with the same prefix.
(() => {
  "use strict";
  const PREFIX = "negotiate-benefits:";

  const store = {
    read(key, fallback) {
      try {
        const value = JSON.parse(localStorage.getItem(PREFIX + key));
        return value && typeof value === "object" ? value : fallback;
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(value));
      } catch {
        // Storage full or disabled: the page still works, it just forgets.
      }
    },
    // This site's keys, and the theme's, which start with the site's root path
    // (the theme keeps that root in its global __md_scope); then the offline copy:
    // the service worker registered for the site's root, and its caches.
    async forgetAll() {
      const root = typeof __md_scope === "object" ? __md_scope.pathname : null;
      const ours = (key) => key.startsWith(PREFIX) || (root && key.startsWith(`${root}.__`));
      for (const storage of [localStorage, sessionStorage]) {
        Object.keys(storage).filter(ours).forEach((key) => storage.removeItem(key));
      }
      if (!root) return;
      if ("serviceWorker" in navigator) {
        const registrations = await navigator.serviceWorker.getRegistrations();
        await Promise.all(registrations.filter((r) => new URL(r.scope).pathname === root)
          .map((r) => r.unregister()));
      }
      if ("caches" in window) {
        const names = await caches.keys();
        await Promise.all(names.filter((name) => name.startsWith(`${PREFIX}${root}:`))
          .map((name) => caches.delete(name)));
      }
    },
  };

  function setUpChecklist(root) {
    const key = `checklist:${root.dataset.checklist}`;
    const boxes = [...root.querySelectorAll("input[type=checkbox][data-item]")];
    const progress = root.querySelector(".checklist-progress");
    const ticked = new Set(Array.isArray(store.read(key, [])) ? store.read(key, []) : []);
    const show = () => {
      const done = boxes.filter((box) => box.checked).length;
      progress.textContent = `${done} of ${boxes.length} done`;
    };
    boxes.forEach((box) => {
      box.checked = ticked.has(box.dataset.item);
      box.addEventListener("change", () => {
        store.write(key, boxes.filter((b) => b.checked).map((b) => b.dataset.item));
        show();
      });
    });
    const clear = root.querySelector(".checklist-clear");
    clear.hidden = false;
    clear.addEventListener("click", () => {
      boxes.forEach((box) => (box.checked = false));
      store.write(key, []);
      show();
    });
    const print = root.querySelector(".checklist-print");
    print.hidden = false;
    print.addEventListener("click", () => window.print());
    show();
  }

  // A calculator's last result, saved by the calculator page, can fill a blank: a
  // figure, or words. "counter_offer.scripts.first_ask" is the words in the row of the
  // planner's table "scripts" whose blank is "first_ask".
  function calculatorValue(reference) {
    const [name, output, blank] = reference.split(".");
    const saved = store.read(`calculator:${name}`, {});
    let value = saved.result ? saved.result[output] : undefined;
    if (blank !== undefined) {
      const row = Array.isArray(value) ? value.find((r) => r && r.blank === blank) : undefined;
      value = row ? row.words : undefined;
    }
    if (typeof value === "string") return value;
    return typeof value === "number" ? value.toLocaleString("en-US") : "";
  }

  // The blanks every script shares (the reader's name, role, company and recruiter,
  // marked data-shared by the build) are kept once, for every script; the rest per script.
  const SHARED_KEY = "scripts:shared";
  const sharedEvents = new EventTarget();

  function setUpScript(root) {
    const key = `script:${root.dataset.script}`;
    const inputs = [...root.querySelectorAll(".script-fields [name]")];
    const shared = (input) => input.hasAttribute("data-shared");
    const text = (value) => (typeof value === "string" ? value : "");
    const saved = store.read(key, {});
    const kept = store.read(SHARED_KEY, {});
    const copy = root.querySelector(".script-copy");
    const copyAnyway = root.querySelector(".script-copy-anyway");
    const status = root.querySelector(".script-status");
    const empty = () => inputs.filter((input) => !input.value.trim());
    const fill = () => {
      const values = Object.fromEntries(inputs.map((i) => [i.name, i.value.trim()]));
      root.querySelectorAll("mark[data-placeholder]").forEach((mark) => {
        const value = values[mark.dataset.placeholder];
        if (!mark.dataset.label) mark.dataset.label = mark.textContent;
        mark.textContent = value || mark.dataset.label;
        mark.classList.toggle("filled", Boolean(value));
      });
    };
    const save = () => {
      store.write(key, Object.fromEntries(inputs.filter((i) => !shared(i)).map((i) => [i.name, i.value])));
      const current = store.read(SHARED_KEY, {});
      const values = Array.isArray(current) ? {} : { ...current };
      inputs.filter(shared).forEach((i) => (values[i.name] = i.value));
      store.write(SHARED_KEY, values);
    };
    const settle = () => {
      // A warning about empty blanks is out of date once the reader types.
      if (!copyAnyway.hidden) {
        copyAnyway.hidden = true;
        status.textContent = "";
      }
    };
    inputs.forEach((input) => {
      // A shared blank: the shared value, else what an older visit kept with this script.
      const mine = shared(input) && typeof kept[input.name] === "string" ? kept[input.name] : text(saved[input.name]);
      input.value = mine || (input.dataset.fromCalculator ? calculatorValue(input.dataset.fromCalculator) : "");
      input.addEventListener("input", () => {
        save();
        fill();
        settle();
        if (shared(input)) sharedEvents.dispatchEvent(new CustomEvent("change", { detail: { from: root, name: input.name, value: input.value } }));
      });
    });
    // The same blank in another script on this page, or in another tab.
    const take = (name, value) => {
      inputs.filter((i) => shared(i) && i.name === name && i.value !== value).forEach((i) => (i.value = value));
      fill();
    };
    sharedEvents.addEventListener("change", ({ detail }) => {
      if (detail.from !== root) take(detail.name, detail.value);
    });
    window.addEventListener("storage", (event) => {
      if (event.key !== PREFIX + SHARED_KEY) return;
      const values = store.read(SHARED_KEY, {});
      Object.entries(values).forEach(([name, value]) => typeof value === "string" && take(name, value));
    });

    const writeOut = async (note) => {
      const words = root.querySelector(".script-text").innerText.trim();
      try {
        await navigator.clipboard.writeText(words);
        status.textContent = note;
      } catch {
        status.textContent = "Copying is blocked here: select the text and copy it by hand.";
      }
    };
    copy.hidden = false;
    copy.addEventListener("click", () => {
      const missing = empty();
      if (!missing.length) {
        copyAnyway.hidden = true;
        writeOut("Copied, with your words in place.");
        return;
      }
      const names = missing.map((i) => i.closest("label").querySelector(".script-label").textContent.trim());
      const count = missing.length === 1 ? "One blank is" : `${missing.length} blanks are`;
      status.textContent = `Not copied yet. ${count} still empty: ${names.join("; ")}. Fill them in, or copy with the blanks in brackets.`;
      copyAnyway.hidden = false;
    });
    copyAnyway.addEventListener("click", () => {
      const missing = empty().length;
      copyAnyway.hidden = true;
      writeOut(missing ? `Copied, with ${missing === 1 ? "1 blank" : `${missing} blanks`} still in brackets.` : "Copied, with your words in place.");
    });
    fill();
  }

  // "What to ask offer A for", on the workbench: the planner's link carries the
  // workbench's first offer, the best of the others (by the saved result's ranks) and
  // the settings the planner shares with it (listed in data-counter-offer), in its hash.
  function setUpCounterOfferLink(link) {
    const update = () => {
      const saved = store.read("calculator:offer_comparison", {});
      const inputs = saved.inputs;
      if (!inputs || !Array.isArray(inputs.offers) || inputs.offers.length < 2) return;
      const rows = saved.result && Array.isArray(saved.result.offers) ? saved.result.offers : [];
      const rank = (i) => (rows[i] && typeof rows[i].rank === "number" ? rows[i].rank : i + 1);
      let best = 1;
      inputs.offers.forEach((_, i) => {
        if (i > 0 && rank(i) < rank(best)) best = i;
      });
      const planner = { offer: inputs.offers[0], target_kind: "offer", target: inputs.offers[best] };
      link.dataset.counterOffer.split(" ").filter((name) => name in inputs)
        .forEach((name) => (planner[name] = inputs[name]));
      const url = new URL(link.href, location.href);
      url.hash = new URLSearchParams({ counter_offer: JSON.stringify(planner) }).toString();
      link.href = url.href;
      const name = typeof inputs.offers[0].name === "string" && inputs.offers[0].name.trim();
      link.textContent = `What to ask ${name || "Offer 1"} for`;
    };
    ["pointerdown", "focus", "mouseenter", "click"].forEach((type) => link.addEventListener(type, update));
    window.addEventListener("storage", update);
    update();
  }

  function setUpForgetButton(button) {
    const status = document.querySelector(".forget-status");
    button.hidden = false;
    button.addEventListener("click", async () => {
      status.textContent = "";
      try {
        await store.forgetAll();
        status.textContent = "Done: nothing from this site is stored in this browser now.";
      } catch {
        status.textContent = "Your numbers and ticks are gone, but the browser kept the offline copy of this site's files: clear this site's data in the browser's settings.";
      }
    });
  }

  // A table wider than the page scrolls inside the theme's wrapper; keyboard users can
  // scroll it only if the wrapper takes the focus, so it does whenever it overflows.
  function focusableWhenScrolling() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        const caption = wrap.querySelector("caption");
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  document.querySelectorAll("[data-checklist]").forEach(setUpChecklist);
  document.querySelectorAll("[data-script]").forEach(setUpScript);
  document.querySelectorAll("[data-forget-all]").forEach(setUpForgetButton);
  document.querySelectorAll("a[data-counter-offer]").forEach(setUpCounterOfferLink);
  focusableWhenScrolling();
  window.addEventListener("resize", focusableWhenScrolling);
})();
