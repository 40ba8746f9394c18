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
    var last = document.querySelector('#timeline > li[data-seq]:last-child');
    evt.detail.parameters.after = last ? last.getAttribute('data-seq') : '0';
  });

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

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  // Follow the timeline while the reader is at its end; leave them be when they scrolled up to read.
  var follow = false;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === 'timeline-pull') {
      var doc = document.documentElement;
      follow = window.innerHeight + window.scrollY >= doc.scrollHeight - 80;
    }
  });
  document.addEventListener('htmx:afterSwap', function (evt) {
    if (follow && evt.detail.elt && evt.detail.elt.id === 'timeline-pull') {
      follow = false;
      var last = document.querySelector('#timeline > li:last-child');
      if (last) {
        last.scrollIntoView({ block: 'nearest' });
      }
    }
  });
})();
