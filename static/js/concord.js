// Behaviour the pages used to write inline, here instead: the Content-Security-Policy allows no
// inline script and no on…= attributes.
(function () {
  "use strict";
  // <select data-autosubmit>: choosing an option sends its form (the button stays for keyboards
  // and for browsers without script).
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
    }
  });
  // Header menus (<details class="dropdown">) work without script; with it, Escape closes the open
  // one and gives the focus back to its button, a click elsewhere or opening another closes it.
  function openMenus() {
    return Array.prototype.slice.call(document.querySelectorAll("details.dropdown[open]"));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openMenus().forEach(function (menu) {
      var focusInside = menu.contains(document.activeElement);
      menu.open = false;
      if (focusInside) menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });
  // Tabbing out of an open menu closes it, as a click elsewhere does.
  document.addEventListener("focusout", function (event) {
    var menu = event.target instanceof Element && event.target.closest("details.dropdown[open]");
    if (menu && event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) menu.open = false;
  });
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!(menu instanceof HTMLDetailsElement) || !menu.open || !menu.classList.contains("dropdown")) return;
    openMenus().forEach(function (other) {
      if (other !== menu && !other.contains(menu)) other.open = false;
    });
  }, true);
})();
