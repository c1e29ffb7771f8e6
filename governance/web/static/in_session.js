/* in_session (engineer session): an optional enhancement of the session page.
   The quorum shown is current after every submit without this script; with it,
   what another person records meanwhile (the secretariat on its tablet) shows up
   on the chair's page too: every 15 seconds the quorum is read again from
   /meetings/<id>/session/quorum and the text replaced. aria-live="polite" on the
   paragraph lets screen readers announce a change. No other behaviour depends on it. */
(function () {
  "use strict";
  var box = document.getElementById("quorum");
  if (!box || !window.fetch) { return; }
  var source = box.getAttribute("data-source");
  var label = box.querySelector(".quorum__label");
  var text = box.querySelector(".quorum__text");
  function refresh() {
    if (document.hidden) { return; }
    fetch(source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || text.textContent.trim() === data.text) { return; }
        label.textContent = data.label;
        text.textContent = data.text;
        box.classList.toggle("quorum--ok", data.quorate);
        box.classList.toggle("quorum--short", !data.quorate);
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }
  window.setInterval(refresh, 15000);
})();
