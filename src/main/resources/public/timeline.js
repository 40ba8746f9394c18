// A session page's live timeline: following its stream while the session runs, pulling new events, keeping the
// reader at its end, and saying what matters in #session-announcer.
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
    window.MissionControl.say('session-announcer', message);
  }
})();
