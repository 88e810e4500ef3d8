// 管理看板: draws the charts from the figures the page came with (the tables below them hold the same numbers).
(function () {
  'use strict';

  function draw() {
    var source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var charts = [];

    var stagesElement = document.getElementById('chart-stages');
    if (stagesElement && data.stages.length > 0) {
      var stages = echarts.init(stagesElement, null, { renderer: 'svg' });
      var names = data.stages.map(function (s) { return s.name + '（' + s.kind + '·' + s.agency + '）'; });
      stages.setOption({
        animation: false,
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: function (items) {
            var s = data.stages[items[0].dataIndex];
            return s.name + '<br>' + s.agency + ' · ' + s.limit + ' ' + s.limitUnit + '<br>'
              + items[0].value + '% · ' + s.clocks + '<br>P50 ' + (s.median == null ? '—' : s.median + ' ' + s.unit)
              + ' · P90 ' + (s.p90 == null ? '—' : s.p90 + ' ' + s.unit);
          }
        },
        xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [{
          type: 'bar',
          data: data.stages.map(function (s) {
            var v = s.withinLimit == null ? 0 : Number(s.withinLimit);
            return { value: v, itemStyle: { color: v >= 95 ? '#2e7d32' : (v >= 85 ? '#f9a825' : '#c62828') } };
          }),
          label: { show: true, position: 'right', formatter: '{c}%' }
        }]
      });
      stagesElement.style.height = Math.max(160, 28 * data.stages.length + 40) + 'px';
      stages.resize();
      charts.push(stages);
    }

    var weeksElement = document.getElementById('chart-weeks');
    if (weeksElement && data.weeks.length > 0) {
      var lang = document.documentElement.lang || 'zh-CN';
      var zh = lang.indexOf('zh') === 0;
      var weeks = echarts.init(weeksElement, null, { renderer: 'svg' });
      weeks.setOption({
        animation: false,
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: data.weeks.map(function (w) { return w.monday.substring(5); }) },
        yAxis: [{ type: 'value', name: zh ? '件' : 'cases' },
                { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [
          { name: zh ? '收件' : 'In', type: 'bar', data: data.weeks.map(function (w) { return w.in; }) },
          { name: zh ? '办结' : 'Out', type: 'bar', data: data.weeks.map(function (w) { return w.out; }) },
          { name: zh ? '时限内办结率' : 'Within limit', type: 'line', yAxisIndex: 1,
            data: data.weeks.map(function (w) { return w.withinLimit; }) },
          { name: zh ? '离柜率' : 'Online', type: 'line', yAxisIndex: 1,
            data: data.weeks.map(function (w) { return w.online; }) }
        ]
      });
      charts.push(weeks);
    }

    var bundlesElement = document.getElementById('chart-bundles');
    if (bundlesElement && data.bundles && data.bundles.length > 0) {
      var zhB = (document.documentElement.lang || 'zh-CN').indexOf('zh') === 0;
      var bundles = echarts.init(bundlesElement, null, { renderer: 'svg' });
      bundles.setOption({
        animation: false,
        grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', name: zhB ? '工作日' : 'working days' },
        yAxis: { type: 'category', data: data.bundles.map(function (b) { return b.name; }), inverse: true },
        series: [
          { name: zhB ? '中位数' : 'Median', type: 'bar', data: data.bundles.map(function (b) { return b.median; }),
            label: { show: true, position: 'right' } },
          { name: zhB ? '90% 分位数' : '90th percentile', type: 'bar',
            data: data.bundles.map(function (b) { return b.p90; }), label: { show: true, position: 'right' } },
          { name: zhB ? '时限' : 'Limit', type: 'scatter', symbol: 'diamond', symbolSize: 14,
            itemStyle: { color: '#c62828' }, data: data.bundles.map(function (b) { return b.limit; }) }
        ]
      });
      bundlesElement.style.height = Math.max(140, 56 * data.bundles.length + 60) + 'px';
      bundles.resize();
      charts.push(bundles);
    }

    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
    document.getElementById('dashboard').setAttribute('data-charts', String(charts.length));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
