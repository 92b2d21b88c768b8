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
})();
