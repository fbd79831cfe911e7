// Progressive enhancement of the item editor; the form works without it.
// Warns before leaving a form with unsaved changes.
(function () {
  document.querySelectorAll('form[data-unsaved-warning]').forEach(function (form) {
    var dirty = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = form.getAttribute('data-unsaved-message') || '';
      }
    });
  });
})();
