/// The board's only script: copy buttons. Without it the page reads the same and the text can
/// be selected by hand; with it each button copies its text and says so (also to screen
/// readers, through the page's live region).
enum BoardScript {
    static let javascript = """
    (function () {
      var live = document.getElementById('announce');
      function fallback(text) {
        var area = document.createElement('textarea');
        area.value = text; area.setAttribute('readonly', ''); area.className = 'offscreen';
        document.body.appendChild(area); area.select();
        var done = false; try { done = document.execCommand('copy'); } catch (e) { done = false; }
        document.body.removeChild(area); return done;
      }
      function said(button, ok) {
        var label = button.querySelector('.label');
        label.textContent = ok ? 'Copied' : 'Select and copy';
        live.textContent = ok ? 'Copied to the clipboard' : 'Could not copy; select the text and copy it';
        setTimeout(function () { label.textContent = 'Copy'; }, 2500);
      }
      document.querySelectorAll('button.copy').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
          var text = document.getElementById(button.getAttribute('data-copy')).textContent;
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () { said(button, true); }, function () { said(button, fallback(text)); });
          } else { said(button, fallback(text)); }
        });
      });
    })();
    """
}
