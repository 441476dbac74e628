// The live example on embed.html: logs the app's events and sends it commands through embed.js.
(function () {
  "use strict";
  var frame = document.getElementById("demo-frame");
  var log = document.getElementById("demo-log");
  if (!frame || !log) return;

  function line(text) {
    var li = document.createElement("li");
    li.textContent = text;
    log.insertBefore(li, log.firstChild);
  }
  ["crb:ready", "crb:unit-opened", "crb:exercise-completed", "crb:quiz-scored"].forEach(function (type) {
    frame.addEventListener(type, function (e) { line("received " + JSON.stringify(e.detail)); });
  });

  var origin = document.getElementById("demo-origin");
  if (origin) origin.textContent = location.origin;
  Array.prototype.forEach.call(document.querySelectorAll("button[data-send]"), function (button) {
    button.addEventListener("click", function () {
      var message = JSON.parse(button.getAttribute("data-send"));
      window.crbEmbed.send(frame, message);
      line("sent " + JSON.stringify(message));
    });
  });
})();
