/* storyhub: Material's search worker, made to forgive how people type (issue 21).
 *
 * Material appends "*" to every typed word, and lunr runs no pipeline on such a term: the
 * word is matched as typed against the index's stemmed, accented tokens, so `citta` missed
 * `città`, `chiedere` missed «chiedo» (stem `chied`), and a stop word in a title was not
 * there to find. Here, before Material's worker (loaded below, unchanged) sees anything:
 *  - every token is folded to its letters without accents before the index's pipeline
 *    (città -> citta -> citt), at index and at query time alike;
 *  - every typed word goes through the same pipeline as the index's words (trimmer,
 *    stemmers; a stop word is kept as typed), so Material's "*" is added to the stem.
 * The stop-word filter is left out with the search plugin's `pipeline: [stemmer, trimmer]`.
 */
(function () {
  "use strict";
  var QUERY = 2;  // Material's SearchMessageType.QUERY
  var pipeline = null;
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  };
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== QUERY || typeof message.data !== "string" || !pipeline) {
      return;
    }
    message.data = message.data.split(/(\s+)/).map(function (word) {
      if (!word.trim() || /^[+-]|[:*~^"]/.test(word)) {
        return fold(word);
      }
      var separator = self.lunr.tokenizer.separator;
      return fold(word).split(separator).filter(Boolean).map(function (piece) {
        var stems = pipeline.runString(piece.toLowerCase());
        return stems.length ? stems.join(" ") : piece;
      }).join(" ");
    }).join("");
  });
  importScripts("__MATERIAL_WORKER__");
  var lunr = self.lunr;
  var run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    tokens.forEach(function (token) {
      token.update(function (text) { return fold(text); });
    });
    return run.call(this, tokens);
  };
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    pipeline = this.pipeline;  // the index's own: the typed words get the same treatment
    return build.call(this);
  };
})();
