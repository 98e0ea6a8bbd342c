// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // "/" focuses the global search box, as on most search-heavy tools.
  document.addEventListener("keydown", function (event) {
    const target = event.target;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing) {
      const box = document.getElementById("global-search");
      if (box) { event.preventDefault(); box.focus(); }
    }
  });

  // Unit picker: a <select data-unit-picker> holding only the chosen unit gets a search box that
  // looks units up by name, short name or abbreviation (with or without diacritics) and fills the select.
  // data-lookup-on (a day) looks among the units of that day, data-lookup-past among every unit; a unit no
  // longer in force comes with its note. A <select multiple> keeps every unit found, listed with a remove
  // button each.
  function pickerQuery(select, words) {
    let query = "?q=" + encodeURIComponent(words);
    if (select.dataset.lookupOn) { query += "&on=" + encodeURIComponent(select.dataset.lookupOn); }
    if (select.dataset.lookupPast) { query += "&past=1"; }
    return query;
  }
  function listChosen(select, chosen) {
    chosen.replaceChildren();
    Array.from(select.options).filter(function (o) { return o.selected && o.value; }).forEach(function (option) {
      const item = document.createElement("li");
      item.className = "list-group-item d-flex justify-content-between align-items-center py-1";
      item.textContent = option.textContent;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "btn btn-sm btn-link text-danger";
      remove.textContent = "Bỏ";
      remove.setAttribute("aria-label", "Bỏ " + option.textContent);
      remove.addEventListener("click", function () {
        option.remove();
        listChosen(select, chosen);
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
      item.append(remove);
      chosen.append(item);
    });
  }
  function enhancePicker(select) {
    if (select.dataset.enhanced) return;
    select.dataset.enhanced = "1";
    const lookupUrl = document.body.dataset.unitLookupUrl || "/org/units/lookup/";
    const wrapper = document.createElement("div");
    const input = document.createElement("input");
    input.type = "search";
    input.className = "form-control form-control-sm mt-1";
    input.placeholder = "Gõ tên, tên ngắn hoặc ký hiệu đơn vị để tìm…";
    input.setAttribute("aria-label", "Tìm đơn vị");
    input.dataset.pickerFor = select.name;
    const list = document.createElement("div");
    list.className = "list-group unit-picker-results";
    let chosen = null;
    if (select.multiple) {
      chosen = document.createElement("ul");
      chosen.className = "list-group unit-picker-chosen mt-1";
      select.hidden = true;
      wrapper.append(chosen);
      listChosen(select, chosen);
    }
    wrapper.append(input, list);
    select.after(wrapper);
    let timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(lookupUrl + pickerQuery(select, input.value), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (unit) {
              const label = unit.label + (unit.note ? " " + unit.note : "");
              const button = document.createElement("button");
              button.type = "button";
              button.className = "list-group-item list-group-item-action py-1";
              button.textContent = label + (unit.parent ? " — " + unit.parent : "");
              button.addEventListener("click", function () {
                let option = Array.from(select.options).find(function (o) { return o.value === String(unit.id); });
                if (!option) { option = new Option(label, unit.id); select.add(option); }
                if (select.multiple) {
                  option.selected = true;
                  listChosen(select, chosen);
                } else {
                  select.value = String(unit.id);
                }
                select.dispatchEvent(new Event("change", { bubbles: true }));
                list.replaceChildren();
                input.value = "";
              });
              list.append(button);
            });
          });
      }, 200);
    });
  }

  // Forms that destroy something ask first.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    const submitter = event.submitter;
    const question = (submitter && submitter.dataset.confirm) || (form.dataset && form.dataset.confirm);
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Rows editor of a submission: add, remove and reorder rows; names stay unique, order inputs follow the page.
  function renumber(table) {
    table.querySelectorAll("tbody tr.row-line").forEach(function (tr, position) {
      const number = tr.querySelector(".row-number");
      if (number && number.firstChild) { number.firstChild.nodeValue = String(position + 1); }
      const order = tr.querySelector(".row-order");
      if (order) { order.value = String(position); }
    });
  }
  function nextIndex(table) {
    let max = -1;
    table.querySelectorAll("[name^='row-']").forEach(function (input) {
      const n = parseInt(input.name.split("-")[1], 10);
      if (n > max) { max = n; }
    });
    return max + 1;
  }
  function changed(table) {
    renumber(table);
    const form = table.closest("form");
    if (form) { form.dispatchEvent(new Event("change", { bubbles: true })); }
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest(".row-add, .row-remove, .row-up, .row-down");
    if (!button) { return; }
    const form = button.closest("form");
    const table = form && form.querySelector("table.rows-editor");
    if (!table) { return; }
    const body = table.querySelector("tbody");
    if (button.classList.contains("row-add")) {
      const template = body.querySelector("tr.row-line:last-child");
      if (!template) { return; }
      const index = nextIndex(table);
      const copy = template.cloneNode(true);
      copy.querySelectorAll("textarea").forEach(function (area) {
        const parts = area.name.split("-");
        area.name = "row-" + index + "-" + parts.slice(2).join("-");
        area.value = "";
        area.style.height = "";
      });
      const order = copy.querySelector(".row-order");
      if (order) { order.name = "order-" + index; }
      body.appendChild(copy);
      const first = copy.querySelector("textarea");
      if (first) { first.focus(); }
    } else {
      const row = button.closest("tr.row-line");
      if (button.classList.contains("row-remove")) {
        if (body.querySelectorAll("tr.row-line").length > 1) { row.remove(); }
        else { row.querySelectorAll("textarea").forEach(function (area) { area.value = ""; }); }
      } else if (button.classList.contains("row-up") && row.previousElementSibling) {
        body.insertBefore(row, row.previousElementSibling);
      } else if (button.classList.contains("row-down") && row.nextElementSibling) {
        body.insertBefore(row.nextElementSibling, row);
      }
    }
    changed(table);
  });

  // Autosave (form[data-autosave], the submission's rows editor: htmx saves it a few seconds after typing).
  // Another form of the page sent in those seconds (the signed-document upload, an htmx action) would leave
  // the page and lose what was typed last: the pending save is sent first and waited for, then the other form
  // goes. A plain form is held and sent again once saved; an htmx request waits in its htmx:confirm.
  const autosaves = new WeakMap(); // form -> {typed, saved, sending}: edits counted, and up to which saved
  function autosaveState(form) {
    let state = autosaves.get(form);
    if (!state) { state = { typed: 0, saved: 0, sending: 0 }; autosaves.set(form, state); }
    return state;
  }
  function pendingAutosave() {
    const form = document.querySelector("form[data-autosave]");
    if (!form) { return null; }
    const state = autosaveState(form);
    return state.typed > state.saved ? form : null;
  }
  function noteEdit(event) {
    const form = event.target && event.target.closest ? event.target.closest("form[data-autosave]") : null;
    if (form) { autosaveState(form).typed += 1; }
  }
  document.addEventListener("input", noteEdit, true);
  document.addEventListener("change", noteEdit, true);
  document.addEventListener("htmx:beforeRequest", function (event) {
    const form = event.detail.elt;
    if (form && form.matches && form.matches("form[data-autosave]")) {
      const state = autosaveState(form);
      state.sending = state.typed;
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    const form = event.detail.elt;
    if (form && form.matches && form.matches("form[data-autosave]") && event.detail.successful) {
      const state = autosaveState(form);
      state.saved = Math.max(state.saved, state.sending);
    }
  });
  let flushing = null; // the save in flight, while one is
  function flushAutosave(form) {
    if (flushing) { return flushing; }
    const state = autosaveState(form);
    const upTo = state.typed;
    const url = form.getAttribute("hx-post") || form.action;
    const target = document.querySelector(form.getAttribute("hx-target") || "#save-state");
    flushing = fetch(url, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        return response.text().then(function (html) {
          if (target && html.trim().startsWith("<")) { target.outerHTML = html; } // the new version, or the error
          if (response.ok) { state.saved = Math.max(state.saved, upTo); }
        });
      })
      .catch(function () { /* offline: the other form still goes; the server tells what it kept */ })
      .finally(function () { flushing = null; });
    return flushing;
  }
  function htmxSubmits(form) {
    const verbs = ["hx-post", "hx-get", "hx-put", "hx-patch", "hx-delete"];
    const request = verbs.some(function (name) { return form.hasAttribute(name) || form.hasAttribute("data-" + name); });
    if (!request) { return !!form.closest("[hx-boost='true'], [data-hx-boost='true']"); }
    const trigger = form.getAttribute("hx-trigger") || form.getAttribute("data-hx-trigger");
    return !trigger || /(^|[\s,])submit\b/.test(trigger);
  }
  const resubmitting = new WeakSet();
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (resubmitting.has(form)) { resubmitting.delete(form); return; }
    const autosave = pendingAutosave();
    if (!autosave || form === autosave || htmxSubmits(form)) { return; }
    event.preventDefault();
    event.stopPropagation(); // asked (data-confirm) when it is sent again below
    const submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
    flushAutosave(autosave).then(function () {
      resubmitting.add(form);
      if (submitter) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
    });
  }, true);
  document.addEventListener("htmx:confirm", function (event) {
    const elt = event.detail.elt;
    const autosave = document.querySelector("form[data-autosave]");
    if (!autosave) { return; }
    if (elt === autosave) {
      if (flushing) { // the same answer is being saved: send this one after it, if anything was typed since
        event.preventDefault();
        flushing.then(function () { if (pendingAutosave()) { event.detail.issueRequest(true); } });
      }
      return;
    }
    if (autosave.contains(elt) || !pendingAutosave()) { return; }
    event.preventDefault();
    flushAutosave(autosave).then(function () { event.detail.issueRequest(true); });
  });

  // Formsets that grow in the page: a button[data-formset-add=<prefix>] copies the <template> of an empty
  // form (its labels included) with the next index, and counts it in TOTAL_FORMS.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-formset-add]");
    if (!button) { return; }
    const prefix = button.dataset.formsetAdd;
    const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    const template = document.getElementById(button.dataset.formsetTemplate);
    const rows = document.getElementById(button.dataset.formsetRows);
    if (!total || !template || !rows) { return; }
    const index = parseInt(total.value, 10);
    const html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const first = rows.lastElementChild && rows.lastElementChild.querySelector("input, select");
    if (first) { first.focus(); }
  });

  // Multi-line cells grow with what is typed instead of clipping it.
  function grow(area) {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-autogrow]")) { grow(event.target); }
  });

  function enhanceAll(root) {
    root.querySelectorAll("textarea[data-autogrow]").forEach(grow);
    root.querySelectorAll("select[data-unit-picker]").forEach(enhancePicker);
  }
  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.target); });
})();
