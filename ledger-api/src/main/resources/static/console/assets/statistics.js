// Draws the score distribution (bars) with the bunching estimate's counterfactual (line) and the
// pass mark, from the numbers the page embeds; without JavaScript the table below says the same.
(function () {
  'use strict';
  var el = document.getElementById('chart');
  var data = document.getElementById('chart-data');
  if (!el || !data || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [el.dataset.actual, el.dataset.counterfactual] },
    xAxis: { type: 'category', data: d.scores },
    yAxis: { type: 'value' },
    series: [
      { name: el.dataset.actual, type: 'bar', data: d.actual,
        markLine: { symbol: 'none', label: { formatter: el.dataset.passMark + ' ' + d.passMark },
                    data: [{ xAxis: String(d.passMark) }] } },
      { name: el.dataset.counterfactual, type: 'line', data: d.counterfactual, connectNulls: false, smooth: true, showSymbol: false }
    ]
  });
  el.dataset.drawn = 'true';
})();
