// Draws a deployment's monitor chart with uPlot: per metric, the mean from the deploy to each check against the
// baseline mean it was compared with, with the last check's baseline window shaded and the deploy marked. The data
// sits in data-chart, set by the server.
// While the monitor watches, the page swaps in a new chart as checks come in, and it is drawn in turn.
(function () {
  'use strict';

  var plots = [];

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  function markers(spec) {
    return function (u) {
      var ctx = u.ctx;
      var top = u.bbox.top;
      var height = u.bbox.height;
      var from = u.valToPos(spec.baseline_from, 'x', true);
      var to = u.valToPos(spec.baseline_to == null ? spec.deploy_at : spec.baseline_to, 'x', true);
      var deploy = u.valToPos(spec.deploy_at, 'x', true);
      ctx.save();
      ctx.fillStyle = cssVar('--chart-window', 'rgba(120,120,120,0.15)');
      ctx.fillRect(from, top, to - from, height);
      ctx.strokeStyle = cssVar('--chart-deploy', '#c2410c');
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(deploy, top);
      ctx.lineTo(deploy, top + height);
      ctx.stroke();
      ctx.restore();
    };
  }

  // Times in UTC, as every other time on the page, and short enough that neighbouring labels never run together.
  function utcTimes(u, splits) {
    var span = splits.length > 1 ? splits[splits.length - 1] - splits[0] : 0;
    return splits.map(function (s) {
      var iso = new Date(s * 1000).toISOString();
      return span >= 6 * 3600 ? iso.substring(5, 10) + ' ' + iso.substring(11, 16) : iso.substring(11, 19);
    });
  }

  // As many decimals as the step between ticks needs, so ticks of 0.0095, 0.01 and 0.0105 do not all read 0.01.
  function stepNumbers(u, splits) {
    var step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) : 1;
    var decimals = step > 0 ? Math.min(10, Math.max(0, 1 - Math.floor(Math.log10(step)))) : 2;
    return splits.map(function (v) { return Number(v.toFixed(decimals)).toString(); });
  }

  // A metric that never goes below zero is drawn from zero: a request rate between 99 and 102 drawn from 99 looks
  // like a cliff, and a verdict page must not make noise look like harm. One that does is padded a tenth each way.
  function valueRange(u, min, max) {
    if (min == null || max == null) {
      return [min, max];
    }
    if (min >= 0) {
      return [0, max > 0 ? max * 1.1 : 1];
    }
    var pad = (max - min) * 0.1 || Math.abs(max) * 0.1 || 1;
    return [min - pad, max + pad];
  }

  function draw(container, spec, metric) {
    var box = document.createElement('figure');
    box.className = 'chart';
    var caption = document.createElement('figcaption');
    caption.textContent = metric.name;
    box.appendChild(caption);
    container.appendChild(box);
    var opts = {
      width: chartWidth(container),
      height: 220,
      series: [
        { value: function (u, v) { return v == null ? '--' : utcTimes(u, [v])[0] + ' UTC'; } },
        { label: 'current', stroke: cssVar('--chart-current', '#2563eb'), width: 2, spanGaps: false,
          points: { show: true } },
        { label: 'baseline', stroke: cssVar('--chart-baseline', '#6b7280'), width: 1.5, dash: [6, 4] }
      ],
      axes: [
        { stroke: cssVar('--fg-muted', '#555'), grid: { stroke: cssVar('--border', '#ddd') }, values: utcTimes,
          size: 40, space: 90 },
        { stroke: cssVar('--fg-muted', '#555'), grid: { stroke: cssVar('--border', '#ddd') }, values: stepNumbers,
          size: 60 }
      ],
      scales: { y: { range: valueRange } },
      hooks: {
        drawClear: [markers(spec)],
        // the drawn range, for whoever reads the page without seeing the canvas (a screen reader's user, a test)
        setScale: [function (u, key) {
          if (key === 'y') {
            box.setAttribute('data-y-range', u.scales.y.min + ' to ' + u.scales.y.max);
          }
        }]
      }
    };
    plots.push({ plot: new uPlot(opts, [metric.x, metric.current, metric.baseline], box), container: container });
    describe(box, metric);
  }

  // The canvas says nothing to a screen reader, and uPlot's legend reads as "Time -- current -- baseline --": the
  // drawing is named by what it shows at the last check, and the legend, whose toggles are mouse-only, is hidden.
  function describe(box, metric) {
    var plot = box.querySelector('.uplot');
    if (!plot) {
      return;
    }
    var at = lastIndex(metric.current);
    var words = at < 0 ? metric.name + ': no check had data yet'
      : metric.name + ' at the last check: ' + metric.current[at] + ' since the deploy'
        + (metric.baseline[at] == null ? '' : ' against a baseline of ' + metric.baseline[at]);
    plot.setAttribute('role', 'img');
    plot.setAttribute('aria-label', words + '. The Checks table below has every figure.');
  }

  function lastIndex(values) {
    for (var i = values.length - 1; i >= 0; i--) {
      if (values[i] != null) {
        return i;
      }
    }
    return -1;
  }

  // Never wider than its card: a narrow phone's chart was cut off at its right edge.
  function chartWidth(container) {
    return Math.max(160, container.clientWidth - 8);
  }

  function init() {
    var container = document.getElementById('monitor-chart');
    if (!container || typeof uPlot === 'undefined' || container.hasAttribute('data-drawn')) {
      return;
    }
    container.setAttribute('data-drawn', '');
    plots.forEach(function (p) { p.plot.destroy(); });
    plots = [];
    var spec = JSON.parse(container.getAttribute('data-chart'));
    if (!spec.metrics.length) {
      var empty = document.createElement('p');
      empty.className = 'muted';
      empty.textContent = 'No metric has been checked yet.';
      container.appendChild(empty);
      return;
    }
    spec.metrics.forEach(function (m) { draw(container, spec, m); });
  }

  window.addEventListener('resize', function () {
    plots.forEach(function (p) {
      p.plot.setSize({ width: chartWidth(p.container), height: 220 });
    });
  });
  document.addEventListener('htmx:load', init);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
