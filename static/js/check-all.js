// "Chọn tất cả": a checkbox with data-check-all="NAME" ticks every enabled checkbox named NAME on the page.
// Progressive only: without it the boxes are ticked one by one.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    const all = event.target.closest("[data-check-all]");
    if (!all) return;
    document.querySelectorAll('input[type=checkbox][name="' + all.dataset.checkAll + '"]:not([disabled])').forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
