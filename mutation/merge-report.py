#!/usr/bin/env python3
"""Replaces, in a part's report, the files a re-run of some of that part's files measured.

    mutation/merge-report.py <part report> <re-run report>   # rewrites the part report in place

run-part.sh calls it when Stryker was given -m: the re-run's report holds placeholders for every file outside its
globs, so copying it over the part's report would drop the part's other files. Each measured file (a mutant not Ignored)
of the re-run replaces that file's entry; the others are kept as they were, with their
sources, so score.py still checks each against the working tree.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import measures_its_file  # noqa: E402  (the one definition of a measured entry, shared with the score)


def main(part_path, rerun_path):
    with open(part_path, encoding="utf-8") as f:
        part = json.load(f)
    with open(rerun_path, encoding="utf-8") as f:
        rerun = json.load(f)
    # The two runs may come from different checkouts: match files by their path below the project root.
    def key(name, root):
        return name[len(root):].lstrip("/") if name.startswith(root) else name
    by_key = {key(name, part["projectRoot"]): name for name in part["files"]}
    replaced = 0
    for name, entry in rerun["files"].items():
        if not measures_its_file(entry):
            continue
        k = key(name, rerun["projectRoot"])
        part["files"][by_key.get(k, name)] = entry
        replaced += 1
    part.setdefault("testFiles", {}).update(rerun.get("testFiles", {}))
    with open(part_path, "w", encoding="utf-8") as f:
        json.dump(part, f, ensure_ascii=False)
    print(f"{part_path}: {replaced} files replaced from {rerun_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
