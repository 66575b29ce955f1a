#!/usr/bin/env python3
"""CPU seconds spent building the search index, from `perf report --children -g none --stdio`
of one `strata build` recorded at FREQUENCY Hz (bench/search.sh pipes it in).

    perf report -i perf.data --children --sort symbol --stdio -g none | python3 bench/search_perf.py 999

Counts what `SearchIndex.build` (entry file, word pieces, merged prefixes) and every
`SearchFragment.build` (the per-page fragments) run, with everything they call.
"""

import re
import sys

ROOTS = ("11SearchIndexO5build", "14SearchFragmentO5build")


def main():
    frequency = float(sys.argv[1])
    samples, share = None, 0.0
    for line in sys.stdin:
        found = re.match(r"# Samples: ([0-9.]+)([KM]?)", line)
        if found:
            samples = float(found.group(1)) * {"": 1, "K": 1e3, "M": 1e6}[found.group(2)]
            continue
        columns = line.split()
        if columns and columns[0].endswith("%") and any(root in line for root in ROOTS):
            share += float(columns[0].rstrip("%")) / 100
    if samples is None:
        sys.exit("search_perf: no '# Samples:' line in perf's report")
    print(f"{share * samples / frequency:.2f}")


if __name__ == "__main__":
    main()
