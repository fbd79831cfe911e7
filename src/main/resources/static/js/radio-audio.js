// Follows a radio audio processing on its page: polls its JSON every second and updates
// the progress bar, then reloads the page once it is finished. Without script the page
// refreshes itself (meta refresh), so this only makes it smoother.
(function () {
  var facts = document.querySelector('[data-poll]');
  if (!facts) { return; }
  var meta = document.querySelector('meta[http-equiv="refresh"]');
  if (meta) { meta.parentNode.removeChild(meta); }
  var url = facts.getAttribute('data-poll');
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (p) {
        var bar = document.querySelector('.audio-progress');
        var stage = document.querySelector('.audio-stage');
        if (bar) { bar.value = p.progress; bar.textContent = p.progress + '%'; }
        if (stage) { stage.textContent = p.stage; }
        if (p.status === 'ready' || p.status === 'failed') { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
