/* storyhub: small enhancements; every page works without them. With Material's
   `navigation.instant`, filter chips and links load the next page without a full reload,
   and these run again on each page (Material's document$). */
/* Material fetches a sitemap.xml beside every <link rel="alternate"> of a page (its feeds,
   a story's translations) to map pages between language versions of a site; only the
   site's own, at its root, exists: the others answered 404 in every reader's console.
   They are asked of the root's instead (one cached request). Runs before Material does
   (on DOMContentLoaded). */
(function () {
  var config = document.getElementById("__config");
  if (!config || !window.XMLHttpRequest) return;
  var base = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href);
  var root = new URL("sitemap.xml", base).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url)) && String(url) !== root) args[1] = root;
    return open.apply(this, args);
  };
})();
(function () {
  function enhance() {
    // Material's search dialog has no accessible name: give it the search field's own
    // (already in the site's language).
    var dialog = document.querySelector(".md-search[role=dialog]");
    var field = document.querySelector(".md-search__input");
    if (dialog && field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
    }
    searchExtras();
    // The phone's share sheet (Web Share API), shown only where the browser has it.
    var native = document.querySelector(".sh-share__native");
    if (native && navigator.share && native.hidden) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: native.getAttribute("data-title"),
                          text: native.getAttribute("data-text"),
                          url: location.href.split("#")[0] }).catch(function () {});
      });
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
    // Stories in several languages (value, person and team pages): the reader's language
    // (the browser's first that the list has) first, and buttons that show one language.
    // YouTube and Vimeo: nothing is loaded from the service until the reader presses play;
    // then its privacy-enhanced player (youtube-nocookie.com, Vimeo with dnt=1) replaces
    // the poster. Without this script the link opens the video's page on the service.
    var embeds = document.querySelectorAll(".sh-embed[data-sh-embed]:not([data-sh-ready])");
    for (var e = 0; e < embeds.length; e++) {
      embeds[e].setAttribute("data-sh-ready", "");
      embeds[e].querySelector(".sh-embed__play").addEventListener("click", playEmbed);
    }
    var groups = document.querySelectorAll(".sh-langfilter[hidden]");
    for (var g = 0; g < groups.length; g++) {
      languageFilter(groups[g]);
    }
  }
  function playEmbed(event) {
    var box = event.currentTarget.closest(".sh-embed");
    var src = box && box.getAttribute("data-sh-embed");
    if (!src || !/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(src)) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = box.getAttribute("data-sh-embed-title");
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.textContent = "";
    box.appendChild(frame);
    frame.focus();
  }
  // Search results: a story's thumbnail and date beside its title (search/storyhub.json).
  var extras = null;
  function searchExtras() {
    var list = document.querySelector(".md-search-result__list");
    var config = document.getElementById("__config");
    if (!list || !config || list.getAttribute("data-sh-extras")) return;
    list.setAttribute("data-sh-extras", "on");
    var base = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href);
    new MutationObserver(function () { decorate(list, base); })
      .observe(list, { childList: true });
  }
  function decorate(list, base) {
    if (extras === null) {
      extras = {};
      fetch(new URL("search/storyhub.json", base)).then(function (r) {
        return r.ok ? r.json() : {};
      }).then(function (data) { extras = data; decorate(list, base); }, function () {});
      return;
    }
    var links = list.querySelectorAll(".md-search-result__item > .md-search-result__link");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var article = link.querySelector("article");
      var path = new URL(link.href, location.href).pathname;
      var key = decodeURI(path.slice(base.pathname.length));
      var info = extras[key];
      if (!info || !article || article.querySelector(".sh-search-when")) continue;
      if (info.thumb) {
        var img = document.createElement("img");
        img.className = "sh-search-thumb";
        img.src = new URL(info.thumb, base).href;
        img.alt = "";
        img.width = 64;
        img.height = 34;
        img.loading = "lazy";
        article.insertBefore(img, article.firstChild);
      }
      var when = document.createElement("time");
      when.className = "sh-search-when";
      when.dateTime = info.date;
      when.textContent = info.when;
      var title = article.querySelector("h1");
      article.insertBefore(when, title ? title.nextSibling : null);
    }
  }
  // The skip link moves the focus into the content (Material's instant navigation would
  // only scroll); Material's own skip link, on some pages, is hidden by storyhub.css.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.sh-skip");
    var target = link && document.getElementById("sh-content");
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    target.focus();
    target.scrollIntoView();
  }, true);
  function languageFilter(group) {
    var grid = group.nextElementSibling;
    if (!grid) return;
    var cards = grid.querySelectorAll("[data-sh-lang]");
    var buttons = group.querySelectorAll("button");
    var present = [];
    for (var b = 0; b < buttons.length; b++) present.push(buttons[b].getAttribute("data-sh-lang"));
    var wanted = navigator.languages || [navigator.language || ""];
    for (var w = 0; w < wanted.length; w++) {
      var code = String(wanted[w]).split("-")[0].toLowerCase();
      if (code && present.indexOf(code) > 0) {
        // the reader's language first: a stable move of its cards to the front
        var mine = [], others = [];
        for (var c = 0; c < cards.length; c++) {
          (cards[c].getAttribute("data-sh-lang") === code ? mine : others).push(cards[c]);
        }
        mine.concat(others).forEach(function (card, index) {
          grid.appendChild(card);
          if (index < 3) {  // now in the first row: its image is wanted at once
            var image = card.querySelector("img[loading=lazy]");
            if (image) image.loading = "eager";
          }
        });
        break;
      }
    }
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-sh-lang]");
      if (!button) return;
      var lang = button.getAttribute("data-sh-lang");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", String(buttons[i] === button));
      }
      for (var j = 0; j < cards.length; j++) {
        cards[j].hidden = lang !== "" && cards[j].getAttribute("data-sh-lang") !== lang;
      }
    });
  }
  // Material's instant navigation swaps a page's content but keeps <html lang>, the tabs
  // and the search box of the page it came from: a link to a page in another language
  // (inside text marked with another lang, a language link, or any link of a page not in
  // the site's language) is loaded in full instead.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target || link.origin !== location.origin) return;
    var here = document.documentElement.lang.split("-")[0];
    var context = link.closest("[lang]");
    var there = context ? context.getAttribute("lang").split("-")[0] : here;
    if (there !== here || link.hasAttribute("hreflang") ||
        document.querySelector('meta[name="storyhub:language"]')) {
      link.target = "_self";
    }
  }, true);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else {
    enhance();
  }
})();
