// A deployment page's live block: polled while the verdict is not final, swapped only when its answer changed,
// and its verdict said in #verdict-announcer.
(function () {
  'use strict';

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
      window.MissionControl.say('verdict-announcer', 'Verdict ' + now.state + (now.final ? ', final.' : ', so far.')
        + (failing ? ' ' + failing.textContent.trim() : ''));
    }
  });

  function verdictShown() {
    var badge = document.querySelector('#verdict-box [data-verdict]');
    return badge ? { state: badge.getAttribute('data-verdict'), final: badge.getAttribute('data-final') === 'true' }
      : { state: '', final: false };
  }
})();
