#!/usr/bin/env python3
"""The mutation score of src/DenseLinear, from the committed Stryker reports, and nothing else.

Reads every mutation/reports/*.json (Stryker's full JSON report, the mutation-testing-elements schema, one per part of
mutation/parts) and:

- fails when a report's copy of a file differs from the file in the working tree (a stale report), or when a .cs file of
  src/DenseLinear is in no report (an unmeasured file);
- counts each file from the part whose mutate globs took it (the report where its mutants are not all Ignored);
- scores as Stryker does: (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and
  ignored mutants do not count;
- keys every undetected mutant by file, mutator and original -> replacement text, matches it against the verdicts in
  mutation/survivors.md, and lists those without one.

    mutation/score.py                 # the score per file and overall; exit 1 on a stale or missing report
    mutation/score.py --markdown      # the same as the Markdown table the README quotes
    mutation/score.py --survivors     # every undetected mutant with its key and verdict
    mutation/score.py --summary       # the figures the README states, as one JSON object (exit 0; problems listed in it)
"""

import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARY = os.path.join("src", "DenseLinear")
DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}
IGNORED_FILE = "File ignored by mutate filter"


def measures_its_file(entry):
    """Whether a report entry measures its file: one outside the run's globs carries a placeholder instead of its
    source, or has every mutant Ignored. A file of the globs without any mutant (an enum, an interface) counts."""
    mutants = entry.get("mutants", [])
    return entry["source"] != IGNORED_FILE and not (mutants and all(m["status"] == "Ignored" for m in mutants))


def library_files():
    base = os.path.join(ROOT, LIBRARY)
    found = []
    for folder, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj")]
        found += [os.path.relpath(os.path.join(folder, f), base).replace(os.sep, "/") for f in files if f.endswith(".cs")]
    return sorted(found)


def relative(path):
    """A report's file name (absolute, or relative to the project) as a path under src/DenseLinear."""
    path = path.replace("\\", "/")
    marker = "/" + LIBRARY.replace(os.sep, "/") + "/"
    if marker in "/" + path:
        return ("/" + path).split(marker, 1)[1]
    return path


def text_at(source, location):
    lines = source.split("\n")
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    parts = [lines[start["line"] - 1][start["column"] - 1:]]
    parts += lines[start["line"]:end["line"] - 1]
    parts.append(lines[end["line"] - 1][:end["column"] - 1])
    return "\n".join(parts)


def one_line(text):
    return " ".join(text.split())


def verdict_rows():
    """((file, mutator, original, replacement), verdict) for each table row of mutation/survivors.md."""
    path = os.path.join(ROOT, "mutation", "survivors.md")
    if not os.path.exists(path):
        return []
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if len(cells) != 5 or cells[0] in ("file", "---") or not cells[0].endswith(".cs"):
                continue
            original, replacement = (c.strip().strip("`").replace("\\|", "|") for c in (cells[2], cells[3]))
            rows.append(((cells[0], cells[1], one_line(original), one_line(replacement)), cells[4]))
    return rows


def verdicts():
    """(file, mutator, original, replacement) -> verdict, from the table rows of mutation/survivors.md."""
    return dict(verdict_rows())


def main(argv):
    reports = sorted(glob.glob(os.path.join(ROOT, "mutation", "reports", "*.json")))
    if not reports:
        print("no reports in mutation/reports: run mutation/run-part.sh for each part", file=sys.stderr)
        return 1
    problems, stale, unmeasured = [], [], []
    measured = {}  # file -> (part, mutants, source)
    for report_path in reports:
        part = os.path.splitext(os.path.basename(report_path))[0]
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        for name, entry in report["files"].items():
            file = relative(name)
            if not measures_its_file(entry):
                continue
            mutants = entry.get("mutants", [])
            current = os.path.join(ROOT, LIBRARY, file)
            if not os.path.exists(current):
                problems.append(f"stale: {part} has {file}, which is no longer in {LIBRARY}")
                continue
            with open(current, encoding="utf-8-sig") as f:
                source = f.read()
            if source.replace("\r\n", "\n") != entry["source"].lstrip("\ufeff").replace("\r\n", "\n"):
                problems.append(f"stale: {part}'s copy of {file} differs from the file now")
                stale.append(file)
            if file in measured and mutants and measured[file][1]:
                problems.append(f"{file} is measured by both {measured[file][0]} and {part}")
            if file not in measured or mutants:
                measured[file] = (part, mutants, entry["source"])
    for file in library_files():
        if file not in measured:
            problems.append(f"unmeasured: {file} is in no report's mutated files")
            unmeasured.append(file)

    known = verdicts()
    rows, survivors = [], []
    totals = {"Killed": 0, "Timeout": 0, "Survived": 0, "NoCoverage": 0, "CompileError": 0}
    for file in sorted(measured):
        part, mutants, source = measured[file]
        counts = {s: sum(1 for m in mutants if m["status"] == s) for s in totals}
        for s in totals:
            totals[s] += counts[s]
        rows.append((file, part, counts))
        for m in mutants:
            if m["status"] in UNDETECTED:
                key = (file, m["mutatorName"], one_line(text_at(source, m["location"])), one_line(m.get("replacement", "")))
                survivors.append((key, m["status"], m["location"]["start"]["line"], known.get(key)))

    def score(c):
        detected = c["Killed"] + c["Timeout"]
        valid = detected + c["Survived"] + c["NoCoverage"]
        return 100.0 * detected / valid if valid else None

    if "--summary" in argv:
        parts = {}
        for file, part, c in rows:
            parts.setdefault(part, {s: 0 for s in totals})
            for s in totals:
                parts[part][s] += c[s]
        scored = sorted((score(c), file) for file, part, c in rows if score(c) is not None)
        categories = {}
        for _, verdict in verdict_rows():
            category = verdict.split(":", 1)[0].strip()
            categories[category] = categories.get(category, 0) + 1
        print(json.dumps({
            "score": round(score(totals), 2),
            "killed": totals["Killed"], "timeout": totals["Timeout"], "survived": totals["Survived"],
            "no_coverage": totals["NoCoverage"], "valid": sum(totals[s] for s in DETECTED | UNDETECTED),
            "files_measured": len(measured), "files_total": len(library_files()),
            "parts": {part: round(score(c), 2) for part, c in sorted(parts.items(), key=lambda p: -score(p[1]))},
            "weakest": [{"file": file, "score": round(s, 2)} for s, file in scored[:3]],
            "stale": sorted(stale), "unmeasured": sorted(unmeasured),
            "verdicts": categories,
            "undetected": len(survivors), "without_verdict": sum(1 for s in survivors if s[3] is None),
        }, indent=1))
        return 0
    if "--markdown" in argv:
        print("| file | part | killed | timeout | survived | no coverage | score |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for file, part, c in rows:
            s = score(c)
            print(f"| `{file}` | {part} | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} | "
                  + (f"{s:.2f} %" if s is not None else "–") + " |")
        everything = len(library_files())
        label = f"all of `{LIBRARY}`" if len(measured) == everything else f"the {len(measured)} measured files of {everything}"
        print(f"| **{label}** | | {totals['Killed']} | {totals['Timeout']} | {totals['Survived']} | "
              f"{totals['NoCoverage']} | **{score(totals):.2f} %** |")
    elif "--survivors" in argv:
        for (file, mutator, original, replacement), status, line, verdict in survivors:
            print(f"{file}:{line} | {mutator} | `{original}` -> `{replacement}` | {status} | {verdict or 'NO VERDICT'}")
    else:
        for file, part, c in rows:
            s = score(c)
            print(f"{file:45} {part:8} {c['Killed']:5} killed {c['Timeout']:4} timeout {c['Survived']:4} survived "
                  f"{c['NoCoverage']:4} no coverage  " + (f"{s:6.2f} %" if s is not None else "     –"))
    print(f"mutation score: {score(totals):.2f} % of {sum(totals[s] for s in DETECTED | UNDETECTED)} valid mutants "
          f"({totals['Killed']} killed, {totals['Timeout']} timeout, {totals['Survived']} survived, "
          f"{totals['NoCoverage']} no coverage; {totals['CompileError']} compile errors not counted), "
          f"{len(reports)} reports, {len(measured)} of {len(library_files())} files measured", file=sys.stderr)
    unjudged = sum(1 for s in survivors if s[3] is None)
    print(f"undetected mutants without a verdict in mutation/survivors.md: {unjudged} of {len(survivors)}", file=sys.stderr)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
