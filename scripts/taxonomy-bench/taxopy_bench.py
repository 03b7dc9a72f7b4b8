#!/usr/bin/env python3
"""The taxopy side of the taxonomy benchmark: one measurement per run, timed inside the process.

    taxopy_bench.py load DUMPDIR                 load nodes.dmp, names.dmp and merged.dmp
    taxopy_bench.py taxids DUMPDIR QUERIES OUT   load, then the name lineage of every tax id
    taxopy_bench.py names DUMPDIR QUERIES OUT    load, then tax ids of every name, then lineages

Prints one JSON object with the seconds spent loading and resolving. Lineages are written to
OUT (query, tax id, lineage joined by ';') so that they can be compared with mhub's.
taxid_from_name matches scientific names only, as taxopy documents; merged ids are followed by
Taxon; deleted and unknown ids raise TaxidError and are written with an empty lineage.
"""
import json
import os
import sys
import time

import taxopy


def main():
    mode, folder = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    taxdb = taxopy.TaxDb(nodes_dmp=os.path.join(folder, "nodes.dmp"), names_dmp=os.path.join(folder, "names.dmp"),
                         merged_dmp=os.path.join(folder, "merged.dmp"), keep_files=True)
    loaded = time.perf_counter()
    result = {"load_seconds": loaded - started}
    if mode != "load":
        with open(sys.argv[3]) as handle:
            queries = [line.rstrip("\n") for line in handle if line.strip()]
        begun = time.perf_counter()
        if mode == "names":
            found = taxopy.taxid_from_name(queries, taxdb)
            pairs = [(query, ids[0] if len(ids) == 1 else None) for query, ids in zip(queries, found)]
        else:
            pairs = [(query, int(query)) for query in queries]
        rows = []
        for query, taxid in pairs:
            lineage = ""
            if taxid is not None:
                try:
                    taxon = taxopy.Taxon(taxid, taxdb)
                    taxid = taxon.taxid
                    lineage = ";".join(reversed(taxon.name_lineage))
                except taxopy.exceptions.TaxidError:
                    taxid = None
            rows.append(f"{query}\t{'' if taxid is None else taxid}\t{lineage}\n")
        result["resolve_seconds"] = time.perf_counter() - begun
        result["queries"] = len(queries)
        with open(sys.argv[4], "w") as out:
            out.writelines(rows)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
