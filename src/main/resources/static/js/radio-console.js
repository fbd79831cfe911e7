/*
 * The operator's console: plays a playlist's entries in order with one <audio> element,
 * shows scripts to read aloud, and reports each entry's real start, end and outcome to
 * the as-run log. Reports wait in localStorage until the server has answered them, and
 * are sent again with the same event id (the log records each once), so a reload or a
 * lost network loses nothing. No framework: it must run on a modest PC and a phone.
 */
(function () {
  'use strict';

  var QUEUE = 'bantin.radio.as-run.queue';

  // countdowns run on every console page, with or without a player
  var countdowns = Array.prototype.slice.call(document.querySelectorAll('[data-countdown]'));
  var root = document.getElementById('player');
  var offset = root ? Number(root.getAttribute('data-server-now')) - Date.now() : 0;

  function serverNow() {
    return Date.now() + offset;
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function tick() {
    countdowns.forEach(function (el) {
      var left = Math.max(0, Math.round((Number(el.getAttribute('data-countdown')) - serverNow()) / 1000));
      var text = Math.floor(left / 3600) + ':' + two(Math.floor(left / 60) % 60) + ':' + two(left % 60);
      el.textContent = (el.getAttribute('data-template') || '{0}').replace('{0}', text);
    });
  }
  tick();
  if (countdowns.length) {
    window.setInterval(tick, 1000);
  }

  document.documentElement.classList.add('js');

  // ---- the report queue (also flushed on pages without a player) ----

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(QUEUE) || '[]');
    } catch (e) {
      return [];
    }
  }

  function save(queue) {
    try {
      window.localStorage.setItem(QUEUE, JSON.stringify(queue));
    } catch (e) {
      // private mode: the queue lives in memory only
    }
  }

  var memory = load();
  var sending = false;

  function showQueue() {
    if (!root) {
      return;
    }
    var el = root.querySelector('.queue');
    if (memory.length) {
      el.hidden = false;
      el.textContent = (root.getAttribute('data-msg-pending') || '{0}').replace('{0}', String(memory.length));
    } else {
      el.hidden = true;
    }
  }

  function eventId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return 'c-' + Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function enqueue(event) {
    memory.push(event);
    save(memory);
    showQueue();
    flush();
  }

  function flush() {
    if (sending || !memory.length || !root) {
      return;
    }
    sending = true;
    var event = memory[0];
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[root.getAttribute('data-csrf-header')] = root.getAttribute('data-csrf-token');
    window.fetch(root.getAttribute('data-as-run'), {
      method: 'POST', headers: headers, body: JSON.stringify(event), credentials: 'same-origin', redirect: 'manual'
    }).then(function (response) {
      sending = false;
      if (response.status === 200 || response.status === 201) {
        memory.shift();
        save(memory);
        showQueue();
        markLogged(event);
        flush();
      } else if (response.status === 400) {
        // refused for good: keeping it would block the queue
        memory.shift();
        save(memory);
        showQueue();
        status(root.getAttribute('data-msg-refused'));
        flush();
      } else {
        // signed out, forbidden, server down: try again later
        window.setTimeout(flush, 5000);
      }
    }, function () {
      sending = false;
      window.setTimeout(flush, 5000);
    });
  }

  if (!root) {
    return;
  }

  // ---- the player ----

  var audio = root.querySelector('audio');
  var entries = Array.prototype.slice.call(root.querySelectorAll('li.entry'));
  var statusEl = root.querySelector('.status');
  var skipPanel = root.querySelector('.skip-panel');
  var occurrence = root.getAttribute('data-occurrence');
  var index = 0;
  var playing = false;
  var paused = false;
  var startedAt = null;

  function status(text) {
    if (text) {
      statusEl.textContent = text;
    }
  }

  function current() {
    return entries[index];
  }

  function isScript(entry) {
    return entry.getAttribute('data-source') === 'SCRIPT';
  }

  function markLogged(event) {
    if (event.occurrenceId !== occurrence) {
      return;
    }
    entries.forEach(function (entry) {
      if (Number(entry.getAttribute('data-position')) === event.position) {
        entry.classList.remove('logged-played', 'logged-interrupted', 'logged-skipped');
        entry.classList.add('logged-' + event.outcome);
        entry.querySelector('.entry-logged').textContent = root.getAttribute('data-msg-' + event.outcome) || '';
      }
    });
  }

  function highlight() {
    entries.forEach(function (entry, i) {
      entry.classList.toggle('current', i === index && playing);
      var read = entry.querySelector('button.read');
      if (read) {
        read.disabled = !(i === index && playing);
      }
    });
  }

  function begin(i) {
    index = i;
    paused = false;
    startedAt = new Date(serverNow()).toISOString();
    var entry = current();
    highlight();
    entry.scrollIntoView({ block: 'center' });
    if (isScript(entry)) {
      audio.removeAttribute('src');
      status(root.getAttribute('data-msg-reading'));
      var read = entry.querySelector('button.read');
      if (read) {
        read.focus();
      }
      return;
    }
    audio.src = entry.getAttribute('data-audio');
    status(root.getAttribute('data-msg-playing'));
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function (error) {
        if (error && error.name === 'NotAllowedError') {
          // the browser wants a click first: wait for Play
          playing = false;
          startedAt = null;
          highlight();
          status(root.getAttribute('data-msg-blocked'));
        }
      });
    }
  }

  function report(outcome, reason) {
    var entry = current();
    var event = {
      eventId: eventId(),
      occurrenceId: occurrence,
      position: Number(entry.getAttribute('data-position')),
      itemId: entry.getAttribute('data-item') || null,
      title: entry.getAttribute('data-title'),
      source: entry.getAttribute('data-source'),
      start: startedAt || new Date(serverNow()).toISOString(),
      end: new Date(serverNow()).toISOString(),
      outcome: outcome,
      reason: reason || null
    };
    startedAt = null;
    enqueue(event);
  }

  function advance() {
    if (index + 1 < entries.length) {
      begin(index + 1);
    } else {
      playing = false;
      index = 0;
      highlight();
      status(root.getAttribute('data-msg-done'));
    }
  }

  function play() {
    if (!entries.length) {
      return;
    }
    if (playing && paused) {
      paused = false;
      audio.play();
      status(root.getAttribute('data-msg-playing'));
      return;
    }
    if (playing) {
      return;
    }
    playing = true;
    begin(index);
  }

  function pause() {
    if (!playing || isScript(current()) || paused) {
      return;
    }
    paused = true;
    audio.pause();
    status(root.getAttribute('data-msg-paused'));
  }

  function stop() {
    if (!playing) {
      return;
    }
    audio.pause();
    if (startedAt) {
      report('interrupted');
    }
    playing = false;
    paused = false;
    audio.removeAttribute('src');
    highlight();
    status(root.getAttribute('data-msg-stopped'));
  }

  function askSkip() {
    if (!entries.length) {
      return;
    }
    skipPanel.hidden = false;
    skipPanel.querySelector('select').focus();
  }

  function closeSkip() {
    skipPanel.hidden = true;
  }

  function skip() {
    var select = skipPanel.querySelector('select');
    var other = skipPanel.querySelector('input');
    var reason = select.value || other.value.trim() || select.options[select.selectedIndex].text;
    closeSkip();
    audio.pause();
    if (!startedAt) {
      startedAt = new Date(serverNow()).toISOString();
    }
    report('skipped', reason);
    if (playing) {
      advance();
    } else if (index + 1 < entries.length) {
      index += 1;
      highlight();
    }
  }

  // starts the playlist at an entry; the one playing, if any, is logged as interrupted
  function playFrom(entry) {
    var i = entries.indexOf(entry);
    if (i < 0) {
      return;
    }
    closeSkip();
    if (playing) {
      audio.pause();
      if (startedAt) {
        report('interrupted');
      }
    }
    playing = true;
    begin(i);
  }

  function read(entry) {
    if (playing && entry === current()) {
      report('played');
      advance();
    }
  }

  function toggle() {
    if (playing && !paused) {
      pause();
    } else {
      play();
    }
  }

  audio.addEventListener('ended', function () {
    if (playing) {
      report('played');
      advance();
    }
  });
  audio.addEventListener('error', function () {
    if (playing && audio.getAttribute('src')) {
      report('skipped', root.getAttribute('data-msg-error'));
      status(root.getAttribute('data-msg-error'));
      advance();
    }
  });

  root.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button || !root.contains(button)) {
      return;
    }
    var action = button.getAttribute('data-action');
    if (action === 'play') {
      play();
    } else if (action === 'pause') {
      pause();
    } else if (action === 'skip') {
      askSkip();
    } else if (action === 'stop') {
      stop();
    } else if (action === 'from') {
      playFrom(button.closest('li.entry'));
    } else if (action === 'read') {
      read(button.closest('li.entry'));
    } else if (button.classList.contains('confirm-skip')) {
      skip();
    } else if (button.classList.contains('cancel-skip')) {
      closeSkip();
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) {
      return;
    }
    var target = e.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (e.key === 'Escape' && !skipPanel.hidden) {
      closeSkip();
      e.preventDefault();
      return;
    }
    if (typing || !skipPanel.hidden) {
      return;
    }
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (target && target.tagName === 'BUTTON') {
        return; // the focused button's own click
      }
      e.preventDefault();
      toggle();
    } else if (e.key === 'n' || e.key === 'N' || e.key === 'ArrowRight') {
      e.preventDefault();
      askSkip();
    } else if (e.key === 's' || e.key === 'S' || e.key === 'Escape') {
      e.preventDefault();
      stop();
    }
  });

  showQueue();
  flush();
  if (root.getAttribute('data-autoplay') === 'true') {
    play();
  }
}());
