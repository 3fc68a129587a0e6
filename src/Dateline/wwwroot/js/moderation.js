// Progressive enhancement for the newsroom's comment queue; every action works without it.
// It adds a "select all" box for the bulk form and asks before deleting anything for good.
(function () {
  "use strict";
  var bulk = document.getElementById("bulk");
  if (bulk) {
    var boxes = document.querySelectorAll("input[type='checkbox'][form='bulk']");
    var label = document.createElement("label");
    label.className = "select-all";
    var all = document.createElement("input");
    all.type = "checkbox";
    label.appendChild(all);
    label.appendChild(document.createTextNode(" Select all on this page"));
    bulk.insertBefore(label, bulk.firstChild);
    all.addEventListener("change", function () {
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
    });

    bulk.addEventListener("submit", function (event) {
      var decision = bulk.querySelector("select[name='decision']");
      if (decision && decision.value === "delete" && !window.confirm("Delete the selected comments for good?")) {
        event.preventDefault();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-confirm]") : null;
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
