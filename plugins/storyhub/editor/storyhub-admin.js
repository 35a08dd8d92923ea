/* storyhub's additions to Decap CMS, loaded after decap-cms.js on /admin/.
 *
 * Before saving, drop the fields left empty: an optional text cleared in the form
 * reaches Decap as "" and an untouched group as {}, which storyhub check would
 * reject ("must not be empty", "not a valid handle"). Booleans (false) are kept:
 * consent is always written out, field by field. */
(function () {
  "use strict";
  function isCollection(value) {
    return value !== null && typeof value === "object" &&
      typeof value.toJS === "function" && typeof value.filter === "function";
  }
  function isEmpty(value) {
    if (value === null || value === undefined || value === "") return true;
    return isCollection(value) && value.size === 0;
  }
  function clean(value) {
    if (!isCollection(value)) return value;
    return value.map(clean).filter(function (item) { return !isEmpty(item); });
  }
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var data = args.entry.get("data");
      var body = data.get("body");
      var cleaned = clean(data);
      return body === undefined ? cleaned : cleaned.set("body", body);
    },
  });
})();
