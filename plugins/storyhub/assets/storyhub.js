/* storyhub: small enhancements; every page works without them. With Material's
   `navigation.instant`, filter chips and links load the next page without a full reload,
   and these run again on each page (Material's document$). */
(function () {
  function enhance() {
    // Material's search dialog has no accessible name: give it the search field's own
    // (already in the site's language).
    var dialog = document.querySelector(".md-search[role=dialog]");
    var field = document.querySelector(".md-search__input");
    if (dialog && field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
    }
    // "Copy link" on story pages: shown only where the clipboard can be written.
    var button = document.querySelector(".sh-share__copy");
    if (button && navigator.clipboard && button.hidden) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(location.href.split("#")[0]).then(function () {
          button.textContent = button.getAttribute("data-copied");
        });
      });
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
