#!/usr/bin/env python3
"""Compares mhub's reading of shotgun profiler reports with the tools users run today.

    shotgun_peer.py kraken-biom REPORT MHUB_BIOM
        Runs kraken-biom on REPORT and compares its counts per tax id with those of the BIOM
        table mhub wrote for the same report, gathered at kraken-biom's ranks (--max O, --min S:
        clade reads at species, direct reads at order, family and genus).
    shotgun_peer.py taxpasta PROFILER REPORT MHUB_JSON MODE
        Runs `taxpasta standardise -p PROFILER` on REPORT and compares its counts per tax id with
        mhub's profile JSON of the same report. MODE says how mhub's table maps onto taxpasta's:
        `direct` (a leaf table: residual and leaf rows are reads assigned to that tax id),
        `scaled` (a cumulative percent table: taxpasta writes percent x 10^6 as integers).
        Rows without a tax id count under 0, as taxpasta counts them.

Prints one JSON object (what only one side has, what differs) and exits 1 when they disagree.
The tax id 0 stands for unclassified reads on both sides; zero counts are left out on both
sides, since mhub does not store zeros.
"""
import json, os, subprocess, sys, tempfile
from collections import defaultdict

KRAKEN_BIOM_RANKS = ["D", "P", "C", "O", "F", "G", "S"]


def tool(name, env):
    configured = os.environ.get(env)
    if configured:
        return configured
    return os.path.join(os.path.dirname(sys.executable), name)


def compare(expected, actual, tolerance=lambda key: 0):
    keys = set(expected) | set(actual)
    report = {"only_peer": {}, "only_mhub": {}, "different": {}}
    for key in sorted(keys):
        if key not in actual:
            report["only_peer"][key] = expected[key]
        elif key not in expected:
            report["only_mhub"][key] = actual[key]
        elif abs(expected[key] - actual[key]) > tolerance(key):
            report["different"][key] = [expected[key], actual[key]]
    print(json.dumps(report, sort_keys=True))
    return 0 if not any(report.values()) else 1


def kraken_biom(report, mhub_biom):
    import biom
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "kb.biom")
        subprocess.run([tool("kraken-biom", "MHUB_KRAKEN_BIOM"), report, "--fmt", "json", "-o", out],
                       check=True, capture_output=True)
        peer = biom.load_table(out)
    expected = {}
    for taxid in peer.ids(axis="observation"):
        value = int(peer.get_value_by_ids(taxid, peer.ids()[0]))
        if value:
            expected[taxid] = value
    mine = biom.load_table(mhub_biom)
    window = KRAKEN_BIOM_RANKS[KRAKEN_BIOM_RANKS.index("O"):KRAKEN_BIOM_RANKS.index("S")]
    actual = defaultdict(int)
    for row in mine.ids(axis="observation"):
        value = mine.get_value_by_ids(row, mine.ids()[0])
        metadata = mine.metadata(row, axis="observation") or {}
        path = (metadata.get("taxid-path") or "").split("|")
        taxonomy = metadata.get("taxonomy") or []
        species = [i for i, level in enumerate(taxonomy) if str(level).startswith("s__")]
        if species and len(path) == len(taxonomy):
            actual[path[species[0]]] += int(value)          # clade reads of the species
        elif metadata.get("rank-code") in window:
            actual[path[-1]] += int(value)                  # direct reads of O, F, G
    return compare(expected, {k: v for k, v in actual.items() if v})


def taxpasta(profiler, report, mhub_json, mode):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "taxpasta.tsv")
        run = subprocess.run([tool("taxpasta", "MHUB_TAXPASTA"), "standardise", "-p", profiler, "-o", out, report],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(json.dumps({"taxpasta-failed": run.stderr[-2000:]}))
            return 2
        expected = {}
        with open(out) as handle:
            next(handle)
            for line in handle:
                taxid, count = line.rstrip("\n").split("\t")
                if float(count):
                    expected[taxid] = expected.get(taxid, 0) + float(count)
    table = json.load(open(mhub_json))
    taxa = table["taxa"]
    values = next(iter(table["values"].values()), [])
    scale = 1_000_000 if mode == "scaled" else 1
    actual = defaultdict(float)
    rows = defaultdict(int)
    for index, value in values:
        taxon = taxa[index]
        # taxpasta puts unclassified reads, and every row without a tax id (mOTUs with NA,
        # MetaPhlAn's SGB-only clades), under tax id 0; mhub keeps the latter as named taxa.
        taxon_id = (taxon.get("taxon_id") or "").split(":")[-1] or "0"
        actual[taxon_id] += value * scale
        rows[taxon_id] += 1
    # Scaled values are rounded to integers by taxpasta: one unit of rounding per row summed.
    tolerance = (lambda key: rows[key]) if mode == "scaled" else (lambda key: 0)
    return compare(expected, {k: v for k, v in actual.items() if v}, tolerance)


def main(argv):
    if argv[:1] == ["kraken-biom"] and len(argv) == 3:
        return kraken_biom(argv[1], argv[2])
    if argv[:1] == ["taxpasta"] and len(argv) == 5:
        return taxpasta(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
