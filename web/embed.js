// embed.js — optional helper for web pages that embed Customer Relationship Building in an <iframe>.
//
//   <iframe data-crb-embed src="https://example.org/crb/?embed=1#/en/unit/1"
//           title="Customer Relationship Building" allow="fullscreen"></iframe>
//   <script src="https://example.org/crb/embed.js" defer></script>
//
// For every <iframe data-crb-embed> it
// - sizes the frame: full width, a height that suits the window (data-crb-height="600" fixes it);
// - turns the app's postMessage events into DOM events on the <iframe> (they bubble), named after
//   the message type: "crb:ready", "crb:unit-opened", "crb:exercise-completed", "crb:quiz-scored",
//   with the message as event.detail; only messages from that frame and its origin count;
// - offers window.crbEmbed.send(iframe, message) to steer the app, e.g.
//   crbEmbed.send(frame, {type: "crb:set-language", lang: "pl"}) or
//   crbEmbed.send(frame, {type: "crb:open", hash: "#/pl/unit/2/nps"}). The app obeys only pages
//   whose origin its crb-config.js lists in allowedOrigins.
// No inline styles or scripts: works under a strict Content-Security-Policy.
(function () {
  "use strict";
  if (window.crbEmbed) return;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-crb-embed]"));
  }
  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return ""; }
  }
  function size(frame) {
    var fixed = parseInt(frame.getAttribute("data-crb-height") || "", 10);
    // The app scrolls inside itself: give it most of the window, never less than a phone screen.
    var h = fixed > 0 ? fixed : Math.round(Math.max(480, Math.min(window.innerHeight * 0.85, 900)));
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = h + "px";
  }
  function sizeAll() { frames().forEach(size); }

  window.addEventListener("message", function (e) {
    var data = e.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string" || data.type.indexOf("crb:") !== 0) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== e.source || originOf(frame) !== e.origin) return;
      frame.dispatchEvent(new CustomEvent(data.type, { detail: data, bubbles: true }));
    });
  });
  window.addEventListener("resize", sizeAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sizeAll);
  else sizeAll();

  window.crbEmbed = {
    send: function (frame, message) {
      if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, originOf(frame));
    },
    resize: sizeAll
  };
})();
