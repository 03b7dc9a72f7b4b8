import ProfileModel

/// The renames bundled with the hub: exactly the sourced rows of `docs/TAXONOMY.md` §2
/// (rows 1–87), each with its confirmation and source. Which targets a row serves follows
/// from its evidence:
/// - `lpsn`: rows checked against a publication, LPSN data or a page quoting LPSN ([P], [L], [S]);
/// - `ncbi`: the LPSN-checked phylum names, which NCBI adopted (pytaxonkit PR #28, §1.11), rows
///   whose new name is shown as NCBI's (row 65), and the names MetaPhlAn 3's NCBI-based tree uses
///   (rows 79–80);
/// - `gtdb`: rows whose new name is seen in GTDB R207 ([D], and [S] rows with GTDB R207 usage).
/// Rows that are ambiguous in their own source (strain splits 59–60, row 70, the DAIRYdb-only
/// rows 35–36) are bundled for the report but serve no target.
public enum BundledRenames {
    private static let lpsnSnapshot = "LPSN snapshot 2023-08-22 (dr-joe-wirth/phantasm synonymsPhylumClassOrderFamily.csv)"
    private static let phylumPaper = "Oren & Garrity 2021, IJSEM 71:005056"
    private static let gtdbR207 = "GTDB R207 (biobakery/MetaPhlAn mpa_vOct22_CHOCOPhlAnSGB_202212_SGB2GTDB_r207.tsv)"
    private static let mpa3 = "MetaPhlAn 3 species tree (mpa_v30_CHOCOPhlAn_201901_species_tree.nwk)"
    private static let zheng2020 = "Zheng et al. 2020, IJSEM 70:2782–2858, DOI 10.1099/ijsem.0.004107"

    /// The bundled table.
    public static let table = RenameTable(rows: rows)

    /// Every bundled row; a row with several old names (`Lentisphaerae`, `Lentisphaeraeota`) or
    /// several species appears once per name.
    public static let rows: [RenameRow] = phyla + higherRanks + species + databaseUsage

    private static func phylum(_ row: Int, _ old: [String], _ new: String, _ extra: String = "") -> [RenameRow] {
        old.map { name in
            RenameRow(row: row, oldName: name, newName: new, rank: .phylum, confirmation: .lpsn,
                      source: "TAXONOMY.md §2.1 row \(row): [L] \(lpsnSnapshot); \(phylumPaper)\(extra)",
                      targets: [.lpsn, .ncbi])
        }
    }

    private static let phyla: [RenameRow] = [
        phylum(1, ["Firmicutes"], "Bacillota"),
        phylum(2, ["Bacteroidetes"], "Bacteroidota", "; NCBI adoption: pytaxonkit PR #28"),
        phylum(3, ["Proteobacteria"], "Pseudomonadota"),
        phylum(4, ["Actinobacteria"], "Actinomycetota"),
        phylum(5, ["Verrucomicrobia"], "Verrucomicrobiota"),
        phylum(6, ["Fusobacteria"], "Fusobacteriota"),
        phylum(7, ["Tenericutes"], "Mycoplasmatota"),
        phylum(8, ["Spirochaetes"], "Spirochaetota"),
        phylum(9, ["Synergistetes"], "Synergistota"),
        phylum(10, ["Lentisphaerae", "Lentisphaeraeota"], "Lentisphaerota"),
        phylum(11, ["Chloroflexi"], "Chloroflexota"),
        phylum(12, ["Planctomycetes"], "Planctomycetota"),
        phylum(13, ["Acidobacteria"], "Acidobacteriota"),
        phylum(14, ["Chlamydiae"], "Chlamydiota"),
        phylum(15, ["Deinococcus-Thermus"], "Deinococcota"),
        phylum(16, ["Elusimicrobia"], "Elusimicrobiota"),
        phylum(17, ["Fibrobacteres"], "Fibrobacterota"),
        phylum(18, ["Gemmatimonadetes", "Gemmatimonadaeota"], "Gemmatimonadota"),
        phylum(19, ["Nitrospirae", "Nitrospiraeota"], "Nitrospirota"),
        phylum(20, ["Aquificae", "Aquificaeota"], "Aquificota"),
        phylum(21, ["Thermotogae", "Thermotogaeota"], "Thermotogota"),
        phylum(22, ["Deferribacteres"], "Deferribacterota"),
        phylum(23, ["Chlorobi"], "Chlorobiota"),
        phylum(24, ["Chrysiogenetes"], "Chrysiogenota"),
        phylum(25, ["Thermodesulfobacteria"], "Thermodesulfobacteriota"),
        phylum(26, ["Caldiserica", "Caldisericaeota"], "Caldisericota"),
        phylum(27, ["Armatimonadetes"], "Armatimonadota"),
        phylum(28, ["Kiritimatiellaeota"], "Kiritimatiellota"),
        phylum(29, ["Calditrichaeota"], "Calditrichota"),
        phylum(30, ["Balneolaeota"], "Balneolota"),
        phylum(31, ["Rhodothermaeota"], "Rhodothermota"),
        phylum(32, ["Nitrospinae"], "Nitrospinota"),
        phylum(33, ["Crenarchaeota"], "Thermoproteota"),
        ["Thaumarchaeota", "Nitrososphaeraeota"].map { name in
            RenameRow(row: 34, oldName: name, newName: "Nitrososphaerota", rank: .phylum, confirmation: .lpsn,
                      source: "TAXONOMY.md §2.1 row 34: LPSN page https://lpsn.dsmz.de/phylum/nitrososphaerota-1 (Brochier-Armanet et al. 2021)",
                      targets: [.lpsn, .ncbi])
        },
        [RenameRow(row: 35, oldName: "Thermomicrobia", newName: "Thermomicrobiota", rank: .phylum, confirmation: .communityList,
                   source: "TAXONOMY.md §2.1 row 35: DAIRYdb v3.0.0 changelog only (marcomeola/DAIRYdb issue 7)", targets: []),
         RenameRow(row: 36, oldName: "Epsilonbacteraeota", newName: "Campylobacterota", rank: .phylum, confirmation: .communityList,
                   source: "TAXONOMY.md §2.1 row 36: DAIRYdb v3.0.0 changelog only; year not confirmed", targets: []),
         RenameRow(row: 37, oldName: "Euryarchaeota", newName: "Methanobacteriota", rank: .phylum, confirmation: .publication,
                   source: "TAXONOMY.md §2.1 row 37: [P] Göker & Oren 2023, IJSEM 006024", targets: [.lpsn]),
         RenameRow(row: 38, oldName: "Nanoarchaeota", newName: "Nanobdellota", rank: .phylum, confirmation: .publication,
                   source: "TAXONOMY.md §2.1 row 38: [P] Göker & Oren 2023, IJSEM 006024", targets: [.lpsn])],
    ].flatMap { $0 }

    private static func lpsnRow(_ row: Int, _ old: String, _ new: String, _ rank: Rank) -> RenameRow {
        RenameRow(row: row, oldName: old, newName: new, rank: rank, confirmation: .lpsn,
                  source: "TAXONOMY.md §2.2 row \(row): [L] \(lpsnSnapshot)", targets: [.lpsn])
    }

    private static let higherRanks: [RenameRow] = [
        lpsnRow(39, "Clostridiales", "Eubacteriales", .order),
        RenameRow(row: 40, oldName: "Ruminococcaceae", newName: "Oscillospiraceae", rank: .family, confirmation: .lpsn,
                  source: "TAXONOMY.md §2.2 row 40: [L] \(lpsnSnapshot) (a taxonomic opinion; GTDB R207 keeps both families)",
                  targets: [.lpsn]),
        lpsnRow(41, "Enterobacteriales", "Enterobacterales", .order),
        lpsnRow(42, "Actinobacteria", "Actinomycetes", .class),
        lpsnRow(43, "Corynebacteriales", "Mycobacteriales", .order),
        lpsnRow(44, "Verrucomicrobiae", "Verrucomicrobiia", .class),
        RenameRow(row: 45, oldName: "Leuconostocaceae", newName: "Lactobacillaceae", rank: .family, confirmation: .publication,
                  source: "TAXONOMY.md §2.2 row 45: [P] \(zheng2020) (families united)", targets: [.lpsn]),
    ]

    private static func speciesRow(_ row: Int, _ old: String, _ new: String, _ confirmation: RenameConfirmation,
                                   _ source: String, _ targets: Set<TargetTaxonomy>) -> RenameRow {
        RenameRow(row: row, oldName: old, newName: new, rank: .species, confirmation: confirmation,
                  source: "TAXONOMY.md §2.3 row \(row): [\(confirmation.rawValue)] \(source)", targets: targets)
    }

    private static let species: [RenameRow] = [
        speciesRow(46, "Propionibacterium acnes", "Cutibacterium acnes", .publication,
                   "Scholz & Kilian 2016, IJSEM 66:4422–4432, DOI 10.1099/ijsem.0.001367", [.lpsn]),
        speciesRow(47, "Propionibacterium avidum", "Cutibacterium avidum", .secondary,
                   "Wikipedia mirror of C. acnes (same 2016 proposal); [D] \(gtdbR207)", [.lpsn, .gtdb]),
        speciesRow(48, "Propionibacterium granulosum", "Cutibacterium granulosum", .secondary,
                   "as row 47; [D] \(gtdbR207)", [.lpsn, .gtdb]),
        speciesRow(49, "Clostridium difficile", "Clostridioides difficile", .publication,
                   "Lawson et al. 2016, Anaerobe, DOI 10.1016/j.anaerobe.2016.06.008", [.lpsn]),
        speciesRow(50, "Clostridium mangenotii", "Clostridioides mangenotii", .publication,
                   "Lawson et al. 2016, Anaerobe, DOI 10.1016/j.anaerobe.2016.06.008", [.lpsn]),
        speciesRow(51, "Eubacterium hallii", "Anaerobutyricum hallii", .publication,
                   "Shetty et al. 2018, IJSEM, DOI 10.1099/ijsem.0.003041", [.lpsn]),
        speciesRow(52, "Eubacterium aerofaciens", "Collinsella aerofaciens", .publication,
                   "Kageyama et al. 1999, IJSB 49:557, DOI 10.1099/00207713-49-2-557", [.lpsn]),
        speciesRow(53, "Bacteroides melaninogenicus", "Prevotella melaninogenica", .publication,
                   "Shah & Collins 1990, IJSB 40:205–208", [.lpsn]),
        speciesRow(54, "Bacteroides vulgatus", "Phocaeicola vulgatus", .secondary,
                   "Wikipedia mirror (García-López et al. 2020); [D] \(gtdbR207)", [.lpsn, .gtdb]),
        speciesRow(55, "Clostridium clostridioforme", "Enterocloster clostridioformis", .secondary,
                   "Haas & Blanchard 2020, IJSEM 70:23–34, DOI 10.1099/ijsem.0.003698; [D] \(gtdbR207)", [.lpsn, .gtdb]),
        speciesRow(56, "Clostridium asparagiforme", "Enterocloster asparagiformis", .secondary,
                   "name used in a 2021 IJSEM abstract; [D] \(mpa3) has the old name", [.lpsn]),
        speciesRow(57, "Clostridium lavalense", "Enterocloster lavalensis", .secondary,
                   "as row 56; [D] \(mpa3) has the old name", [.lpsn]),
        speciesRow(58, "Prevotella copri", "Segatella copri", .secondary,
                   "Blanco-Míguez et al. 2023 (PMC10635906); year not confirmed; GTDB R207 keeps Prevotella copri", [.lpsn]),
        speciesRow(59, "Faecalibacterium prausnitzii", "Faecalibacterium duncaniae", .publication,
                   "Sakamoto et al. 2022, IJSEM, DOI 10.1099/ijsem.0.005379; strain A2-165 only, so a name alone is not renamed", []),
        speciesRow(60, "Faecalibacterium prausnitzii", "Faecalibacterium hattorii", .publication,
                   "Sakamoto et al. 2022; strain APC922/41-1 only, so a name alone is not renamed", []),
        speciesRow(61, "Lactobacillus casei", "Lacticaseibacillus casei", .publication, zheng2020, [.lpsn]),
        speciesRow(62, "Lactobacillus plantarum", "Lactiplantibacillus plantarum", .publication, zheng2020, [.lpsn]),
        speciesRow(63, "Lactobacillus rhamnosus", "Lacticaseibacillus rhamnosus", .secondary,
                   "Wikipedia mirror synonym list ((Hansen 1968) Zheng et al. 2020)", [.lpsn]),
        speciesRow(64, "Lactobacillus paracasei", "Lacticaseibacillus paracasei", .secondary,
                   "Wikipedia mirror synonym list ((Collins et al. 1989) Zheng et al. 2020)", [.lpsn]),
        speciesRow(65, "Lactobacillus fermentum", "Limosilactobacillus fermentum", .publication,
                   "NCBI synonym shown in shenwei356/taxonkit doc/docs/usage.md; genus from \(zheng2020)", [.lpsn, .ncbi]),
        speciesRow(66, "Lactobacillus reuteri", "Limosilactobacillus reuteri", .secondary,
                   "Wikipedia mirror text; [D] \(gtdbR207)", [.lpsn, .gtdb]),
    ]

    private static func usage(_ row: Int, _ old: String, _ new: String, _ targets: Set<TargetTaxonomy> = [.gtdb],
                              seen: String = "", note: String = "") -> RenameRow {
        RenameRow(row: row, oldName: old, newName: new, rank: .species, confirmation: .databaseUsage,
                  source: "TAXONOMY.md §2.4 row \(row): [D] old name \(seen.isEmpty ? "in \(mpa3)" : seen), new name in "
                      + (targets == [.ncbi] ? mpa3 : gtdbR207) + (note.isEmpty ? "" : "; \(note)"),
                  targets: targets)
    }

    private static func lactobacilli(_ row: Int, _ genus: String, _ epithets: [String]) -> [RenameRow] {
        epithets.map { usage(row, "Lactobacillus \($0)", "\(genus) \($0)", seen: "not seen in a file; genus from \(zheng2020)") }
    }

    private static let databaseUsage: [RenameRow] = [
        usage(67, "Bacteroides dorei", "Phocaeicola dorei"),
        usage(68, "Bacteroides plebeius", "Phocaeicola plebeius", note: "GTDB R207 also has Phocaeicola plebeius_A"),
        usage(69, "Bacteroides coprocola", "Phocaeicola coprocola"),
        usage(70, "Bacteroides massiliensis", "Phocaeicola massiliensis", [],
              note: "GTDB R207 also keeps Bacteroides massiliensis and _B, so the name alone is ambiguous"),
        usage(71, "Clostridium bolteae", "Enterocloster bolteae", seen: "in MetaPhlAn 2 (GMHI lists) and \(mpa3)"),
        usage(72, "Eubacterium rectale", "Agathobacter rectalis", note: "GTDB R207 also has a separate Clostridium_AS rectalis"),
        usage(73, "Ruminococcus torques", "Mediterraneibacter torques"),
        usage(74, "Ruminococcus lactaris", "Mediterraneibacter lactaris"),
        usage(75, "Ruminococcus obeum", "Blautia_A obeum", note: "the MetaPhlAn 3 tree carries both Ruminococcus obeum and Blautia obeum"),
        usage(76, "Eubacterium eligens", "Lachnospira eligens_A"),
        usage(77, "Staphylococcus sciuri", "Mammaliicoccus sciuri"),
        usage(78, "Lactobacillus ruminis", "Ligilactobacillus ruminis"),
        usage(79, "Clostridium ramosum", "Erysipelatoclostridium ramosum", [.ncbi], seen: "in MetaPhlAn 2 (GMHI lists)",
              note: "a further move to Thomasclavelia was not confirmed"),
        usage(80, "Clostridium hathewayi", "Hungatella hathewayi", [.ncbi], seen: "in MetaPhlAn 2 (GMHI lists)"),
    ] + lactobacilli(81, "Latilactobacillus", ["sakei", "curvatus"])
        + lactobacilli(82, "Levilactobacillus", ["brevis"])
        + lactobacilli(83, "Lentilactobacillus", ["buchneri", "kefiri", "parabuchneri"])
        + lactobacilli(84, "Ligilactobacillus", ["agilis", "animalis", "murinus"])
        + lactobacilli(85, "Lacticaseibacillus", ["zeae"])
        + lactobacilli(86, "Lactiplantibacillus", ["pentosus", "paraplantarum"])
        + lactobacilli(87, "Fructilactobacillus", ["sanfranciscensis"])
}
