// Progressive enhancement for the reply form: without JavaScript, "Reply" links reload the page
// with ?replyto=; with it, the form moves under the comment being answered.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector("form");
  if (!form) return;
  var parentField = form.querySelector("input[name='parentId']");
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
