/* Shared helpers. Data from the API is only ever put in the page with textContent or
   setAttribute on attributes we choose (never innerHTML), so document text cannot run. */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function parseDay(iso) { var p = String(iso).slice(0, 10).split('-'); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function addDays(iso, n) { return isoDay(parseDay(iso) + n * DAY); }
  function daysBetween(a, b) { return Math.round((parseDay(b) - parseDay(a)) / DAY); }
  function seg(s) { return encodeURIComponent(String(s)); }
  function actorUrl(id) { return '/actors/' + seg(id); }
  function relationUrl(ref) { return '/relations/' + seg(ref.doc_hash) + '/' + seg(ref.idx); }
  function eventUrl(docHash, eventId) { return '/events/' + seg(docHash) + '/' + seg(eventId); }
  function link(href, text, cls) { var a = el('a', { href: href }, text); if (cls) a.className = cls; return a; }
  function debounce(fn, ms) {
    var t = null;
    return function () { var args = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, args); }, ms); };
  }
  window.FG = { el: el, svg: svg, clear: clear, getJSON: getJSON, parseDay: parseDay, isoDay: isoDay,
    addDays: addDays, daysBetween: daysBetween, actorUrl: actorUrl, relationUrl: relationUrl, eventUrl: eventUrl,
    link: link, debounce: debounce };
})();
