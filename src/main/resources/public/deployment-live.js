// A deployment page's live block: polled while the verdict is not final (the server answers 204, which swaps
// nothing, until the block changed), and its verdict said in #verdict-announcer.
(function () {
  'use strict';

  // When the verdict changes or becomes final, #verdict-announcer says so, once: the block itself is replaced whole
  // at each change, and a live region inside it would be read anew or not at all.
  var verdictBefore = null;
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === 'deployment-live' && evt.detail.xhr.status === 200) {
      verdictBefore = verdictShown();
    }
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
