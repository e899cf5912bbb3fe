/// The forecast form shows only the fields of the program chosen: a part marked
/// `data-kinds="points"` (or several kinds) is hidden while another kind is chosen, and comes back
/// when one of its kinds is. Without JavaScript every part shows, and the server reads only the
/// chosen kind's fields anyway.
enum ForecastFormScript {
    static let js = #"""
        (function () {
          var form = document.querySelector("form.forecast-form");
          if (!form) return;
          var kind = form.querySelector("select[name=kind]");
          if (!kind) return;
          function show() {
            form.querySelectorAll("[data-kinds]").forEach(function (part) {
              part.hidden = part.getAttribute("data-kinds").split(" ").indexOf(kind.value) < 0;
            });
          }
          kind.addEventListener("change", show);
          show();
        })();
        """#
}
