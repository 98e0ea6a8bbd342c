// The check-in desk: a phone or laptop camera reads the QR code of a letter (BarcodeDetector, where the
// browser has it) and submits it; a USB or Bluetooth scanner simply types into the code box.
(function () {
  "use strict";
  // After each check-in the search box is emptied and focused, ready for the next name.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "outcome") {
      const search = document.getElementById("desk-q");
      if (search) { search.value = ""; search.focus(); }
      const code = document.getElementById("desk-code");
      if (code) { code.value = ""; }
    }
  });
  const button = document.getElementById("desk-camera");
  const video = document.getElementById("desk-video");
  const input = document.getElementById("desk-code");
  if (!button || !video || !input || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  button.hidden = false;
  let stream = null;
  let lastCode = "";
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  function stop() {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    video.hidden = true;
  }
  function scan() {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      if (codes.length && codes[0].rawValue !== lastCode) {
        lastCode = codes[0].rawValue;
        input.value = lastCode;
        input.form.requestSubmit();
        setTimeout(function () { lastCode = ""; }, 3000);
      }
      window.requestAnimationFrame(scan);
    }).catch(function () { window.requestAnimationFrame(scan); });
  }
  button.addEventListener("click", function () {
    if (stream) { stop(); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      video.play();
      scan();
    }).catch(function () { button.textContent = "Không mở được camera"; });
  });
})();
