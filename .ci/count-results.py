#!/usr/bin/env python3
"""Reads test results from TRX files, parsed as XML (not grepped).

  count-results.py FILE...             prints "N passed, N failed" over the files
  count-results.py --numbers FILE...   prints "N N" (passed, failed), for scripts
  count-results.py --skipped FILE...   prints each skipped test as "name<TAB>reason"

Failed counts the runner's failed, error, timeout and aborted outcomes; a skipped test is neither passed nor failed.
Exits 1 when a file cannot be read as a TRX file, when no file is given, or (when counting) when nothing passed."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
FAILING = ("failed", "error", "timeout", "aborted")


def read(paths):
    """Yields (path, root) per file; a file that is not a TRX file raises ValueError naming it."""
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as error:
            raise ValueError(f"{path}: {error}") from error
        if root.find("t:ResultSummary/t:Counters", NS) is None:
            raise ValueError(f"{path}: no ResultSummary/Counters element")
        yield path, root


def counts(paths):
    passed = failed = 0
    for _, root in read(paths):
        counters = root.find("t:ResultSummary/t:Counters", NS)
        passed += int(counters.get("passed", "0"))
        failed += sum(int(counters.get(name, "0")) for name in FAILING)
    return passed, failed


def skipped(paths):
    for _, root in read(paths):
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            if result.get("outcome") == "NotExecuted":
                # VSTest's TRX logger puts the reason in ErrorInfo/Message, xunit v3's TRX report in StdOut.
                reason = (result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
                          or result.findtext("t:Output/t:StdOut", default="", namespaces=NS)).strip()
                yield result.get("testName"), reason


def main(arguments):
    mode = arguments[0] if arguments and arguments[0] in ("--numbers", "--skipped") else None
    paths = arguments[1:] if mode else arguments
    if not paths:
        print("ci: count-results.py: no TRX file given", file=sys.stderr)
        return 1
    try:
        if mode == "--skipped":
            for name, reason in skipped(paths):
                print(f"{name}\t{reason}")
            return 0
        passed, failed = counts(paths)
    except ValueError as error:
        print(f"ci: {error}", file=sys.stderr)
        return 1
    print(f"{passed} {failed}" if mode == "--numbers" else f"{passed} passed, {failed} failed")
    return 0 if passed > 0 or mode == "--numbers" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
