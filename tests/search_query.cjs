// Query a built Material search index the way Material's search worker does: lunr with
// lunr-languages' multi-language pipeline and the site's separator, then index.search().
// Usage: node search_query.cjs <node_modules> <search_index.json> <query>...
// Prints a JSON object: query -> locations found.
const path = require("path");
const fs = require("fs");
const [modules, indexFile, ...queries] = process.argv.slice(2);
const lunr = require(path.join(modules, "lunr"));
require(path.join(modules, "lunr-languages/lunr.stemmer.support"))(lunr);
const data = JSON.parse(fs.readFileSync(indexFile, "utf8"));
for (const lang of data.config.lang) {
  if (lang !== "en") require(path.join(modules, `lunr-languages/lunr.${lang}`))(lunr);
}
if (data.config.lang.length > 1) require(path.join(modules, "lunr-languages/lunr.multi"))(lunr);
lunr.tokenizer.separator = new RegExp(data.config.separator);
const index = lunr(function () {
  if (data.config.lang.length === 1 && data.config.lang[0] !== "en") this.use(lunr[data.config.lang[0]]);
  else if (data.config.lang.length > 1) this.use(lunr.multiLanguage(...data.config.lang));
  this.ref("location");
  this.field("title", { boost: 1000 });
  this.field("text");
  for (const doc of data.docs) this.add(doc);
});
const out = {};
for (const q of queries) out[q] = index.search(q).map(r => r.ref);
console.log(JSON.stringify(out));
