"""Reads files mhub wrote with the clients users feed them to (pandas, biom-format and its
`biom convert` command, Python's gzip and json), and prints what each client saw as one JSON
object: the client and its version, sample ids, observation ids, the sum of all values and,
where the format has them, the table type, generator, unit and taxonomy.

    output_peer.py pandas-tsv FILE          # pandas.read_csv(sep='\t'), gzip when FILE ends in .gz
    output_peer.py biom FILE                # biom.load_table (JSON, gzipped JSON or HDF5)
    output_peer.py biom-convert TSV OUT     # `biom convert -i TSV -o OUT --to-hdf5`, then load_table(OUT)
    output_peer.py profile-json FILE        # gzip + json, for the hub's own profile JSON
    output_peer.py biom-attributes FILE     # the table-level entries: JSON top-level keys, or HDF5 root attributes (h5py)
"""
import gzip
import json
import os
import subprocess
import sys


def pandas_tsv(path):
    import pandas
    compression = "gzip" if path.endswith(".gz") else None
    frame = pandas.read_csv(path, sep="\t", compression=compression, index_col=0)
    values = frame.drop(columns=[column for column in frame.columns if column == "taxonomy"])
    return {"client": f"pandas {pandas.__version__}", "columns": [str(c) for c in frame.columns],
            "index_name": frame.index.name, "samples": [str(c) for c in values.columns],
            "observations": [str(i) for i in values.index], "total": float(values.to_numpy().sum())}


def biom_table(path):
    import biom
    table = biom.load_table(path)
    metadata = table.metadata(axis="observation")
    taxonomy = None
    if metadata is not None and metadata[0] is not None and "taxonomy" in metadata[0]:
        taxonomy = [list(entry["taxonomy"]) for entry in metadata]
    return {"client": f"biom-format {biom.__version__}", "samples": list(table.ids()),
            "observations": list(table.ids(axis="observation")), "total": float(table.sum()),
            "type": table.type, "generated_by": table.generated_by, "taxonomy": taxonomy}


def biom_convert(tsv, out):
    """Runs the `biom` command installed beside this Python, as a user types it."""
    command = os.path.join(os.path.dirname(sys.executable), "biom")
    finished = subprocess.run([command, "convert", "-i", tsv, "-o", out, "--to-hdf5"], capture_output=True, text=True)
    if finished.returncode != 0:
        sys.stderr.write(finished.stdout + finished.stderr)
        raise SystemExit(1)
    return biom_table(out)


def profile_json(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    return {"client": f"python {sys.version.split()[0]} gzip+json", "format": document["format"],
            "samples": [sample["id"] for sample in document["samples"]],
            "observations": [taxon["id"] for taxon in document["taxa"]]}


def biom_attributes(path):
    """Every scalar table-level entry, as biom-format's readers leave it beside the table."""
    import h5py
    if h5py.is_hdf5(path):
        with h5py.File(path, "r") as handle:
            entries = {name: value.decode() if isinstance(value, bytes) else str(value)
                       for name, value in handle.attrs.items() if getattr(value, "shape", ()) == ()}
        return {"client": f"h5py {h5py.__version__}", "samples": [], "observations": [], "attributes": entries}
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    entries = {key: value for key, value in document.items() if isinstance(value, str)}
    return {"client": f"python {sys.version.split()[0]} json", "samples": [], "observations": [], "attributes": entries}


def main(arguments):
    command, paths = arguments[0], arguments[1:]
    readers = {"pandas-tsv": pandas_tsv, "biom": biom_table, "biom-convert": biom_convert, "profile-json": profile_json,
               "biom-attributes": biom_attributes}
    if command not in readers:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    print(json.dumps(readers[command](*paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
