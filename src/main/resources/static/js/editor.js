// Progressive enhancement of the item editor; the form works without it.
(function () {
  // A formatting toolbar over the Markdown text area (EasyMDE, served from the jar). Nothing is fetched
  // from elsewhere: no icon font (buttons carry text), no spell-checker dictionaries.
  if (window.EasyMDE) {
    document.querySelectorAll('textarea[data-markdown-editor]').forEach(function (area) {
      var labels = (area.getAttribute('data-labels') || '').split('|');
      var button = function (name, action, icon, index) {
        return { name: name, action: action, icon: icon, title: labels[index] || name, className: 'tool' };
      };
      new window.EasyMDE({
        element: area,
        autoDownloadFontAwesome: false,
        spellChecker: false,
        nativeSpellcheck: true,
        status: false,
        forceSync: true,
        minHeight: '16rem',
        toolbar: [
          button('bold', window.EasyMDE.toggleBold, '<b>B</b>', 0),
          button('italic', window.EasyMDE.toggleItalic, '<i>I</i>', 1),
          button('heading', window.EasyMDE.toggleHeadingSmaller, 'H', 2),
          '|',
          button('unordered-list', window.EasyMDE.toggleUnorderedList, '•', 3),
          button('ordered-list', window.EasyMDE.toggleOrderedList, '1.', 4),
          button('link', window.EasyMDE.drawLink, '🔗', 5),
          button('table', window.EasyMDE.drawTable, '▦', 6),
          button('quote', window.EasyMDE.toggleBlockquote, '❝', 7),
          '|',
          button('undo', window.EasyMDE.undo, '↶', 8),
          button('redo', window.EasyMDE.redo, '↷', 9)
        ]
      });
    });
  }

  // Warns before leaving a form with unsaved changes.
  document.querySelectorAll('form[data-unsaved-warning]').forEach(function (form) {
    var dirty = false;
    var mark = function () { dirty = true; };
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.addEventListener('keydown', mark);
    form.addEventListener('submit', function () { dirty = false; });
    window.addEventListener('beforeunload', function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = form.getAttribute('data-unsaved-message') || '';
      }
    });
  });
})();
