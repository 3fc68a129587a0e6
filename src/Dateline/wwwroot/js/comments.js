// Progressive enhancement for the reply form: without JavaScript, "Reply" links reload the page
// with ?replyto=; with it, the form moves under the comment being answered.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector("form");
  if (!form) return;
  var parentField = form.querySelector("input[name='parentId']");

  // A page from the cache carries the stamp of when it was cached. Ask for one that says when this
  // reader began writing, so that the minimum-time rule measures the reader, not the cache.
  var stampField = form.querySelector("input[name='stamp']");
  var stampAsked = false;
  form.addEventListener("focusin", function () {
    if (stampAsked || !stampField || !window.fetch) return;
    stampAsked = true;
    fetch("/comments/stamp", { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (value) { if (value) stampField.value = value; })
      .catch(function () { /* the stamp in the page still works */ });
  });
  var home = document.createElement("div");
  respond.parentNode.insertBefore(home, respond);

  var cancel = document.createElement("a");
  cancel.href = "#respond";
  cancel.className = "cancel-reply";
  cancel.textContent = "Cancel reply";
  cancel.hidden = true;
  respond.querySelector("h2").appendChild(cancel);

  function moveHome() {
    home.parentNode.insertBefore(respond, home.nextSibling);
    parentField.value = "";
    cancel.hidden = true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.comment-reply") : null;
    if (link) {
      event.preventDefault();
      var comment = document.getElementById("comment-" + link.getAttribute("data-comment-id"));
      link.parentNode.insertBefore(respond, link.nextSibling);
      parentField.value = link.getAttribute("data-comment-id");
      cancel.hidden = false;
      form.querySelector("textarea").focus();
      if (comment) respond.setAttribute("data-replying-to", comment.id);
    } else if (event.target === cancel) {
      event.preventDefault();
      moveHome();
    }
  });
})();
