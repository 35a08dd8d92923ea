#!/usr/bin/env python3
"""Refresh the Decap CMS bundle shipped inside the package, from npm.

    python scripts/vendor_decap.py 3.16.3

Downloads the published tarballs with `npm pack` (npm's own integrity check applies),
copies the prebuilt browser bundle (`dist/decap-cms.js`, its lazily loaded chunks and
WebAssembly files) into plugins/storyhub/editor/vendor/decap-cms/, with the project's
licence (from the `decap-server` package of the same monorepo: the `decap-cms` tarball
has none) and the licence notices of the libraries bundled in it (`decap-cms-app`),
and records the version, the tarball integrity and a SHA-256 per file in manifest.json.
Source maps are left out. Needs Node's npm and the npm registry; the build never does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "plugins/storyhub/editor/vendor/decap-cms"


def npm_pack(spec: str, into: Path) -> tuple[Path, dict[str, str]]:
    out = subprocess.run(
        ["npm", "pack", "--json", "--silent", spec], cwd=into, check=True,
        capture_output=True, text=True,
    ).stdout
    info = json.loads(out)[0]
    return into / info["filename"], {"integrity": info["integrity"], "shasum": info["shasum"]}


def member(tar: tarfile.TarFile, name: str) -> bytes:
    handle = tar.extractfile(f"package/{name}")
    if handle is None:
        raise SystemExit(f"{name} is not in the tarball")
    return handle.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="decap-cms version to vendor, e.g. 3.16.3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bundle, bundle_dist = npm_pack(f"decap-cms@{args.version}", work)
        app, _ = npm_pack(f"decap-cms-app@{args.version}", work)
        server_version = subprocess.run(
            ["npm", "view", "decap-server", "version"], check=True, capture_output=True,
            text=True).stdout.strip()
        server, _ = npm_pack(f"decap-server@{server_version}", work)
        files: dict[str, bytes] = {}
        with tarfile.open(bundle) as tar:
            for info in tar.getmembers():
                name = info.name.removeprefix("package/dist/")
                if info.isfile() and name != info.name and "/" not in name and (
                        name.endswith("decap-cms.js") or name.endswith(".wasm")):
                    files[name] = member(tar, f"dist/{name}")
        if "decap-cms.js" not in files:
            raise SystemExit("dist/decap-cms.js is not in the decap-cms tarball")
        with tarfile.open(server) as tar:
            files["LICENSE"] = member(tar, "LICENSE")
        with tarfile.open(app) as tar:
            files["THIRD-PARTY-NOTICES.txt"] = member(tar, "dist/decap-cms-app.js.LICENSE.txt")
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    for name, data in sorted(files.items()):
        (VENDOR / name).write_bytes(data)
    manifest = {
        "package": "decap-cms",
        "version": args.version,
        "tarball": f"https://registry.npmjs.org/decap-cms/-/decap-cms-{args.version}.tgz",
        **bundle_dist,
        "license": "MIT (LICENSE, from decap-server "
                   f"{server_version}); bundled libraries: THIRD-PARTY-NOTICES.txt "
                   f"(from decap-cms-app {args.version})",
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                          encoding="utf-8")
    size = sum(len(d) for d in files.values())
    print(f"Vendored decap-cms {args.version}: {len(files)} files, {size / 1e6:.1f} MB "
          f"into {VENDOR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
