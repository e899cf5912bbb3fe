/// The import preview's progress line: while the form is submitted (check or import), the page
/// asks the server every 700 ms how far it has read and says so. Without JavaScript the form
/// submits as usual and the page waits.
enum ImportProgressScript {
    static let js = #"""
        (function () {
          var form = document.querySelector("form[data-progress]");
          if (!form) return;
          var line = document.getElementById("import-progress");
          form.addEventListener("submit", function () {
            var url = form.getAttribute("data-progress");
            line.hidden = false;
            var bar = line.querySelector("progress");
            var text = line.querySelector("span");
            function poll() {
              var request = new XMLHttpRequest();
              request.open("GET", url);
              request.setRequestHeader("Accept", "application/json");
              request.onload = function () {
                if (request.status !== 200) return;
                var p = JSON.parse(request.responseText);
                bar.value = p.percent;
                text.textContent = p.text;
              };
              request.send();
            }
            window.setInterval(poll, 700);
          });
        })();
        """#
}
