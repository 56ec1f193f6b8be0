// Runs before npm install / start / dev / test, on any Node (no modern syntax on purpose): the
// project needs Node 22.18+ (it runs its .ts scripts with Node's type stripping), and an older Node
// would otherwise end in ERR_UNKNOWN_FILE_EXTENSION stack traces. One line, then exit 1.
"use strict";
var REQUIRED = [22, 18];
var parts = process.versions.node.split(".").map(Number);
var ok = parts[0] > REQUIRED[0] || (parts[0] === REQUIRED[0] && parts[1] >= REQUIRED[1]);
if (!ok) {
  console.error(
    "Interview Studio needs Node.js " +
      REQUIRED.join(".") +
      " or newer (24 LTS recommended); this is Node " +
      process.versions.node +
      ". Install it from https://nodejs.org or run `nvm install` (the repository has an .nvmrc), then run npm again.",
  );
  process.exit(1);
}
