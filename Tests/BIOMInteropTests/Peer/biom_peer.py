"""The reference side of the BIOM interop tests: biom-format generates tables, reads what
mhub wrote, compares, and validates.

    python biom_peer.py generate DIR          # writes tables, prints a JSON manifest
    python biom_peer.py compare A B [--taxonomy-only]
    python biom_peer.py validate FILE
    python biom_peer.py to-tsv IN OUT         # biom convert --to-tsv [--header-key taxonomy]
    python biom_peer.py from-tsv IN OUT       # biom convert --to-hdf5 [--process-obs-metadata taxonomy]
    python biom_peer.py from-artifact QZA [TAXONOMY_QZA] OUT
                                              # the artifact's own feature-table.biom, with taxonomy.tsv
                                              # joined as QIIME 2 does (biom add-metadata --sc-separated)
    python biom_peer.py compare-collapse ORIGINAL COLLAPSED LEVELS
                                              # Table.collapse by the first LEVELS taxonomy levels vs mhub's collapse

compare and validate print what differs or is invalid and exit 1 when anything does.
"""
import json
import math
import os
import sys
import tempfile
import zipfile
from datetime import datetime

import numpy as np
from biom import load_table
from biom.cli.table_validator import TableValidator
from biom.table import Table
from biom.util import biom_open

CREATED = datetime(2024, 5, 1, 12, 0, 0)
RANKS = "dpcofgs"


def random_taxonomy(rng, index):
    """A GTDB- or Greengenes-style rank list of random depth; some species left empty."""
    depth = int(rng.integers(1, 8))
    letters = RANKS if rng.random() < 0.5 else "kpcofgs"
    names = [f"{letters[level]}__Taxon{index % (7 * (level + 1))}_{level}" for level in range(depth)]
    if depth == 7 and rng.random() < 0.3:
        names[-1] = f"{letters[6]}__"
    return names


def random_table(rng, observations, samples, density, table_type, floats=False, relative=False,
                 taxonomy=True, sample_metadata=True):
    values = rng.integers(1, 500, size=(observations, samples)).astype(float)
    values *= rng.random((observations, samples)) < density
    if floats:
        values *= rng.random((observations, samples))
    if relative:
        totals = values.sum(axis=0)
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    observation_ids = [f"OTU_{i}_{int(rng.integers(0, 1 << 30)):x}" for i in range(observations)]
    sample_ids = [f"S.{i}-{int(rng.integers(0, 1000))}" for i in range(samples)]
    observation_metadata = [{"taxonomy": random_taxonomy(rng, i)} for i in range(observations)] if taxonomy else None
    metadata = None
    if sample_metadata:
        metadata = [{"body_site": str(rng.choice(["gut", "skin", "oral"])), "age": int(rng.integers(1, 90)),
                     "bmi": float(np.round(rng.uniform(15, 40), 2)), "subject": f"P{i // 2}"}
                    for i in range(samples)]
    return Table(values, observation_ids, sample_ids, observation_metadata=observation_metadata,
                 sample_metadata=metadata, table_id="interop", type=table_type)


def write_json(table, path, dense=False):
    text = table.to_json("biom_peer", creation_date=CREATED)
    if dense:
        document = json.loads(text)
        rows, columns = document["shape"]
        matrix = [[0.0] * columns for _ in range(rows)]
        for row, column, value in document["data"]:
            matrix[row][column] = value
        document["matrix_type"] = "dense"
        document["data"] = matrix
        text = json.dumps(document)
    with open(path, "w") as handle:
        handle.write(text)


def write_hdf5(table, path):
    with biom_open(path, "w") as handle:
        table.to_hdf5(handle, "biom_peer", creation_date=CREATED)


def generate(directory):
    rng = np.random.default_rng(20240501)
    specs = [
        ("single-cell", 1, 1, 1.0, "OTU table", {}),
        ("small-sparse", 6, 4, 0.5, "OTU table", {}),
        ("medium-sparse", 120, 30, 0.1, "OTU table", {}),
        ("wide-very-sparse", 400, 90, 0.02, "Taxon table", {}),
        ("float-values", 50, 12, 0.3, "OTU table", {"floats": True}),
        ("relative-abundances", 40, 10, 0.4, "Taxon table", {"floats": True, "relative": True}),
        ("no-metadata", 30, 8, 0.3, "OTU table", {"taxonomy": False, "sample_metadata": False}),
        ("type-missing", 20, 5, 0.4, None, {}),
        ("type-invalid", 20, 5, 0.4, "Custom table", {}),
    ]
    manifest = []
    for name, observations, samples, density, table_type, options in specs:
        table = random_table(rng, observations, samples, density, table_type, **options)
        for kind, writer in (("json", write_json), ("hdf5", write_hdf5)):
            path = os.path.join(directory, f"{name}.{kind}.biom")
            writer(table, path)
            manifest.append({"name": f"{name}.{kind}", "path": path, "kind": kind, "type": table_type})
        if name in ("small-sparse", "medium-sparse", "float-values"):
            path = os.path.join(directory, f"{name}.dense.json.biom")
            write_json(table, path, dense=True)
            manifest.append({"name": f"{name}.dense.json", "path": path, "kind": "json", "type": table_type})
    print(json.dumps(manifest))


def same_value(a, b):
    if isinstance(a, float) or isinstance(b, float):
        try:
            return float(a) == float(b) or (math.isnan(float(a)) and math.isnan(float(b)))
        except (TypeError, ValueError):
            return False
    if isinstance(a, (list, tuple, np.ndarray)) and isinstance(b, (list, tuple, np.ndarray)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return a == b


def metadata_rows(table, axis):
    rows = table.metadata(axis=axis)
    if rows is None:
        return [{} for _ in table.ids(axis=axis)]
    return [dict(row) if row is not None else {} for row in rows]


def compare(left_path, right_path, taxonomy_only):
    left, right = load_table(left_path), load_table(right_path)
    problems = []
    for axis in ("observation", "sample"):
        if list(left.ids(axis=axis)) != list(right.ids(axis=axis)):
            problems.append(f"{axis} ids differ: {list(left.ids(axis=axis))[:5]}… vs {list(right.ids(axis=axis))[:5]}…")
    if not problems:
        a, b = left.matrix_data.toarray(), right.matrix_data.toarray()
        if a.shape != b.shape or not np.array_equal(a, b):
            where = np.argwhere(a != b)[:3].tolist() if a.shape == b.shape else "shape"
            problems.append(f"values differ at {where}")
        for axis in ("observation", "sample"):
            if taxonomy_only and axis == "sample":
                continue
            for identifier, x, y in zip(left.ids(axis=axis), metadata_rows(left, axis), metadata_rows(right, axis)):
                if taxonomy_only:
                    x = {"taxonomy": [t for t in (x.get("taxonomy") or []) if t]}
                    y = {"taxonomy": [t for t in (y.get("taxonomy") or []) if t]}
                if set(x) != set(y) or not all(same_value(x[k], y[k]) for k in x):
                    problems.append(f"{axis} {identifier} metadata differ: {x} vs {y}")
                    break
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def collapse_key(taxonomy, levels):
    """The group a taxonomy falls in: its first `levels` named levels, without mhub's placeholders."""
    named = [level for level in (taxonomy or []) if level and not level.split("__", 1)[-1].startswith("unclassified")]
    named = [level for level in named if not level.endswith("__")]
    return "; ".join(named[:levels])


def compare_collapse(original_path, collapsed_path, levels):
    """biom-format's Table.collapse of the original by taxonomy prefix against mhub's collapse."""
    original, collapsed = load_table(original_path), load_table(collapsed_path)
    expected = original.collapse(lambda identifier, metadata: collapse_key(metadata["taxonomy"], levels),
                                 axis="observation", norm=False, include_collapsed_metadata=False)
    want = {}
    for values, identifier, _ in expected.iter(axis="observation", dense=True):
        want[identifier] = dict(zip(expected.ids(axis="sample"), values))
    got = {}
    for values, identifier, metadata in collapsed.iter(axis="observation", dense=True):
        # mhub names collapsed rows by their lineage and writes no taxonomy that the id already gives.
        taxonomy = metadata.get("taxonomy") if metadata else None
        key = collapse_key(taxonomy or identifier.split(";"), levels)
        if key in got:
            print(f"mhub has two rows for group {key}")
            return 1
        got[key] = dict(zip(collapsed.ids(axis="sample"), values))
    problems = []
    if set(want) != set(got):
        problems.append(f"groups differ: only biom-format {sorted(set(want) - set(got))[:3]}, "
                        f"only mhub {sorted(set(got) - set(want))[:3]}")
    for key in sorted(set(want) & set(got)):
        for sample, value in want[key].items():
            other = got[key].get(sample, 0.0)
            if abs(value - other) > 1e-9 * max(1.0, abs(value)):
                problems.append(f"group {key} sample {sample}: biom-format {value}, mhub {other}")
                break
    for problem in problems[:10]:
        print(problem)
    return 1 if problems else 0


def validate(path):
    result = TableValidator()(table=path)
    for line in result["report_lines"]:
        print(line)
    return 0 if result["valid_table"] else 1


def has_taxonomy_column(path):
    """Whether a classic OTU table's header (the first line not starting '# ') ends in a taxonomy column."""
    with open(path) as handle:
        for line in handle:
            if not line.startswith("# "):
                return line.rstrip("\n").split("\t")[-1].lower() == "taxonomy"
    return False


def biom_cli(arguments):
    """Runs the `biom` command line in this process; returns its exit status."""
    from biom.cli import cli
    try:
        cli.main(arguments, standalone_mode=False)
    except SystemExit as exit:
        return int(exit.code or 0)
    return 0


def artifact_member(path, name):
    """The bytes of data/NAME in a QIIME 2 artifact (a zip with one UUID root folder)."""
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.namelist() if m.split("/", 1)[1:] == ["data/" + name]]
        if len(members) != 1:
            raise SystemExit(f"{path} has no single data/{name}")
        return archive.read(members[0])


def from_artifact(table_path, taxonomy_path, out_path):
    """Writes the artifact's table as biom-format reads it; with a taxonomy artifact, its
    Taxon and Confidence columns are added as observation metadata the way `biom
    add-metadata --sc-separated taxonomy` (the route QIIME 2's users take to phyloseq) does."""
    with tempfile.TemporaryDirectory() as folder:
        biom_path = os.path.join(folder, "feature-table.biom")
        with open(biom_path, "wb") as handle:
            handle.write(artifact_member(table_path, "feature-table.biom"))
        table = load_table(biom_path)
        if taxonomy_path:
            taxonomy_file = os.path.join(folder, "taxonomy.tsv")
            with open(taxonomy_file, "wb") as handle:
                handle.write(artifact_member(taxonomy_path, "taxonomy.tsv"))
            with_taxonomy = os.path.join(folder, "with-taxonomy.biom")
            status = biom_cli(["add-metadata", "-i", biom_path, "-o", with_taxonomy, "--output-as-json",
                               "--observation-metadata-fp", taxonomy_file, "--sc-separated", "taxonomy",
                               "--observation-header", "OTUID,taxonomy,confidence", "--float-fields", "confidence"])
            if status != 0:
                return status
            table = load_table(with_taxonomy)
        write_hdf5(table, out_path)
    return 0


def main(arguments):
    command = arguments[0]
    if command == "generate":
        generate(arguments[1])
        return 0
    if command == "compare":
        return compare(arguments[1], arguments[2], "--taxonomy-only" in arguments[3:])
    if command == "compare-collapse":
        return compare_collapse(arguments[1], arguments[2], int(arguments[3]))
    if command == "validate":
        return validate(arguments[1])
    if command == "to-tsv":
        metadata = load_table(arguments[1]).metadata(axis="observation")
        header = ["--header-key", "taxonomy"] if metadata is not None and "taxonomy" in metadata[0] else []
        return biom_cli(["convert", "-i", arguments[1], "-o", arguments[2], "--to-tsv"] + header)
    if command == "from-tsv":
        taxonomy = ["--process-obs-metadata", "taxonomy"] if has_taxonomy_column(arguments[1]) else []
        return biom_cli(["convert", "-i", arguments[1], "-o", arguments[2], "--to-hdf5", "--table-type", "OTU table"]
                        + taxonomy)
    if command == "from-artifact":
        taxonomy = arguments[2] if len(arguments) == 4 else None
        return from_artifact(arguments[1], taxonomy, arguments[-1])
    print(f"unknown command {command}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
