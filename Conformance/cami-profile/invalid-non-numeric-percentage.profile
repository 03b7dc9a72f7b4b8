@SampleID:S1
@Ranks:superkingdom|phylum
@@TAXID	RANK	TAXPATH	TAXPATHSN	PERCENTAGE
2	superkingdom	2	Bacteria	lots
