// Mission Control's page behaviour. Loaded as files because the Content-Security-Policy forbids inline script;
// this one first, since the live pages' scripts use what it sets on window.MissionControl.
(function () {
  'use strict';

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

  // A report's markdown tables scroll sideways in their column; focusable, a keyboard can scroll them too. Set here,
  // since the sanitizer that renders the markdown keeps no tabindex.
  function focusableTables() {
    document.querySelectorAll('.prose table:not([tabindex])').forEach(function (table) {
      table.setAttribute('tabindex', '0');
    });
  }
  document.addEventListener('htmx:afterSettle', focusableTables);
  document.addEventListener('DOMContentLoaded', focusableTables);

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

  // What is said within a moment is said together: a session's report and its end arrive in two pulls a few
  // milliseconds apart, and the second replaced the first before a screen reader read it. The region is emptied
  // first, so that the same words said twice (a second error like the first) are read again.
  var SAY_TOGETHER_MS = 300;
  var unsaid = {};

  function say(regionId, message) {
    var region = document.getElementById(regionId);
    if (!region || !message) {
      return;
    }
    if (unsaid[regionId]) {
      unsaid[regionId].push(message);
      return;
    }
    unsaid[regionId] = [message];
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = unsaid[regionId].join(' ');
      delete unsaid[regionId];
    }, SAY_TOGETHER_MS);
  }
  window.MissionControl = { say: say };
})();
