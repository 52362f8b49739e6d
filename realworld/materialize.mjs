// Writes the file tree a YoWASP package mounts for its programs (the `filesystem` export of its
// gen/resources-*.js: nested objects of file contents, given inline or as URLs of package files)
// into a directory, so a WASI runner can preopen it.
//
//	node materialize.mjs PACKAGE/gen/resources-NAME.js OUTDIR
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const [resources, out] = process.argv.slice(2);
if (!resources || !out) {
  console.error("usage: node materialize.mjs PACKAGE/gen/resources-NAME.js OUTDIR");
  process.exit(2);
}
const { filesystem } = await import(pathToFileURL(resolve(resources)).href);

function write(dir, tree) {
  mkdirSync(dir, { recursive: true });
  for (const [name, entry] of Object.entries(tree)) {
    const path = join(dir, name);
    if (typeof entry === "string") {
      writeFileSync(path, entry);
    } else if (entry instanceof URL) {
      copyFileSync(fileURLToPath(entry), path);
    } else if (entry instanceof Uint8Array) {
      writeFileSync(path, entry);
    } else {
      write(path, entry);
    }
  }
}
write(out, filesystem);
