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
  // looks units up by name (with or without diacritics) and fills the select.
  function enhancePicker(select) {
    if (select.dataset.enhanced) return;
    select.dataset.enhanced = "1";
    const lookupUrl = document.body.dataset.unitLookupUrl || "/org/units/lookup/";
    const wrapper = document.createElement("div");
    const input = document.createElement("input");
    input.type = "search";
    input.className = "form-control form-control-sm mt-1";
    input.placeholder = "Gõ tên đơn vị để tìm…";
    input.setAttribute("aria-label", "Tìm đơn vị");
    input.dataset.pickerFor = select.name;
    const list = document.createElement("div");
    list.className = "list-group unit-picker-results";
    wrapper.append(input, list);
    select.after(wrapper);
    let timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(lookupUrl + "?q=" + encodeURIComponent(input.value), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (unit) {
              const button = document.createElement("button");
              button.type = "button";
              button.className = "list-group-item list-group-item-action py-1";
              button.textContent = unit.label + (unit.parent ? " — " + unit.parent : "");
              button.addEventListener("click", function () {
                let option = Array.from(select.options).find(function (o) { return o.value === String(unit.id); });
                if (!option) { option = new Option(unit.label, unit.id); select.add(option); }
                select.value = String(unit.id);
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
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  function enhanceAll(root) {
    root.querySelectorAll("select[data-unit-picker]").forEach(enhancePicker);
  }
  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.target); });
})();
