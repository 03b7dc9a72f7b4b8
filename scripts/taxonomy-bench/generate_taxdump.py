#!/usr/bin/env python3
"""Writes a synthetic NCBI taxdump of the real one's size in its exact file layout.

    generate_taxdump.py OUTDIR [--nodes N] [--seed S]

nodes.dmp (13 classic columns), names.dmp (tax id, name, unique name, name class), merged.dmp
and delnodes.dmp, every field separated by "\t|\t" and every line ended by "\t|\n" (NCBI
taxdump_readme.txt). About 2.7 million nodes and 4 million names by default: a root, cellular
organisms, three domains and Viruses; eukaryotes under a chain of rankless clades as in NCBI;
phyla, classes, orders, families, genera and species (about 85 % of the nodes), some rankless
clades and subspecies; synonyms, authorities, common and equivalent names; a few homonyms with
a disambiguating unique name; 100,000 merged and 400,000 deleted ids. Ids are scattered over
1..3,500,000 like NCBI's. Also writes query files for the benchmark: names.txt (1,000,000
names: scientific names, synonyms and a few unknown ones) and taxids.txt (1,000,000 ids:
current, merged and deleted).
"""
import argparse
import os
import random

SYLLABLES = ["ba", "cte", "ro", "ides", "fir", "mi", "cu", "tes", "lac", "to", "ba", "cil", "lus", "strep", "to",
             "coc", "cus", "pseu", "do", "mo", "nas", "esch", "eri", "chia", "sal", "mo", "nel", "la", "clo", "stri",
             "di", "um", "pre", "vo", "tel", "ru", "mi", "no", "fae", "ca", "li", "bac", "ter", "ak", "ker", "man",
             "si", "a", "bi", "fi", "do", "eu", "my", "ces", "sac", "cha", "ro", "pho", "cae", "i", "co", "la"]


def word(rng, low, high):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--nodes", type=int, default=2_700_000)
    parser.add_argument("--seed", type=int, default=2700)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)

    total = args.nodes
    fixed = {1: (1, "no rank", "root"), 131567: (1, "no rank", "cellular organisms"), 2: (131567, "superkingdom", "Bacteria"),
             2157: (131567, "superkingdom", "Archaea"), 2759: (131567, "superkingdom", "Eukaryota"),
             10239: (1, "superkingdom", "Viruses")}
    pool = [i for i in range(3, 3_500_000) if i not in fixed]
    rng.shuffle(pool)
    next_id = iter(pool)

    parent, rank, name = {}, {}, {}
    for taxid, (p, r, n) in fixed.items():
        parent[taxid], rank[taxid], name[taxid] = p, r, n
    used_names = set(name.values())

    def unique_name(make):
        for _ in range(50):
            candidate = make()
            if candidate not in used_names:
                used_names.add(candidate)
                return candidate
        candidate = make() + " " + str(len(used_names))
        used_names.add(candidate)
        return candidate

    def add(parent_id, rank_word, text):
        taxid = next(next_id)
        parent[taxid], rank[taxid], name[taxid] = parent_id, rank_word, text
        return taxid

    # Eukaryotes sit under a chain of rankless clades (Opisthokonta, Metazoa, ... in NCBI).
    eukaryote_top = 2759
    for depth in range(10):
        eukaryote_top = add(eukaryote_top, "clade", unique_name(lambda: word(rng, 3, 5).capitalize()))
    domains = [2, 2157, eukaryote_top, 10239]
    weights = [0.35, 0.03, 0.55, 0.07]

    scale = total / 2_700_000
    plan = [(rank_word, max(2, int(count * scale)))
            for rank_word, count in [("phylum", 300), ("class", 1_000), ("order", 3_500), ("family", 14_000), ("genus", 120_000)]]
    clades = int(total * 0.02)
    subspecies = int(total * 0.06)
    species = total - len(parent) - sum(n for _, n in plan) - clades - subspecies
    level = []
    for _ in range(plan[0][1]):
        level.append(add(rng.choices(domains, weights)[0], "phylum", unique_name(lambda: word(rng, 3, 5).capitalize() + "ota")))
    suffixes = {"class": "ia", "order": "ales", "family": "aceae", "genus": ""}
    for rank_word, count in plan[1:]:
        above = level
        level = []
        for _ in range(count):
            upper = rng.choice(above)
            if rng.random() < 0.15:
                upper = add(upper, rng.choice(["clade", "no rank", "sub" + rank_word if rank_word != "genus" else "subfamily"]),
                            unique_name(lambda: word(rng, 3, 5).capitalize()))
            level.append(add(upper, rank_word, unique_name(lambda: word(rng, 2, 4).capitalize() + suffixes[rank_word])))
    genera = level
    remaining_clades = clades - (len(parent) - 6 - 10 - sum(n for _, n in plan))
    for _ in range(max(0, remaining_clades)):
        add(rng.choice(genera), "no rank", unique_name(lambda: "environmental samples " + word(rng, 2, 3)))
    species_ids = []
    for _ in range(species):
        genus = rng.choice(genera)
        species_ids.append(add(genus, "species", unique_name(lambda: name[genus] + " " + word(rng, 2, 4))))
    for _ in range(subspecies):
        sp = rng.choice(species_ids)
        add(sp, rng.choice(["subspecies", "strain", "no rank"]),
            unique_name(lambda: name[sp] + " " + rng.choice(["subsp.", "str.", "strain"]) + " " + word(rng, 1, 3).upper()))

    extra = []
    homonyms = set(rng.sample(genera, max(1, int(2_000 * scale))))
    for t in sorted(homonyms):  # another genus elsewhere with the same name (Drosophila, Senegalia)
        twin = add(rng.choice(domains[:3]), "genus", name[t])
        extra.append((twin, name[t], f"{name[t]} <{twin}>", "scientific name"))
    twins = {taxid for taxid, _, _, _ in extra}

    ids = list(parent)
    with open(os.path.join(args.outdir, "nodes.dmp"), "w") as out:
        out.writelines(f"{t}\t|\t{parent[t]}\t|\t{rank[t]}\t|\t\t|\t0\t|\t1\t|\t11\t|\t1\t|\t0\t|\t1\t|\t0\t|\t0\t|\t\t|\n"
                       for t in ids)

    classes = [("synonym", 0.19), ("authority", 0.22), ("genbank common name", 0.02), ("equivalent name", 0.02),
               ("includes", 0.02), ("common name", 0.02)]
    for t in ids:
        for name_class, share in classes:
            if rng.random() < share:
                text = name[t] + " " + ("(" + word(rng, 2, 3).capitalize() + " 19" + str(rng.randint(10, 99)) + ")"
                                        if name_class == "authority" else word(rng, 2, 3))
                extra.append((t, text, "", name_class))
    with open(os.path.join(args.outdir, "names.dmp"), "w") as out:
        out.writelines(f"{t}\t|\t{name[t]}\t|\t{f'{name[t]} <{t}>' if t in homonyms else ''}\t|\tscientific name\t|\n"
                       for t in ids if t not in twins)
        out.writelines(f"{t}\t|\t{text}\t|\t{unique}\t|\t{name_class}\t|\n" for t, text, unique, name_class in extra)

    current = list(parent)
    spare = [next(next_id) for _ in range(500_000)]
    merged = spare[:100_000]
    deleted = spare[100_000:]
    with open(os.path.join(args.outdir, "merged.dmp"), "w") as out:
        out.writelines(f"{old}\t|\t{rng.choice(current)}\t|\n" for old in merged)
    with open(os.path.join(args.outdir, "delnodes.dmp"), "w") as out:
        out.writelines(f"{t}\t|\n" for t in deleted)

    synonyms = [text for _, text, _, name_class in extra if name_class == "synonym"]
    with open(os.path.join(args.outdir, "names.txt"), "w") as out:
        for _ in range(1_000_000):
            draw = rng.random()
            if draw < 0.90:
                out.write(name[rng.choice(current)] + "\n")
            elif draw < 0.99:
                out.write(rng.choice(synonyms) + "\n")
            else:
                out.write("Unknown " + word(rng, 3, 5) + "\n")
    with open(os.path.join(args.outdir, "taxids.txt"), "w") as out:
        for _ in range(1_000_000):
            draw = rng.random()
            out.write(f"{rng.choice(current) if draw < 0.98 else rng.choice(merged) if draw < 0.99 else rng.choice(deleted)}\n")
    print(f"{len(parent)} nodes, {len(parent) - len(twins) + len(extra)} names, {len(merged)} merged, {len(deleted)} deleted")


if __name__ == "__main__":
    main()
