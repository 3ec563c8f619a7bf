// Draws every element with a data-chart attribute: the attribute holds a complete ECharts option as
// JSON, built by the server as plain data.
(function () {
  function draw() {
    if (typeof echarts === 'undefined') return;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el) || echarts.init(el);
      chart.setOption(JSON.parse(el.getAttribute('data-chart')), true);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
