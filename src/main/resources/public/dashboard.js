// The dashboard's lists, asked for again every few seconds (the server answers 204, which swaps nothing, until they
// changed). A keyboard on a link in a list keeps it across a redraw, and a change in the number of active sessions
// is said in #dashboard-announcer; the rest of a redraw is not read out, or a busy dashboard would talk on and on.
(function () {
  'use strict';

  var before = null;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === 'dashboard-pull' && evt.detail.xhr.status === 200) {
      before = { focused: focusedLink(), active: activeCount() };
    }
  });
  document.addEventListener('htmx:afterSettle', function (evt) {
    if (!before || !evt.detail.elt || evt.detail.elt.id !== 'dashboard-pull') {
      return;
    }
    var was = before;
    before = null;
    if (was.focused) {
      var again = document.querySelector('#' + was.focused.section + ' a[href="' + CSS.escape(was.focused.href)
        + '"]');
      if (again) {
        again.focus();
      }
    }
    var now = activeCount();
    if (now !== null && now !== was.active) {
      window.MissionControl.say('dashboard-announcer', now === '1' ? '1 active session.' : now + ' active sessions.');
    }
  });

  function focusedLink() {
    var el = document.activeElement;
    var section = el && el.tagName === 'A' ? el.closest('section[id^="dash-"]') : null;
    return section ? { section: section.id, href: el.getAttribute('href') } : null;
  }

  function activeCount() {
    var count = document.getElementById('active-count');
    return count ? count.textContent.trim() : null;
  }
})();
