// Mission Control's page behaviour. Loaded as a file because the Content-Security-Policy forbids inline script.
(function () {
  'use strict';

  // The live timeline asks only for events after the last one on the page, so bursts and reconnects never
  // duplicate an event, and a request queued behind another still picks up everything it missed.
  document.addEventListener('htmx:configRequest', function (evt) {
    var elt = evt.detail.elt;
    if (!elt || elt.id !== 'timeline-pull') {
      return;
    }
    evt.detail.parameters.after = lastSeq();
  });

  function lastSeq() {
    var last = document.querySelector('#timeline > li[data-seq]:last-child');
    return last ? last.getAttribute('data-seq') : '0';
  }

  // A session page holds a stream only while its session runs and the page is shown. Browsers open at most six
  // connections per host over HTTP/1.1: during an incident, tabs that each held one (ended sessions' included) left
  // none for the pages themselves, and the seventh tab never loaded. An event only says "there is more"; the pull
  // fetches it as HTML, and its answer (data-live on #session-state) says whether to keep following.
  var TIMELINE_EVENTS = ['status', 'thought', 'tool_call', 'tool_result', 'finding', 'message', 'check', 'report',
    'error'];
  var stream = null;
  var retryMs = 0;

  function pullTimeline() {
    var pull = document.getElementById('timeline-pull');
    if (pull) {
      htmx.trigger(pull, 'pull');
    }
  }

  function shouldFollow() {
    var state = document.getElementById('session-state');
    return !!document.getElementById('timeline-pull') && !!state && state.getAttribute('data-live') === 'true'
      && document.visibilityState !== 'hidden';
  }

  function followStream() {
    if (!shouldFollow()) {
      stopStream();
      return;
    }
    if (stream) {
      return;
    }
    var url = document.getElementById('timeline-pull').getAttribute('data-stream') + '?after=' + lastSeq();
    var source = new EventSource(url);
    stream = source;
    TIMELINE_EVENTS.forEach(function (type) {
      source.addEventListener(type, pullTimeline);
    });
    source.addEventListener('open', function () {
      retryMs = 0;
    });
    // The session ended and every event was sent: the server closes the stream and asks for a day before any
    // reconnect. The page lets this one go; the pull says whether to follow again (a follow-up may have reopened it).
    source.addEventListener('end', function () {
      source.close();
      if (stream === source) {
        stream = null;
      }
      pullTimeline();
    });
    source.addEventListener('error', function () {
      // A dropped connection reconnects by itself. A refused one is closed for good: the pull then finds out why (an
      // ended login answers with the way to the login page), and the stream is tried again a little later.
      if (source.readyState === EventSource.CLOSED && stream === source) {
        stream = null;
        pullTimeline();
        retryMs = Math.min(retryMs ? retryMs * 2 : 1000, 30000);
        window.setTimeout(followStream, retryMs);
      }
    });
  }

  function stopStream() {
    if (stream) {
      stream.close();
      stream = null;
    }
  }

  // A hidden tab lets go of its stream; shown again, it catches up with one pull, which also says whether the
  // session runs (it may have been reopened from another tab meanwhile).
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'hidden') {
      pullTimeline();
    }
    followStream();
  });
  document.addEventListener('htmx:afterSettle', followStream);
  followStream();

  // A shown page of an ended session holds no stream, but asks now and then whether someone reopened it with a
  // follow-up (from another tab, or the API): a short request that ties up no connection.
  window.setInterval(function () {
    var state = document.getElementById('session-state');
    if (state && state.getAttribute('data-live') === 'false' && document.visibilityState !== 'hidden') {
      pullTimeline();
    }
  }, 10000);

  // Copy buttons: <button data-copy="#selector"> copies that element's text.
  document.addEventListener('click', function (evt) {
    var button = evt.target.closest('button[data-copy]');
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var done = function () {
      button.textContent = 'Copied';
      button.classList.add('copied');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent.trim()).then(done, function () { select(source); });
    } else {
      select(source);
    }
  });

  // Forms that destroy something (revoke a key, remove a user or a webhook, cancel a session) ask first: one
  // stray click on a table of look-alike buttons must not break a pipeline. <form data-confirm="question">.
  document.addEventListener('submit', function (evt) {
    var question = evt.target.getAttribute && evt.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      evt.preventDefault();
    }
  });

  // A form posted with htmx says next to itself why a post failed, and keeps what was typed: htmx swaps no 4xx
  // answer, so a refused message used to vanish without a word. A 422 is the form again, with its message and the
  // text, and is swapped in; a refusal (the login ended, the security token changed) is plain text for the form's
  // [data-failure] slot, set as text so that it can never be markup.
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (evt.detail.xhr.status === 422 && failureSlot(evt.detail.elt)) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function (evt) {
    var xhr = evt.detail.xhr;
    var plain = (xhr.getResponseHeader('Content-Type') || '').indexOf('text/plain') === 0;
    showFailure(evt.detail.elt, plain && xhr.responseText ? xhr.responseText
      : 'The server answered ' + xhr.status + ', so this was not sent. Your text is still here.');
  });
  document.addEventListener('htmx:sendError', function (evt) {
    showFailure(evt.detail.elt, 'The server could not be reached, so this was not sent. Your text is still here.');
  });

  function failureSlot(elt) {
    var form = elt && elt.closest ? elt.closest('form') : null;
    return form ? form.querySelector('[data-failure]') : null;
  }

  function showFailure(elt, message) {
    var slot = failureSlot(elt);
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
  }

  // htmx answers a sent message with a fresh chat form, and focus left with the old one: a keyboard user landed at
  // the top of the page and had to tab through the whole timeline to write the next message, or to correct a refused
  // one. The new form's box takes the focus back, without scrolling away from what the reader is looking at.
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (evt.target && evt.target.id === 'chat' && document.activeElement === document.body) {
      var box = document.getElementById('chat-content');
      if (box) {
        box.focus({ preventScroll: true });
      }
    }
  });

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // Whether a swap brings a pull's events: htmx's swap events name the element swapped into (#timeline) as their
  // target, and their elt is that element too, not the #timeline-pull that asked.
  function intoTimeline(evt) {
    return !!evt.detail.target && evt.detail.target.id === 'timeline';
  }

  // Follow the timeline while the reader is at its end (its last event ends in view); leave them be when they
  // scrolled up to read. The page's own end is no guide: the chat form and the report lie below the timeline.
  var follow = false;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (intoTimeline(evt)) {
      var last = document.querySelector('#timeline > li:last-child');
      var bottom = last ? last.getBoundingClientRect().bottom : -1;
      follow = bottom >= 0 && bottom <= window.innerHeight + 80;
    }
  });
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (follow && intoTimeline(evt)) {
      follow = false;
      var last = document.querySelector('#timeline > li:last-child');
      if (last) {
        last.scrollIntoView({ block: 'nearest' });
      }
    }
  });

  // The live session page speaks through one region that is on the page from the start (#session-announcer): the
  // timeline itself was a live region, and a half-hour watch read out some forty tool calls, pauses and check tables,
  // the verdict one among them. What is said: a report written, an error, the agent's answer, a verdict that changed,
  // and the session's end. Focus on the Cancel button, which the end removes, moves to the session's status.
  var before = null;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (intoTimeline(evt)) {
      before = { seq: Number(lastSeq()), status: textOf('session-status'), verdict: textOf('session-verdict'),
        cancelFocused: document.activeElement && document.activeElement.id === 'cancel-session' };
    }
  });
  // On the swap, not the settle: a second pull's swap can come before the first one's settle and take its place.
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (!before || !intoTimeline(evt)) {
      return;
    }
    var was = before;
    before = null;
    var said = [];
    document.querySelectorAll('#timeline > li[data-seq]').forEach(function (li) {
      if (Number(li.getAttribute('data-seq')) > was.seq) {
        var line = announcement(li);
        if (line) {
          said.push(line);
        }
      }
    });
    var verdict = textOf('session-verdict');
    if (verdict && verdict !== was.verdict) {
      said.push('Deploy ' + verdict + '.');
    }
    var status = textOf('session-status');
    if (status && status !== was.status) {
      said.push('Session ' + status + '.');
    }
    if (was.cancelFocused && document.activeElement === document.body) {
      var shown = document.getElementById('session-status');
      if (shown) {
        shown.setAttribute('tabindex', '-1');
        shown.focus({ preventScroll: true });
      }
    }
    announce(said.join(' '));
  });

  function textOf(id) {
    var node = document.getElementById(id);
    return node ? node.textContent.trim() : '';
  }

  // One line per event worth hearing; nothing for tool calls, their results, thoughts, pauses and checks.
  function announcement(li) {
    var type = li.getAttribute('data-type');
    var textNode = li.querySelector('.ev-text');
    var text = textNode ? textNode.textContent.replace(/\s*Read the report\s*$/, '').trim() : '';
    if (text.length > 300) {
      text = text.slice(0, 300) + '…';
    }
    if (type === 'report') {
      return 'Report written: ' + text;
    }
    if (type === 'error') {
      return 'Error: ' + text;
    }
    if (type === 'message' && li.getAttribute('data-from-user') !== 'true') {
      return 'The agent answered: ' + text;
    }
    return '';
  }

  function announce(message) {
    say('session-announcer', message);
  }

  // Emptied first, so that the same words said twice (a second error like the first) are read again.
  function say(regionId, message) {
    var region = document.getElementById(regionId);
    if (!region || !message) {
      return;
    }
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  // A report's markdown tables scroll sideways in their column; focusable, a keyboard can scroll them too. Set here,
  // since the sanitizer that renders the markdown keeps no tabindex.
  function focusableTables() {
    document.querySelectorAll('.prose table:not([tabindex])').forEach(function (table) {
      table.setAttribute('tabindex', '0');
    });
  }
  document.addEventListener('htmx:afterSettle', focusableTables);
  document.addEventListener('DOMContentLoaded', focusableTables);

  // The deployment page's poll swaps its block only when the answer differs from the last one: a swap moves the
  // reader's place (and a focused link with no id), and most polls between two checks bring nothing new. When the
  // verdict changes or becomes final, #verdict-announcer says so, once.
  var lastLive = null;
  var verdictBefore = null;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (!evt.detail.elt || evt.detail.elt.id !== 'deployment-live' || evt.detail.xhr.status !== 200) {
      return;
    }
    var text = evt.detail.xhr.responseText;
    if (text === lastLive) {
      evt.detail.shouldSwap = false;
      return;
    }
    lastLive = text;
    verdictBefore = verdictShown();
  });
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (!verdictBefore || !evt.detail.elt || evt.detail.elt.id !== 'deployment-live') {
      return;
    }
    var was = verdictBefore;
    verdictBefore = null;
    var now = verdictShown();
    if (now.state !== was.state || now.final !== was.final) {
      var failing = document.getElementById('failing-metrics');
      say('verdict-announcer', 'Verdict ' + now.state + (now.final ? ', final.' : ', so far.')
        + (failing ? ' ' + failing.textContent.trim() : ''));
    }
  });

  function verdictShown() {
    var badge = document.querySelector('#verdict-box [data-verdict]');
    return badge ? { state: badge.getAttribute('data-verdict'), final: badge.getAttribute('data-final') === 'true' }
      : { state: '', final: false };
  }

  // A link or redirect to something inside a folded section (a project's settings after saving them) unfolds it;
  // not every browser does so for a fragment by itself.
  function unfoldTarget() {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var fold = target ? target.closest('details') : null;
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', unfoldTarget);

  // A key or secret shown once takes the focus, so that it is read out at once. Not with autofocus, nor before the
  // page has loaded: it is addressed with a fragment (#api-keys), for which browsers skip autofocus, and the move to
  // the fragment on loading took an earlier focus away.
  window.addEventListener('load', function () {
    var shown = document.querySelector('.new-key[tabindex]');
    if (shown) {
      shown.focus();
    }
  });
  document.addEventListener('DOMContentLoaded', unfoldTarget);
})();
