/* Actor graph over time: Cytoscape.js, a date slider and filters, fed by /api/graph. */
(function () {
  'use strict';
  var FG = window.FG;
  var form = document.getElementById('graph-controls');
  var slider = document.getElementById('date-slider');
  var label = document.getElementById('date-label');
  var status = document.getElementById('graph-status');
  var country = document.getElementById('country');
  var box = document.getElementById('cy');
  var table = document.querySelector('#edge-table tbody');
  var dateInput = document.getElementById('graph-date');
  var play = document.getElementById('graph-play');
  var search = document.getElementById('graph-search');
  var names = document.getElementById('graph-names');
  var legend = document.getElementById('graph-legend');
  var first = null, last = null;
  var playing = null;
  var seq = 0;
  var laidOut = false;

  var cy = window.cytoscape({
    container: box,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: 'node', style: { label: 'data(name)', 'font-size': 11, 'background-color': '#455a64',
        width: 'data(size)', height: 'data(size)', 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1d2327',
        'text-wrap': 'wrap', 'text-max-width': 140, 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
      { selector: 'edge', style: { width: 'data(width)', 'curve-style': 'bezier', opacity: 0.85,
        'arrow-scale': 0.8 } },
      { selector: 'edge[sign > 0]', style: { 'line-color': '#2e7d32', 'line-style': 'solid',
        'target-arrow-color': '#2e7d32' } },
      { selector: 'edge[sign < 0]', style: { 'line-color': '#c62828', 'line-style': 'dashed',
        'line-dash-pattern': [8, 5] } },
      { selector: 'edge[sign = 0]', style: { 'line-color': '#9e9e9e', 'line-style': 'dotted',
        'target-arrow-color': '#9e9e9e' } },
      { selector: 'edge[directed = 1]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: ':selected', style: { 'overlay-color': '#1565c0', 'overlay-opacity': 0.2 } },
      { selector: 'node.match', style: { 'background-color': '#1565c0', 'border-width': 4, 'border-color': '#90caf9',
        'font-weight': 'bold', 'z-index': 10 } },
      { selector: '.faded', style: { opacity: 0.15 } }
    ]
  });
  window.FG.graph = cy;  // for the browser tests and the console
  cy.on('tap', 'node', function (evt) { window.location.href = FG.actorUrl(evt.target.id()); });
  cy.on('tap', 'edge', function (evt) { window.location.href = FG.relationUrl(evt.target.data('report')); });

  function params(withDate) {
    var p = new URLSearchParams();
    form.querySelectorAll('input[name=certainty]:checked').forEach(function (c) { p.append('certainty', c.value); });
    form.querySelectorAll('input[name=source_kind]:checked').forEach(function (c) { p.append('source_kind', c.value); });
    if (!form.querySelector('input[name=certainty]:checked')) p.append('certainty', '');
    if (!form.querySelector('input[name=source_kind]:checked')) p.append('source_kind', '');
    form.querySelectorAll('input[name=type]:checked').forEach(function (c) { p.append('type', c.value); });
    if (!form.querySelector('input[name=type]:checked')) p.append('type', '');
    if (country.value) p.set('country', country.value);
    if (document.getElementById('show-ended').checked) p.set('show_ended', 'true');
    if (withDate && first !== null) p.set('date', FG.addDays(first, +slider.value));
    return p;
  }

  // Nodes that enter the graph start next to a neighbour already placed (or at the centre), so
  // the layout below moves the picture on from where it was instead of starting afresh.
  function placeNewNodes(before) {
    var ext = cy.extent(), cx = (ext.x1 + ext.x2) / 2, cyy = (ext.y1 + ext.y2) / 2;
    cy.nodes().forEach(function (n, i) {
      if (before[n.id()]) return;
      var placed = n.neighborhood('node').filter(function (m) { return before[m.id()]; });
      var p = placed.length ? before[placed[0].id()] : { x: cx, y: cyy };
      var a = i * 2.399;  // golden angle: fresh nodes fan out instead of stacking
      n.position({ x: p.x + 40 * Math.cos(a), y: p.y + 40 * Math.sin(a) });
    });
  }

  // Every change of date or filter lays the graph out again and fits it to the canvas: clusters
  // that the new set of ties pulls apart or together are redrawn, and no node is left off-screen.
  function relayout(fresh) {
    if (!cy.nodes().length) return;
    cy.layout({ name: 'cose', animate: false, randomize: fresh, fit: true, padding: 30,
      nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; },
      numIter: 600, nodeDimensionsIncludeLabels: true }).run();
    cy.fit(cy.elements(), 30);
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }  // two or three actors: no giant nodes
  }

  function render(d) {
    var maxStrength = d.nodes.reduce(function (m, n) { return Math.max(m, n.strength); }, 0) || 1;
    var els = d.nodes.map(function (n) {
      return { group: 'nodes', data: { id: n.id, name: n.name, size: 14 + 26 * Math.sqrt(n.strength / maxStrength) } };
    }).concat(d.edges.map(function (e) {
      return { group: 'edges', data: { id: e.type + '|' + e.source + '|' + e.target, source: e.source, target: e.target,
        sign: e.sign, width: e.width, directed: e.symmetric ? 0 : 1, report: e.report } };
    }));
    var before = {};
    cy.nodes().forEach(function (n) { before[n.id()] = n.position(); });
    var kept = 0;
    cy.batch(function () {
      cy.elements().remove();
      cy.add(els);
      cy.nodes().forEach(function (n) { if (before[n.id()]) { n.position(before[n.id()]); kept++; } });
      placeNewNodes(before);
    });
    relayout(!laidOut || kept === 0);
    laidOut = d.nodes.length > 0;
    names.textContent = '';
    d.nodes.map(function (n) { return n.name; }).sort().forEach(function (name) {
      names.appendChild(FG.el('option', { value: name }));
    });
    var bySign = { '1': 0, '-1': 0, '0': 0 };
    d.edges.forEach(function (e) { bySign[String(e.sign)] += 1; });
    legend.querySelectorAll('[data-sign]').forEach(function (row) {
      var n = bySign[row.getAttribute('data-sign')] || 0;
      row.hidden = n === 0;  // the legend lists only what the graph shows
      row.querySelector('.n').textContent = '(' + n + ')';
    });
    highlight(false);
    FG.clear(table);
    d.edges.forEach(function (e) {
      var tr = FG.el('tr', { 'class': 'sign' + e.sign });
      tr.appendChild(FG.el('td', null, e.type + (e.status !== 'current' ? ' (' + e.status + ')' : '')));
      var between = FG.el('td');
      between.appendChild(FG.link(FG.actorUrl(e.source), e.source_name, 'actor'));
      between.appendChild(document.createTextNode(e.symmetric ? ' – ' : ' → '));
      between.appendChild(FG.link(FG.actorUrl(e.target), e.target_name, 'actor'));
      tr.appendChild(between);
      tr.appendChild(FG.el('td', { 'class': 'num' }, e.strength.toFixed(2)));
      var n = FG.el('td', { 'class': 'num' });
      n.appendChild(FG.link(FG.relationUrl(e.report), String(e.evidence_count)));
      tr.appendChild(n);
      tr.appendChild(FG.el('td', { 'class': 'nowrap' }, e.last_seen));
      table.appendChild(tr);
    });
    box.setAttribute('data-nodes', d.nodes.length);
    box.setAttribute('data-edges', d.edges.length);
    box.setAttribute('data-at', d.at || '');
    status.textContent = d.at
      ? d.nodes.length + ' actors, ' + d.edges.length + ' ties at ' + d.at +
        (d.truncated ? ' (strongest ' + d.edges.length + ' of ' + d.total_edges + ')' : '') +
        (d.undated_statements ? '; ' + d.undated_statements + ' undated statements are in no dated graph' : '')
      : 'No relations in the store yet.';
    searchStatus();
  }

  // Actor search: matching actors are marked, their ties and partners kept bright, the rest faded;
  // `zoom` also fits the view to them (Enter or picking a name; a redraw keeps the whole graph fitted).
  var found = null;
  function highlight(zoom) {
    var q = search.value.trim().toLowerCase();
    cy.elements().removeClass('match faded');
    found = null;
    if (!q) { box.setAttribute('data-matches', '0'); return; }
    var matches = cy.nodes().filter(function (n) { return n.data('name').toLowerCase().indexOf(q) !== -1 || n.id() === q; });
    found = matches;
    box.setAttribute('data-matches', String(matches.length));
    if (!matches.length) return;
    var near = matches.closedNeighborhood();
    matches.addClass('match');
    cy.elements().not(near).addClass('faded');
    if (zoom) cy.fit(near, 40);
  }
  function searchStatus() {
    var q = search.value.trim();
    if (!q || found === null) return;
    status.textContent += ' · ' + (found.length ? found.length + ' actor' + (found.length > 1 ? 's' : '') + ' match \u201c' + q + '\u201d'
      : 'no actor here matches \u201c' + q + '\u201d');
  }

  function load(withDate) {
    var my = ++seq;
    status.textContent = 'Loading…';
    return FG.getJSON('/api/graph?' + params(withDate).toString()).then(function (d) {
      if (my !== seq) return;
      if (first === null && d.range.first) {
        first = d.range.first;
        last = d.range.last;
        slider.max = String(FG.daysBetween(d.range.first, d.range.last));
        slider.value = slider.max;
        label.textContent = d.range.last;
        dateInput.min = first; dateInput.max = last; dateInput.value = last;
        d.choices.country.forEach(function (c) { country.appendChild(FG.el('option', { value: c }, c)); });
      }
      render(d);
    }).catch(function (err) { if (my === seq) status.textContent = 'Could not load the graph: ' + err.message; });
  }

  var reload = FG.debounce(function () { load(true); }, 150);
  function showDate() {
    if (first === null) return;
    label.textContent = FG.addDays(first, +slider.value);
    dateInput.value = label.textContent;
  }
  slider.addEventListener('input', function () { showDate(); reload(); });
  dateInput.addEventListener('change', function () {
    if (first === null || !/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return;
    var n = Math.min(Math.max(FG.daysBetween(first, dateInput.value), 0), +slider.max);
    slider.value = String(n);
    showDate();
    load(true);
  });
  form.addEventListener('change', function (ev) {
    if (ev.target === slider || ev.target === dateInput || ev.target === search) return;
    load(true);
  });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); highlight(true); searchStatus(); });
  search.addEventListener('input', function () { highlight(false); if (last !== null) { status.textContent =
    status.textContent.split(' · ')[0]; searchStatus(); } });
  search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); highlight(true); } });
  search.addEventListener('change', function () { highlight(true); });

  // Play: step the date forward, about forty steps over the whole range, each after the last
  // graph has been drawn; pressing again (or reaching the end) stops it.
  function stop() {
    if (playing) clearTimeout(playing.timer);
    playing = null;
    play.textContent = '\u25b6 Play';
    play.setAttribute('aria-pressed', 'false');
  }
  function step() {
    if (!playing) return;
    var max = +slider.max, v = Math.min(max, +slider.value + playing.step);
    slider.value = String(v);
    showDate();
    load(true).then(function () {
      if (!playing) return;
      if (v >= max) { stop(); return; }
      playing.timer = setTimeout(step, 600);
    });
  }
  play.addEventListener('click', function () {
    if (playing) { stop(); return; }
    if (first === null) return;
    if (+slider.value >= +slider.max) slider.value = '0';
    playing = { step: Math.max(1, Math.round(+slider.max / 40)), timer: null };
    play.textContent = '\u275a\u275a Pause';
    play.setAttribute('aria-pressed', 'true');
    showDate();
    load(true).then(function () { if (playing) playing.timer = setTimeout(step, 600); });
  });
  slider.addEventListener('pointerdown', stop);
  window.addEventListener('resize', FG.debounce(function () { cy.resize(); cy.fit(cy.elements(), 30); }, 200));
  load(false);
})();
