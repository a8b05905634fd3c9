/* Map of events on an offline basemap: Natural Earth borders (world-atlas TopoJSON, decoded with
   topojson-client) drawn as plain SVG in an equirectangular projection; no tiles, no network. */
(function () {
  'use strict';
  var FG = window.FG;
  var form = document.getElementById('map-controls');
  var svgEl = document.getElementById('map');
  var slider = document.getElementById('map-slider');
  var label = document.getElementById('map-date-label');
  var startInput = document.getElementById('map-start');
  var actorSel = document.getElementById('map-actor');
  var comments = document.getElementById('map-comments');
  var status = document.getElementById('map-status');
  var legend = document.getElementById('map-legend');
  var COLORS = ['#c62828', '#ef6c00', '#6a1b9a', '#1565c0', '#2e7d32', '#ad1457', '#616161'];
  var first = null;
  var seq = 0;
  var view = { x: -180, y: -90, w: 360, h: 180 };
  var fitted = false;

  var defs = FG.svg('defs');
  var clip = FG.svg('clipPath', { id: 'world-clip' });
  clip.appendChild(FG.svg('rect', { x: -180, y: -90, width: 360, height: 180 }));
  defs.appendChild(clip);
  var gBase = FG.svg('g', { 'class': 'countries', 'clip-path': 'url(#world-clip)' });
  var gUndated = FG.svg('g', { 'class': 'events undated-layer' });
  var gEvents = FG.svg('g', { 'class': 'events' });
  svgEl.appendChild(defs);
  svgEl.appendChild(FG.svg('rect', { x: -180, y: -90, width: 360, height: 180, 'class': 'sea' }));
  svgEl.appendChild(gBase);
  svgEl.appendChild(gUndated);
  svgEl.appendChild(gEvents);
  var showUndated = true;

  // A ring that crosses the 180th meridian jumps from about +180 to -180 between two points; drawn
  // as is, that edge is a band across the whole map. Longitudes are unwrapped so that the ring
  // stays continuous (running past 180), and a copy shifted by 360 degrees draws the part beyond
  // the edge on the other side; the clip path cuts both at the map's edge.
  function unwrap(ring) {
    var out = [], prev = null, shift = 0;
    ring.forEach(function (p) {
      if (prev !== null) {
        var d = p[0] - prev;
        if (d > 180) shift -= 360; else if (d < -180) shift += 360;
      }
      prev = p[0];
      out.push([p[0] + shift, p[1]]);
    });
    return out;
  }
  function ringPath(ring, dx) {
    return 'M' + ring.map(function (p) { return (p[0] + dx).toFixed(2) + ',' + (-p[1]).toFixed(2); }).join('L') + 'Z';
  }
  function pathOf(geom) {
    var polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
    var parts = [];
    polys.forEach(function (rings) {
      rings.forEach(function (raw) {
        var ring = unwrap(raw);
        var lo = Math.min.apply(null, ring.map(function (p) { return p[0]; }));
        var hi = Math.max.apply(null, ring.map(function (p) { return p[0]; }));
        parts.push(ringPath(ring, 0));
        if (hi > 180) parts.push(ringPath(ring, -360));
        if (lo < -180) parts.push(ringPath(ring, 360));
      });
    });
    return parts.join('');
  }

  function setView(v) {
    view = v;
    svgEl.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(function (n) { return n.toFixed(3); }).join(' '));
    var r = Math.max(v.w / 140, 0.02);
    svgEl.querySelectorAll('circle.event').forEach(function (c) { c.setAttribute('r', r.toFixed(3)); });
  }

  function fit(events) {
    if (!events.length) { setView({ x: -180, y: -90, w: 360, h: 180 }); return; }
    var lons = events.map(function (e) { return e.lon; });
    var lats = events.map(function (e) { return e.lat; });
    var x0 = Math.min.apply(null, lons), x1 = Math.max.apply(null, lons);
    var y0 = -Math.max.apply(null, lats), y1 = -Math.min.apply(null, lats);
    var w = Math.max(x1 - x0, 8) * 1.4, h = Math.max(y1 - y0, 5) * 1.4;
    var ratio = svgEl.clientWidth / Math.max(svgEl.clientHeight, 1) || 2;
    if (w / h < ratio) w = h * ratio; else h = w / ratio;
    setView({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w: w, h: h });
  }

  function toView(evt) {
    var rect = svgEl.getBoundingClientRect();
    return { x: view.x + (evt.clientX - rect.left) / rect.width * view.w,
             y: view.y + (evt.clientY - rect.top) / rect.height * view.h };
  }
  svgEl.addEventListener('wheel', function (evt) {
    evt.preventDefault();
    var p = toView(evt), k = evt.deltaY > 0 ? 1.25 : 0.8;
    var w = Math.min(Math.max(view.w * k, 0.5), 720), h = w * view.h / view.w;
    setView({ x: p.x - (p.x - view.x) * w / view.w, y: p.y - (p.y - view.y) * h / view.h, w: w, h: h });
  }, { passive: false });
  var drag = null;
  svgEl.addEventListener('pointerdown', function (evt) {
    if (evt.target.closest && evt.target.closest('a')) return;
    drag = { x: evt.clientX, y: evt.clientY, v: view };
  });
  window.addEventListener('pointerup', function () { drag = null; });
  window.addEventListener('pointermove', function (evt) {
    if (!drag) return;
    var rect = svgEl.getBoundingClientRect();
    setView({ x: drag.v.x - (evt.clientX - drag.x) / rect.width * drag.v.w,
              y: drag.v.y - (evt.clientY - drag.y) / rect.height * drag.v.h, w: drag.v.w, h: drag.v.h });
  });

  function drawEvents(d) {
    var colour = {};
    d.types.forEach(function (t, i) { colour[t] = COLORS[i % COLORS.length]; });
    FG.clear(gEvents);
    FG.clear(gUndated);
    var counts = {}, undated = 0;
    d.events.forEach(function (e) {
      var dated = e.dated !== false && e.date_start !== null;
      if (dated) counts[e.type] = (counts[e.type] || 0) + 1; else undated += 1;
      var a = FG.svg('a', { href: FG.eventUrl(e.doc_hash, e.event_id) });
      var c = FG.svg('circle', { cx: e.lon.toFixed(4), cy: (-e.lat).toFixed(4), r: 0.5, fill: colour[e.type] || '#616161',
        'class': dated ? 'event' : 'event undated', 'data-type': e.type });
      c.appendChild(FG.svg('title', null, (e.date_start || 'undated') + ' · ' + e.plover + ' · ' + e.type + '\n' +
        (e.actor1_name || '?') + ' → ' + (e.actor2_name || '?') + (e.location_name ? ' at ' + e.location_name : '') +
        '\n' + (e.evidence || '')));
      a.appendChild(c);
      (dated ? gEvents : gUndated).appendChild(a);
    });
    // the legend lists the types on the map now, and the undated layer when it has events
    FG.clear(legend);
    d.types.forEach(function (t) {
      if (!counts[t]) return;
      var row = FG.el('div', { 'data-type': t });
      row.appendChild(FG.el('span', { 'class': 'dot dot-' + d.types.indexOf(t) }));
      row.appendChild(document.createTextNode(' ' + t + ' (' + counts[t] + ')'));
      legend.appendChild(row);
    });
    if (undated) {
      var lab = FG.el('label', { 'class': 'undated-toggle' });
      var box = FG.el('input', { type: 'checkbox', id: 'map-undated' });
      box.checked = showUndated;
      box.addEventListener('change', function () { showUndated = box.checked; gUndated.style.display = showUndated ? '' : 'none'; });
      lab.appendChild(box);
      lab.appendChild(FG.el('span', { 'class': 'dot undated' }));
      lab.appendChild(document.createTextNode(' Undated (' + undated + '): shown at every date'));
      legend.appendChild(lab);
    }
    if (!d.events.length) legend.appendChild(FG.el('div', { 'class': 'muted' }, 'No events.'));
    gUndated.style.display = showUndated ? '' : 'none';
    svgEl.setAttribute('data-undated', String(undated));
    if (!fitted) { fit(d.events); fitted = true; } else { setView(view); }
    svgEl.setAttribute('data-events', d.events.length);
    status.textContent = d.events.length + ' events shown' + (undated ? ' (' + undated + ' undated)' : '') + (d.truncated ? ' (newest ' + d.events.length + ' of ' + d.total + ')' : '') +
      (d.filters.end ? ' up to ' + d.filters.end : '') + (d.filters.actor ? ' with ' + (actorSel.selectedOptions[0] || {}).textContent : '') + '.';
  }

  function params(withEnd) {
    var p = new URLSearchParams();
    if (startInput.value) p.set('start', startInput.value);
    if (withEnd && first !== null) p.set('end', FG.addDays(first, +slider.value));
    if (actorSel.value) p.set('actor', actorSel.value);
    p.append('source_kind', 'article');
    if (comments.checked) p.append('source_kind', 'comment');
    return p;
  }

  function load(withEnd) {
    var my = ++seq;
    status.textContent = 'Loading…';
    return FG.getJSON('/api/map?' + params(withEnd).toString()).then(function (d) {
      if (my !== seq) return;
      if (first === null && d.range.first) {
        first = d.range.first;
        slider.max = String(FG.daysBetween(d.range.first, d.range.last));
        slider.value = slider.max;
        label.textContent = d.range.last;
        startInput.min = d.range.first; startInput.max = d.range.last;
        d.actors.forEach(function (a) { actorSel.appendChild(FG.el('option', { value: a.id }, a.name + ' (' + a.events + ')')); });
      }
      drawEvents(d);
    }).catch(function (err) { if (my === seq) status.textContent = 'Could not load events: ' + err.message; });
  }

  var world = FG.getJSON(form.getAttribute('data-world')).then(function (topo) {
    var fc = window.topojson.feature(topo, topo.objects.countries);
    fc.features.forEach(function (f) {
      if (!f.geometry) return;
      var p = FG.svg('path', { d: pathOf(f.geometry), 'class': 'country' });
      p.appendChild(FG.svg('title', null, (f.properties && f.properties.name) || ''));
      gBase.appendChild(p);
    });
    svgEl.setAttribute('data-countries', fc.features.length);
  }).catch(function (err) { status.textContent = 'Could not load the basemap: ' + err.message; });

  var reload = FG.debounce(function () { load(true); }, 150);
  slider.addEventListener('input', function () {
    if (first !== null) label.textContent = FG.addDays(first, +slider.value);
    reload();
  });
  form.addEventListener('change', function (ev) { if (ev.target !== slider && ev.target.id !== 'map-undated') load(true); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  setView(view);
  world.then(function () { return load(false); });
})();
