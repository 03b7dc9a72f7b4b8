@SampleID:S1
@Version:0.9.1
@Ranks:superkingdom|phylum|genus|species
@TaxonomyID:ncbi-taxonomy_2024
@@TAXID	RANK	TAXPATH	TAXPATHSN	PERCENTAGE
2	superkingdom	2	Bacteria	100
976	phylum	2|976	Bacteria|Bacteroidota	60
816	genus	2|976|816	Bacteria|Bacteroidota|Bacteroides	60

@SampleID:S2
@Version:0.9.1
@Ranks:superkingdom|phylum|genus|species
@@TAXID	RANK	TAXPATH	TAXPATHSN	PERCENTAGE
2	superkingdom	2	Bacteria	90
976	phylum	2|976	Bacteria|Bacteroidota	30
