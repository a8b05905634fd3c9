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
  var first = null;
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
      { selector: ':selected', style: { 'overlay-color': '#1565c0', 'overlay-opacity': 0.2 } }
    ]
  });
  cy.on('tap', 'node', function (evt) { window.location.href = FG.actorUrl(evt.target.id()); });
  cy.on('tap', 'edge', function (evt) { window.location.href = FG.relationUrl(evt.target.data('report')); });

  function params(withDate) {
    var p = new URLSearchParams();
    form.querySelectorAll('input[name=certainty]:checked').forEach(function (c) { p.append('certainty', c.value); });
    form.querySelectorAll('input[name=source_kind]:checked').forEach(function (c) { p.append('source_kind', c.value); });
    if (!form.querySelector('input[name=certainty]:checked')) p.append('certainty', '');
    if (!form.querySelector('input[name=source_kind]:checked')) p.append('source_kind', '');
    if (country.value) p.set('country', country.value);
    if (document.getElementById('show-ended').checked) p.set('show_ended', 'true');
    if (withDate && first !== null) p.set('date', FG.addDays(first, +slider.value));
    return p;
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
    cy.batch(function () {
      cy.elements().remove();
      cy.add(els);
      cy.nodes().forEach(function (n) { if (before[n.id()]) n.position(before[n.id()]); });
    });
    var fresh = cy.nodes().filter(function (n) { return !before[n.id()]; }).length;
    if (!laidOut || fresh > 0) {
      cy.layout({ name: 'cose', animate: false, randomize: !laidOut, nodeRepulsion: function () { return 9000; },
        idealEdgeLength: function () { return 90; }, numIter: 600, fit: true, padding: 30 }).run();
      laidOut = d.nodes.length > 0;
    }
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
        (d.truncated ? ' (strongest ' + d.edges.length + ' of ' + d.total_edges + ')' : '')
      : 'No relations in the store yet.';
  }

  function load(withDate) {
    var my = ++seq;
    status.textContent = 'Loading…';
    return FG.getJSON('/api/graph?' + params(withDate).toString()).then(function (d) {
      if (my !== seq) return;
      if (first === null && d.range.first) {
        first = d.range.first;
        slider.max = String(FG.daysBetween(d.range.first, d.range.last));
        slider.value = slider.max;
        label.textContent = d.range.last;
        d.choices.country.forEach(function (c) { country.appendChild(FG.el('option', { value: c }, c)); });
      }
      render(d);
    }).catch(function (err) { if (my === seq) status.textContent = 'Could not load the graph: ' + err.message; });
  }

  var reload = FG.debounce(function () { load(true); }, 150);
  slider.addEventListener('input', function () {
    if (first !== null) label.textContent = FG.addDays(first, +slider.value);
    reload();
  });
  form.addEventListener('change', function (ev) { if (ev.target !== slider) load(true); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  load(false);
})();
