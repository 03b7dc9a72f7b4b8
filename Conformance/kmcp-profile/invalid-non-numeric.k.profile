ref	percentage	coverage	score	chunksFrac	chunksRelDepth	chunksRelDepthStd	reads	ureads	hicureads	refsize	refname	taxid	rank	taxname	taxpath	taxpathsn
GCF_000005845.2	sixty	10.0	100.00	1.00	1.00	0.01	600	590	580	4641652		511145
