// Charts of the risk pages (ECharts). The page carries its data as JSON in the data-chart attribute of
// #risk-chart-data (HTML-escaped by Thymeleaf; no inline script, so the CSP script-src 'self' holds).
(function () {
  function ready(fn) { if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn); }
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') return;
    echarts.init(el).setOption(option);
  }
  ready(function () {
    var node = document.getElementById('risk-chart-data');
    if (!node) return;
    var d = JSON.parse(node.getAttribute('data-chart') || '{}');
    var colors = ['#2e7d32', '#7cb342', '#fbc02d', '#f57c00', '#c62828'];
    if (d.classes) {
      chart('chart-classes', {
        tooltip: {}, legend: {data: ['Customers', 'Exposure']},
        xAxis: {data: d.classes}, yAxis: [{type: 'value', name: 'Customers'}, {type: 'value', name: 'Exposure'}],
        series: [{name: 'Customers', type: 'bar', data: d.customers.map(function (v, i) { return {value: v, itemStyle: {color: colors[i]}}; })},
                 {name: 'Exposure', type: 'line', yAxisIndex: 1, data: d.exposure}]
      });
      var max = Math.max.apply(null, [1].concat(d.heatmap.map(function (c) { return Number(c[2]); })));
      chart('chart-heatmap', {
        tooltip: {position: 'top'}, grid: {left: 90, right: 20, top: 10, bottom: 80},
        xAxis: {type: 'category', data: d.classes}, yAxis: {type: 'category', data: d.areas},
        visualMap: {min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          formatter: function (v) { return Math.round(Number(v)).toLocaleString('en-US'); }},
        series: [{type: 'heatmap', data: d.heatmap, label: {show: false}}]
      });
    }
    if (d.months) {
      chart('chart-score', {tooltip: {trigger: 'axis'}, xAxis: {data: d.scoreDates}, yAxis: {min: 0, max: 100},
        series: [{type: 'line', data: d.scores, step: 'end'}]});
      chart('chart-exposure', {tooltip: {trigger: 'axis'}, legend: {data: ['Open', 'Limit']}, xAxis: {data: d.months}, yAxis: {},
        series: [{name: 'Open', type: 'bar', data: d.open}, {name: 'Limit', type: 'line', step: 'end', data: d.limit}]});
      var agingColors = ['#2e7d32', '#7cb342', '#c0ca33', '#fbc02d', '#f57c00', '#c62828', '#6a1b9a'];
      chart('chart-aging', {tooltip: {trigger: 'axis'}, legend: {}, xAxis: {data: d.months}, yAxis: {},
        series: (d.aging || []).map(function (s, i) {
          return {name: s.name, type: 'bar', stack: 'aging', data: s.data, itemStyle: {color: agingColors[i % agingColors.length]}}; })});
      chart('chart-days', {tooltip: {trigger: 'axis'}, xAxis: {data: d.months}, yAxis: {name: 'days'},
        series: [{type: 'line', data: d.daysToPay, connectNulls: true}]});
    }
  });
})();
