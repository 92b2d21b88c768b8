// The crisis map: the requesting state's boundary (Natural Earth, shipped with monitoring), the protected
// sites as squares and the conflict events as circles. No tile server: the closed networks have none.
(function () {
  "use strict";
  var box = document.getElementById("crisis-map");
  var data = document.getElementById("crisis-points");
  if (!box || !data || !window.L) { return; }
  var points = JSON.parse(data.textContent);
  var map = L.map(box, { attributionControl: false }).setView([45, 65], 4);
  var drawn = L.featureGroup().addTo(map);
  points.forEach(function (p) {
    var marker = p.kind === "site"
      ? L.rectangle([[p.lat - 0.01, p.lon - 0.015], [p.lat + 0.01, p.lon + 0.015]], { color: "#1d4ed8", weight: 2, fillOpacity: 0.6 })
      : L.circleMarker([p.lat, p.lon], { radius: 4, color: "#7b0000", weight: 0.5, fillOpacity: 0.5 });
    var tip = document.createElement("span");  // entered names as text, never as HTML
    tip.textContent = p.label + (p.demo ? " (" + box.dataset.demoLabel + ")" : "");
    marker.bindTooltip(tip);
    drawn.addLayer(marker);
  });
  fetch(box.dataset.admin0, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (admin0) {
    var host = L.geoJSON(admin0, {
      filter: function (f) { return f.properties.iso3 === box.dataset.iso3; },
      style: function () { return { color: "#555", weight: 1, fillOpacity: 0.05 }; }
    }).addTo(map);
    host.bringToBack();
    var bounds = drawn.getLayers().length ? drawn.getBounds() : host.getBounds();
    if (bounds.isValid()) { map.fitBounds(bounds, { maxZoom: 10, padding: [20, 20] }); }
    box.dataset.ready = String(points.length);
  });
})();
