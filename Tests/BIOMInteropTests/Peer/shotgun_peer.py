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

    shotgun_peer.py kraken-biom-merge MHUB_BIOM REPORT...
        Runs kraken-biom on all REPORTs at once and compares its cohort table with the BIOM table
        `mhub merge` wrote for them, sample by sample, at kraken-biom's ranks as above.
    shotgun_peer.py taxpasta-merge PROFILER MODE MHUB_JSON REPORT...
        Runs `taxpasta merge -p PROFILER` on the REPORTs and compares its cohort table with the
        profile JSON `mhub merge` wrote for them, sample by sample (taxpasta names a sample after
        its file without the last extension; mhub's samples are matched through their source file). MODE `direct` as above; `cumulative` rebuilds each clade's
        total from mhub's leaf rows (each leaf adds its value, x 10^6, to every tax id on its
        taxid-path), which is what taxpasta writes for a MetaPhlAn profile; totals agree within
        the rounding of the percentages the profiler wrote.

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


def kraken_biom(reports, mhub_biom, by_sample):
    """kraken-biom's counts and mhub's, keyed by tax id (or by sample and tax id)."""
    import biom
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "kb.biom")
        subprocess.run([tool("kraken-biom", "MHUB_KRAKEN_BIOM"), *reports, "--fmt", "json", "-o", out],
                       check=True, capture_output=True)
        peer = biom.load_table(out)
    key = (lambda sample, taxid: (sample, taxid)) if by_sample else (lambda sample, taxid: taxid)
    expected = {}
    for sample in peer.ids():
        for taxid in peer.ids(axis="observation"):
            value = int(peer.get_value_by_ids(taxid, sample))
            if value:
                expected[key(sample, taxid)] = value
    mine = biom.load_table(mhub_biom)
    window = KRAKEN_BIOM_RANKS[KRAKEN_BIOM_RANKS.index("O"):KRAKEN_BIOM_RANKS.index("S")]
    actual = defaultdict(int)
    for sample in mine.ids():
        for row in mine.ids(axis="observation"):
            value = mine.get_value_by_ids(row, sample)
            if not value:
                continue
            metadata = mine.metadata(row, axis="observation") or {}
            path = (metadata.get("taxid-path") or "").split("|")
            taxonomy = metadata.get("taxonomy") or []
            species = [i for i, level in enumerate(taxonomy) if str(level).startswith("s__")]
            if species and len(path) == len(taxonomy):
                actual[key(sample, path[species[0]])] += int(value)   # clade reads of the species
            elif metadata.get("rank-code") in window:
                actual[key(sample, path[-1])] += int(value)           # direct reads of O, F, G
    return compare(expected, {k: v for k, v in actual.items() if v})


def taxpasta_table(command, profiler, reports):
    """taxpasta's output as {(sample, taxid): count}; None (after printing why) when it failed."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "taxpasta.tsv")
        run = subprocess.run([tool("taxpasta", "MHUB_TAXPASTA"), command, "-p", profiler, "-o", out, *reports],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(json.dumps({"taxpasta-failed": run.stderr[-2000:]}))
            return None
        table = {}
        with open(out) as handle:
            header = next(handle).rstrip("\n").split("\t")
            samples = header[1:] if command == "merge" else [None]
            for line in handle:
                taxid, *counts = line.rstrip("\n").split("\t")
                for sample, count in zip(samples, counts):
                    if float(count):
                        table[(sample, taxid)] = table.get((sample, taxid), 0) + float(count)
        return table


def mhub_table(mhub_json, mode, by_sample):
    """mhub's profile JSON as {(sample or None, taxid): value} in taxpasta's terms; and the
    number of mhub rows summed into each entry (for rounding tolerances)."""
    table = json.load(open(mhub_json))
    taxa = table["taxa"]
    # taxpasta names a sample after its file without the last extension.
    files = {sample["id"]: (sample.get("source") or {}).get("source-file") for sample in table["samples"]}
    actual = defaultdict(float)
    rows = defaultdict(int)
    for sample_id, values in table["values"].items():
        sample = os.path.splitext(files[sample_id])[0] if files.get(sample_id) else sample_id
        for index, value in values:
            taxon = taxa[index]
            if mode == "cumulative":
                path = ((taxon.get("metadata") or {}).get("taxid-path") or "").split("|")
                # A clade without a tax id (an empty place on the path) is a row taxpasta
                # counts under 0, once per such clade.
                for position, taxid in enumerate(path):
                    if taxid in path[:position] and taxid:
                        continue
                    entry = (sample if by_sample else None, taxid or "0")
                    actual[entry] += value * 1_000_000
                    # A clade's total counts its own row too (which the leaf stands in for).
                    rows[entry] += 1 if position == len(path) - 1 else 2
                continue
            # taxpasta puts unclassified reads, and every row without a tax id (mOTUs with NA,
            # MetaPhlAn's SGB-only clades), under tax id 0; mhub keeps the latter as named taxa.
            taxon_id = (taxon.get("taxon_id") or "").split(":")[-1] or "0"
            entry = (sample if by_sample else None, taxon_id)
            actual[entry] += value * (1_000_000 if mode == "scaled" else 1)
            rows[entry] += 1
        if not by_sample:
            break
    return actual, rows


def taxpasta_merge(profiler, mode, mhub_json, reports):
    expected = taxpasta_table("merge", profiler, reports)
    if expected is None:
        return 2
    actual, rows = mhub_table(mhub_json, mode, by_sample=True)
    if mode == "direct":
        tolerance = lambda key: 0
    else:
        # taxpasta rounds percent x 10^6 to an integer (1 unit). A clade's total rebuilt from n
        # leaves differs from the clade row the profiler wrote by at most the rounding of those
        # rows: MetaPhlAn writes 5 decimals, 5 units of 10^-6 % each, n leaves and the clade row.
        # A leaf itself (one row, its own value) must agree to the unit. `rows` counts a leaf
        # once for its own tax id and twice (leaf and clade row) for each clade above it.
        tolerance = lambda key: 1 if rows[key] == 1 else 5 * rows[key] + 1
    return compare({f"{k[0]}:{k[1]}": v for k, v in expected.items()},
                   {f"{k[0]}:{k[1]}": v for k, v in actual.items() if v},
                   lambda key: tolerance(tuple(key.split(":", 1))))


def taxpasta(profiler, report, mhub_json, mode):
    standardised = taxpasta_table("standardise", profiler, [report])
    if standardised is None:
        return 2
    expected = {taxid: count for (_, taxid), count in standardised.items()}
    actual, rows = mhub_table(mhub_json, mode, by_sample=False)
    # Scaled values are rounded to integers by taxpasta: one unit of rounding per row summed.
    tolerance = (lambda key: rows[(None, key)]) if mode == "scaled" else (lambda key: 0)
    return compare(expected, {taxid: v for (_, taxid), v in actual.items() if v}, tolerance)


def main(argv):
    if argv[:1] == ["kraken-biom"] and len(argv) == 3:
        return kraken_biom([argv[1]], argv[2], by_sample=False)
    if argv[:1] == ["kraken-biom-merge"] and len(argv) >= 3:
        return kraken_biom(argv[2:], argv[1], by_sample=True)
    if argv[:1] == ["taxpasta-merge"] and len(argv) >= 5:
        return taxpasta_merge(argv[1], argv[2], argv[3], argv[4:])
    if argv[:1] == ["taxpasta"] and len(argv) == 5:
        return taxpasta(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
