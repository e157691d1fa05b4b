// cxm report: draws the JSON rows that the cxm commands printed. The page is a view: every number it
// shows is a field of those rows; it only picks fields, rounds them for display and lays them out.
(function () {
  'use strict';
  var sections = JSON.parse(document.getElementById('report-data').textContent);
  var main = document.getElementById('report');
  var chartIds = [];
  var PALETTE = ['#3366aa', '#dd7722', '#228844', '#aa3355', '#7755aa', '#998822', '#22a0b0'];
  var SCORE = {nps: 'NPS (points, −100 to 100)', csat: 'CSAT (% satisfied)', ces: 'CES (mean, scale points)'};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // display rounding only
  function fmt(v) {
    if (v === null || v === undefined) { return '—'; }
    if (typeof v !== 'number') { return String(v); }
    if (Number.isInteger(v)) { return String(v); }
    var a = Math.abs(v);
    if (a !== 0 && (a < 0.001 || a >= 1e7)) { return v.toExponential(3); }
    return String(Number(v.toPrecision(4)));
  }

  function groups(rows) {
    var g = {};
    rows.forEach(function (r) { (g[r.table] = g[r.table] || []).push(r); });
    return g;
  }

  // the value after an option in the section's command line, or the fallback
  function option(section, name, fallback) {
    var words = section.command.split(/\s+/);
    var i = words.indexOf(name);
    return i >= 0 && i + 1 < words.length ? words[i + 1] : fallback;
  }

  function table(parent, sec, group, rows) {
    var keys = Object.keys(rows[0]).filter(function (k) { return k !== 'table'; });
    var t = el('table', {id: 'table-' + sec + '-' + group, 'data-section': String(sec), 'data-table': group});
    t.appendChild(el('caption', {}, 'Table ' + group + ' (' + rows.length + (rows.length === 1 ? ' row)' : ' rows)')));
    var head = el('tr');
    keys.forEach(function (k) { head.appendChild(el('th', {scope: 'col'}, k)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r, i) {
      var tr = el('tr', {'data-row': String(i)});
      keys.forEach(function (k) {
        var v = r[k];
        tr.appendChild(el('td', {'data-key': k, 'data-value': JSON.stringify(v === undefined ? null : v),
          'class': typeof v === 'number' ? 'num' : 'text'}, fmt(v)));
      });
      body.appendChild(tr);
    });
    if (rows.length > 6) {
      var d = parent.appendChild(el('details'));
      d.appendChild(el('summary', {}, 'The numbers behind the chart: table ' + group + ', ' + rows.length + ' rows'));
      d.appendChild(el('div', {'class': 'scroll'})).appendChild(t);
    } else {
      parent.appendChild(el('div', {'class': 'scroll'})).appendChild(t);
    }
  }

  function chart(parent, sec, suffix, title, subtitle, option) {
    var id = 'chart-' + sec + '-' + suffix;
    var div = parent.appendChild(el('div', {id: id, 'class': 'chart', role: 'img', 'aria-label': title}));
    option.animation = false;
    option.color = PALETTE;
    option.title = {text: title, subtext: subtitle || '', left: 'center', textStyle: {fontSize: 15}};
    option.tooltip = option.tooltip || {trigger: 'item'};
    option.grid = option.grid || {left: 80, right: 40, top: subtitle ? 80 : 60, bottom: option.legend ? 95 : 70};
    echarts.init(div, null, {renderer: 'svg'}).setOption(option);
    chartIds.push(id);
  }

  function axis(type, name, extra) {
    var a = {type: type, name: name, nameLocation: 'middle', nameGap: type === 'category' ? 30 : 50,
      scale: true, axisLabel: {hideOverlap: true}};
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }

  // vertical 95% interval bars: data rows [x, lower, upper]
  function intervals(name, points, color) {
    return {type: 'custom', name: name, data: points, encode: {x: 0, y: [1, 2]}, z: 1, tooltip: {show: false},
      renderItem: function (params, api) {
        if (api.value(1) === null || api.value(2) === null || isNaN(api.value(1))) { return null; }
        var lo = api.coord([api.value(0), api.value(1)]);
        var hi = api.coord([api.value(0), api.value(2)]);
        var style = {stroke: color || '#555', lineWidth: 1.5};
        return {type: 'group', children: [
          {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]}, style: style},
          {type: 'line', shape: {x1: lo[0] - 6, y1: lo[1], x2: lo[0] + 6, y2: lo[1]}, style: style},
          {type: 'line', shape: {x1: hi[0] - 6, y1: hi[1], x2: hi[0] + 6, y2: hi[1]}, style: style}]};
      }};
  }

  var DRAW = {};

  DRAW.nps = DRAW.csat = DRAW.ces = function (s, sec, g, fig, used) {
    var rows = g[s.name];
    if (!rows) { return; }
    used[s.name] = true;
    var x = rows.map(function (r) { return r.segment; });
    var significant = function (r) { return r.sig !== undefined && r.sig !== null && r.sig !== 'ns'; };
    chart(fig, sec, 'score', s.name.toUpperCase() + ' by ' + option(s, '--by', 'segment') + ' with 95% intervals',
      rows[0].sig === undefined ? '' : 'red: differs from the overall (p adjusted by ' + option(s, '--adjust', 'holm') + ' < 0.05; stars as p_adj)',
      {xAxis: axis('category', option(s, '--by', 'segment'), {data: x}), yAxis: axis('value', SCORE[s.name]),
        series: [
          {type: 'scatter', name: s.name.toUpperCase(), symbolSize: 11, z: 3,
            data: rows.map(function (r) {
              return {value: [r.segment, r[s.name]], itemStyle: {color: significant(r) ? '#cc2222' : '#3366aa'},
                label: {show: significant(r), formatter: r.sig, position: 'right'}};
            })},
          intervals('95% interval', rows.map(function (r) { return [r.segment, r.ci95_lower, r.ci95_upper]; }))]});
    table(fig, sec, s.name, rows);
    // the answers' distribution (--distribution): one stacked bar per segment, one piece per rating,
    // coloured by the rating's class
    var dist = g.distribution;
    if (dist) {
      used.distribution = true;
      var segments = [];
      var ratings = [];
      var classOf = {};
      dist.forEach(function (r) {
        if (segments.indexOf(r.segment) < 0) { segments.push(r.segment); }
        if (ratings.indexOf(r.rating) < 0) { ratings.push(r.rating); classOf[r.rating] = r['class']; }
      });
      var CLASS = {detractor: ['#b2182b', '#d6604d', '#f4a582'], passive: ['#bababa', '#8c8c8c'],
        promoter: ['#4393c3', '#2166ac'], 'not satisfied': ['#d6604d', '#f4a582', '#fddbc7', '#b2182b'],
        satisfied: ['#4393c3', '#2166ac', '#92c5de']};
      var used2 = {};
      var colour = function (rating, i) {
        var c = classOf[rating];
        if (!c || !CLASS[c]) { return PALETTE[i % PALETTE.length]; }
        used2[c] = (used2[c] || 0) + 1;
        return CLASS[c][(used2[c] - 1) % CLASS[c].length];
      };
      chart(fig, sec, 'distribution', 'Distribution of the answers by ' + option(s, '--by', 'segment'),
        'share of the answers per rating' + (classOf[ratings[0]] ? ', coloured by class' : ''),
        {xAxis: axis('value', 'share of the answers (%)', {max: 100, scale: false}),
          yAxis: axis('category', option(s, '--by', 'segment'), {data: segments, inverse: true, nameGap: 80}),
          legend: {bottom: 0, type: 'scroll'}, tooltip: {trigger: 'item'},
          grid: {left: 110, right: 40, top: 80, bottom: 95},
          series: ratings.map(function (rating, i) {
            return {type: 'bar', stack: 'share', name: String(rating) + (classOf[rating] ? ' (' + classOf[rating] + ')' : ''),
              color: colour(rating, i),
              data: segments.map(function (seg) {
                var row = dist.filter(function (r) { return r.segment === seg && r.rating === rating; })[0];
                return row ? row.share_pct : null;
              })};
          })});
      table(fig, sec, 'distribution', dist);
    }
  };

  DRAW.trend = function (s, sec, g, fig, used) {
    var rows = g.periods;
    if (!rows) { return; }
    used.periods = true;
    var period = Object.keys(rows[0])[1];
    var score = ['nps', 'csat', 'ces'].filter(function (k) { return k in rows[0]; })[0];
    var x = rows.map(function (r) { return r[period]; });
    var t = g.trend && g.trend[0];
    chart(fig, sec, 'periods', score.toUpperCase() + ' per ' + period + ' with 95% intervals',
      t ? 'trend (' + t.test + '): slope ' + fmt(t.slope) + ' per ' + period + ', p = ' + fmt(t.p_value) : '',
      {xAxis: axis('category', period, {data: x}), yAxis: axis('value', SCORE[score]),
        series: [{type: 'line', name: score.toUpperCase(), symbolSize: 8, z: 3,
          data: rows.map(function (r) { return [r[period], r[score]]; })},
          intervals('95% interval', rows.map(function (r) { return [r[period], r.ci95_lower, r.ci95_upper]; }))]});
    table(fig, sec, 'periods', rows);
    if (g.trend) { used.trend = true; table(fig, sec, 'trend', g.trend); }
    var c = g.chart;
    if (c) {
      used.chart = true;
      var line = function (key, name, dashed) {
        return {type: 'line', name: name, symbol: dashed ? 'none' : 'circle', step: false,
          lineStyle: {type: dashed ? 'dashed' : 'solid'},
          data: c.map(function (r) { return [r[period], r[key]]; })};
      };
      var ewma = line('ewma', 'EWMA', false);
      ewma.data = c.map(function (r) {
        return {value: [r[period], r.ewma], itemStyle: {color: r.status === 'in' ? '#3366aa' : '#cc2222'}};
      });
      chart(fig, sec, 'control', 'EWMA control chart of ' + score.toUpperCase() + ' per ' + period,
        'red: outside the control limits', {xAxis: axis('category', period, {data: x}),
          yAxis: axis('value', SCORE[score]), legend: {bottom: 0}, tooltip: {trigger: 'axis'},
          series: [ewma, line('centre', 'centre', true), line('lower', 'lower limit', true),
            line('upper', 'upper limit', true)]});
      table(fig, sec, 'chart', c);
    }
  };

  DRAW.retention = function (s, sec, g, fig, used) {
    var rows = g.kaplan_meier;
    if (!rows) { return; }
    used.kaplan_meier = true;
    var bySegment = {};
    var order = [];
    rows.forEach(function (r) {
      var k = r.segment === undefined ? 'all' : r.segment;
      if (!bySegment[k]) { bySegment[k] = []; order.push(k); }
      bySegment[k].push(r);
    });
    var series = [];
    order.forEach(function (k, i) {
      var color = PALETTE[i % PALETTE.length];
      // S(0) = 1 by definition: each curve starts there
      var curve = function (key, name, dashed) {
        return {type: 'line', name: name, step: 'end', symbol: 'none', color: color,
          lineStyle: {type: dashed ? 'dashed' : 'solid', width: dashed ? 1 : 2, opacity: dashed ? 0.6 : 1},
          data: [[0, 1]].concat(bySegment[k].map(function (r) { return [r.time, r[key]]; }))};
      };
      series.push(curve('survival', k, false), curve('ci95_lower', k + ' 95% band', true),
        curve('ci95_upper', k + ' 95% band', true));
    });
    var lr = g.log_rank_test && g.log_rank_test[0];
    chart(fig, sec, 'survival', 'Kaplan–Meier retention' + (order.length > 1 ? ' by ' + option(s, '--by', 'segment') : '')
      + ' with 95% bands', lr ? lr.test + ': χ² = ' + fmt(lr.chi_square) + ', df ' + lr.df + ', p = ' + fmt(lr.p_value) : '',
      {xAxis: axis('value', 'time (' + option(s, '--duration', 'duration') + ')', {scale: false}),
        yAxis: axis('value', 'share still a customer (0–1)', {min: 0, max: 1, scale: false}),
        legend: {bottom: 0, data: order}, tooltip: {trigger: 'axis'}, series: series});
    table(fig, sec, 'kaplan_meier', rows);
  };

  DRAW.drivers = function (s, sec, g, fig, used) {
    var rows = g.drivers;
    if (!rows) { return; }
    used.drivers = true;
    var x = rows.map(function (r) { return r.item; });
    var model = g.drivers_model && g.drivers_model[0];
    chart(fig, sec, 'importance', 'Driver importance (LMG contribution to R²) for ' + option(s, '--overall', 'overall'),
      model ? 'R² = ' + fmt(model.r_squared) + ', ' + model.respondents + ' respondents; intervals: ' + model.se_method
        + ' / bootstrap percentile' : '',
      {xAxis: axis('category', 'item', {data: x}), yAxis: axis('value', 'LMG (contribution to R², 0–1)', {scale: false}),
        series: [{type: 'bar', name: 'LMG', barMaxWidth: 50, data: rows.map(function (r) { return [r.item, r.lmg]; })},
          intervals('95% interval', rows.map(function (r) { return [r.item, r.ci95_lower, r.ci95_upper]; }))]});
    var quadrants = [];
    rows.forEach(function (r) { if (quadrants.indexOf(r.quadrant) < 0) { quadrants.push(r.quadrant); } });
    // the quadrants as cxm drivers drew them: importance as the share it classified by, crosshairs at
    // the means it printed (drivers_model)
    var key = model && model.quadrant_importance ? model.quadrant_importance : 'lmg';
    var cross = model && model.importance_crosshair !== undefined && model.importance_crosshair !== null
      ? {silent: true, symbol: 'none', lineStyle: {type: 'dashed', color: '#888'}, label: {show: false},
        data: [{xAxis: model.importance_crosshair}, {yAxis: model.performance_crosshair}]} : undefined;
    chart(fig, sec, 'quadrant', 'Importance–performance: each item\'s quadrant',
      'colour: quadrant from cxm drivers' + (cross ? '; dashed: the crosshairs (mean importance, mean performance)' : ''),
      {xAxis: axis('value', 'importance (' + key.replace('_', ' ') + ' of R², 0–1)'),
        yAxis: axis('value', 'performance (mean, scale points)'),
        legend: {bottom: 0},
        series: quadrants.map(function (q, i) {
          return {type: 'scatter', name: String(q), symbolSize: 14, markLine: i === 0 ? cross : undefined,
            label: {show: true, position: 'right', formatter: function (p) { return p.data[2]; }},
            data: rows.filter(function (r) { return r.quadrant === q; }).map(function (r) { return [r[key], r.mean, r.item]; })};
        })});
    table(fig, sec, 'drivers', rows);
    if (g.drivers_model) { used.drivers_model = true; table(fig, sec, 'drivers_model', g.drivers_model); }
  };

  DRAW.servqual = function (s, sec, g, fig, used) {
    var rows = g.servqual_dimension;
    if (!rows) { return; }
    used.servqual_dimension = true;
    var x = rows.map(function (r) { return r.dimension; });
    chart(fig, sec, 'gaps', 'SERVQUAL gap (perception − expectation) per dimension with 95% intervals', '',
      {xAxis: axis('category', 'dimension', {data: x}), yAxis: axis('value', 'gap (scale points)', {scale: false}),
        series: [{type: 'bar', name: 'gap', barMaxWidth: 50, data: rows.map(function (r) { return [r.dimension, r.gap]; })},
          intervals('95% interval', rows.map(function (r) { return [r.dimension, r.ci95_lower, r.ci95_upper]; }))]});
    chart(fig, sec, 'levels', 'SERVQUAL expectation and perception per dimension', '',
      {xAxis: axis('category', 'dimension', {data: x}),
        yAxis: axis('value', 'mean rating (scale points, ' + option(s, '--scale', '1..7') + ')',
          {scale: false, min: Number(option(s, '--scale', '1..7').split('..')[0])}),
        legend: {bottom: 0}, tooltip: {trigger: 'axis'},
        series: [{type: 'bar', name: 'expectation', data: rows.map(function (r) { return r.expectation; })},
          {type: 'bar', name: 'perception', data: rows.map(function (r) { return r.perception; })}]});
    table(fig, sec, 'servqual_dimension', rows);
    // the zone of tolerance (three-column format): a band from adequate to desired service per
    // dimension, and the perception in it
    var zone = g.servqual_zone;
    if (zone) {
      used.servqual_zone = true;
      var zx = zone.map(function (r) { return r.dimension; });
      chart(fig, sec, 'zone', 'SERVQUAL zone of tolerance per dimension', 'band: adequate to desired service; dot: perception',
        {xAxis: axis('category', 'dimension', {data: zx}),
          yAxis: axis('value', 'mean rating (scale points, ' + option(s, '--scale', '1..7') + ')',
            {scale: false, min: Number(option(s, '--scale', '1..7').split('..')[0])}),
          legend: {bottom: 0},
          series: [{type: 'custom', name: 'zone of tolerance', encode: {x: 0, y: [1, 2]}, itemStyle: {color: '#9ecae1'},
            data: zone.map(function (r) { return [r.dimension, r.adequate, r.desired]; }),
            renderItem: function (params, api) {
              var lo = api.coord([api.value(0), api.value(1)]);
              var hi = api.coord([api.value(0), api.value(2)]);
              var half = api.size([1, 0])[0] * 0.3;
              return {type: 'rect', shape: {x: lo[0] - half, y: hi[1], width: 2 * half, height: lo[1] - hi[1]},
                style: {fill: '#9ecae1', stroke: '#3182bd'}};
            }},
            {type: 'scatter', name: 'perception', symbolSize: 12, z: 3,
              data: zone.map(function (r) {
                return {value: [r.dimension, r.perception],
                  itemStyle: {color: r.position === 'inside' ? '#228844' : '#cc2222'}};
              })}]});
      table(fig, sec, 'servqual_zone', zone);
    }
  };

  DRAW.clv = function (s, sec, g, fig, used) {
    var rows = g.clv_customer;
    if (rows) {
      used.clv_customer = true;
      chart(fig, sec, 'alive', 'Customers listed by cxm clv: P(alive) and expected purchases',
        'over the next ' + option(s, '--horizon', '?') + ' ' + option(s, '--period', 'period') + 's',
        {xAxis: axis('value', 'expected purchases (count, next ' + option(s, '--horizon', '?') + ' '
          + option(s, '--period', 'period') + 's)'), yAxis: axis('value', 'P(alive) (0–1)', {max: 1}),
          series: [{type: 'scatter', name: 'customer', symbolSize: 11,
            label: {show: true, position: 'right', fontSize: 10, formatter: function (p) { return p.data[2]; }},
            data: rows.map(function (r) { return [r.expected_purchases, r.p_alive, r.customer]; })}]});
      table(fig, sec, 'clv_customer', rows);
    }
    // the calibration/holdout check (cxm clv --holdout-from): actual against predicted holdout
    // purchases per customer, by calibration frequency; the "total" row is left out of the chart
    var holdout = g.clv_holdout;
    if (holdout) {
      used.clv_holdout = true;
      var bins = holdout.filter(function (r) { return r.x !== 'total'; });
      var cmp = g.clv_comparison && g.clv_comparison[0];
      chart(fig, sec, 'holdout', 'Holdout repeat purchases per customer by calibration frequency, actual vs predicted',
        cmp ? cmp.model + ': total predicted ' + fmt(cmp.predicted) + ' vs actual ' + fmt(cmp.actual)
          + ', MAE ' + fmt(cmp.mae) : '',
        {xAxis: axis('category', 'repeat purchases in the calibration period (x)', {data: bins.map(function (r) { return r.x; })}),
          yAxis: axis('value', 'mean repeat purchases in the holdout (count per customer)', {scale: false}),
          legend: {bottom: 0}, tooltip: {trigger: 'axis'},
          series: [{type: 'bar', name: 'actual', data: bins.map(function (r) { return r.actual; })},
            {type: 'line', name: 'predicted', data: bins.map(function (r) { return r.predicted; })}]});
      table(fig, sec, 'clv_holdout', holdout);
    }
  };

  sections.forEach(function (s, sec) {
    var part = main.appendChild(el('section', {id: 'section-' + sec, 'data-command': s.name}));
    part.appendChild(el('h2', {}, (sec + 1) + '. ' + s.name));
    var p = part.appendChild(el('p', {'class': 'command'}));
    p.appendChild(el('code', {}, s.command + ' --format json'));
    s.notes.forEach(function (n) { part.appendChild(el('p', {'class': 'note'}, n)); });
    var g = groups(s.rows);
    var used = {};
    var fig = part.appendChild(el('div', {'class': 'figure'}));
    if (DRAW[s.name]) { DRAW[s.name](s, sec, g, fig, used); }
    Object.keys(g).forEach(function (k) { if (!used[k]) { table(part, sec, k, g[k]); } });
  });

  // what the browser test reads: per chart, how many SVG shapes it drew
  setTimeout(function () {
    chartIds.forEach(function (id) {
      window.cxmStatus.charts[id] = document.querySelectorAll('#' + id + ' svg path, #' + id + ' svg text, #'
        + id + ' svg line, #' + id + ' svg rect, #' + id + ' svg polyline').length;
    });
    window.cxmStatus.ready = true;
    window.cxmStatusWrite();
  }, 0);
})();
